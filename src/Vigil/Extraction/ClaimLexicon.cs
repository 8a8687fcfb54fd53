using Vigil.Model;

namespace Vigil.Extraction;

/// <summary>
/// Trigger words for claim types, attribution cues, denial and hedging words in it, en, fr, es,
/// de, ru and ko. Entries are lower-case word prefixes, compared with accent-free keys: "firmat" covers "firmato",
/// "firmata"; "подпис" covers "подписали", "подписан"; an entry ending in '$' is a whole word.
/// </summary>
internal static class ClaimLexicon
{
    /// <summary>Event triggers, most specific first: the first type whose trigger occurs in a sentence wins.</summary>
    public static readonly (ClaimType Type, string[] Prefixes)[] Triggers =
    [
        (ClaimType.ShipToShipTransfer, ["ship-to-ship", "trasbord", "transbord", "перевалк", "환적", "sts"]),
        (ClaimType.Veto, ["veto", "вето", "거부권"]),
        (ClaimType.Ratification, ["ratific", "ratifiz", "ратифиц", "비준"]),
        (ClaimType.TreatySigned, ["firmat", "firmano", "firmare", "firmeranno", "firmò", "signed", "signing", "signe", "signé", "firmaron", "firmado", "unterzeichn", "unterschrieb", "подписал", "подписан", "подписи", "서명", "체결"]),
        (ClaimType.TroopDeployment, ["truppe", "troops", "troupes", "tropas", "truppen", "soldat", "soldad", "soldier", "войск", "солдат", "военнослужащ", "파병", "병력", "dispiegat", "deployed", "deploy"]),
        (ClaimType.ArmsTransfer, ["armi", "munizion", "missil", "misil", "proiettil", "artiglieri", "arms", "weapon", "munition", "ammunition", "missile", "shells", "armes", "obus", "armas", "waffen", "munition", "оружи", "боеприпас", "снаряд", "ракет", "무기", "포탄", "탄약", "미사일"]),
        (ClaimType.SanctionsImposed, ["sanzion", "sanction", "sancion", "sanktion", "санкци", "제재"]),
        (ClaimType.Payment, ["pagament", "pagat", "payment", "paid", "paiement", "pago", "zahlung", "оплат", "платеж", "платёж", "지불", "대금", "송금"]),
        (ClaimType.Meeting, ["vertice", "incontr", "colloqui", "negoziat", "summit", "met", "meet", "talks", "rencontr", "sommet", "reuni", "cumbre", "treffen", "traf", "gipfel", "встреч", "переговор", "саммит", "회담", "만났", "만나", "회동"]),
        // Visits and arrivals: what the timeline needs of an official's travel, when no more specific event is in the sentence.
        (ClaimType.Other, ["visita", "visitat", "visiter", "atterrat", "arrivat", "recat", "visit", "arrived", "arrives", "landed", "visite", "atterri", "llego", "viaje", "besuch", "eingetroffen", "landete",
            "визит", "посет", "прибыл", "прилетел", "방문", "도착"]),
    ];

    /// <summary>Transfer verbs that make weapon words an arms transfer rather than a mere mention.</summary>
    public static readonly string[] TransferVerbs =
    [
        "forni", "spedi", "invia", "inviat", "consegn", "trasferi", "vend", "supplie", "supply", "shipp", "sent", "send", "deliver", "transferr", "sold", "provid", "fourni", "livr", "envi", "suministr", "entreg",
        "liefer", "gelieferte", "geschickt", "schick", "ricev", "recu", "recev", "receiv", "recib", "erhalt", "получ", "받", "보낸", "보냈", "постав", "передал", "переда", "отправ", "제공", "공급", "지원", "보냈", "수출", "usando", "using", "utilizz",
    ];

    public static readonly string[] SanctionVerbs = ["impost", "impone", "imposed", "impose", "impos", "verhängt", "ввел", "ввели", "введ", "부과", "affront", "facing", "adopt"];

    /// <summary>Words that put sanctions already in force in a sentence: evading, opposing or defying them is no imposition ("evitare le sanzioni imposte").</summary>
    public static readonly string[] EvasionWords =
        ["evita", "evitare", "aggira", "elude", "eludere", "oppors", "nonostante", "evade", "evading", "evasion", "circumvent", "bypass", "avoid", "oppose", "despite", "contourn", "malgre", "eludir", "pese",
         "umgeh", "trotz", "обход", "обойти", "несмотря", "회피", "우회"];

    public static readonly string[] DenialWords =
    [
        "negat", "negano", "smenti", "respint", "denied", "deny", "denies", "denial", "dismiss", "rejected", "rebuff", "dementi", "rejet", "nieg", "desmint",
        "bestritt", "bestreit", "dementiert", "zurückgewiesen", "опроверг", "отрица", "отверг", "отвергл", "부인", "부정", "일축", "assurd", "absurd", "абсурд",
        // Spanish past forms ("negó" alone: "nego…" starts "negoziati" and "negociaciones"), and the words a denial calls the
        // claim ("baseless", "назвал ложью", "사실무근").
        "negó$", "negaron", "negado", "rechaz", "infondat", "baseless", "unfounded", "groundless", "fabricat", "infonde", "infundad", "haltlos", "unbegründet",
        "ложь", "ложн", "фейк", "вымысел", "безосновательн", "사실무근", "허위",
    ];

    public static readonly string[] ReportingVerbs =
    [
        "detto", "dice", "dichiar", "afferm", "sottoline", "annunci", "assicur", "spiegat", "ribadit", "aggiunt", "accusat", "criticat", "ammesso", "precisat", "riferit", "commentat", "promess", "ringrazi", "avvert",
        "said", "says", "stated", "told", "announc", "declar", "claimed", "added", "warned", "accused", "insisted",
        "a dit", "déclar", "affirm", "annonc", "dijo", "afirm", "declar", "anunci", "sagte", "erklärt", "betont", "kündigte",
        "заявил", "сообщил", "сказал", "отметил", "подчеркнул", "объявил", "밝혔", "말했", "전했", "강조했", "발표했",
    ];

    /// <summary>Words that open an attribution; the source follows ("secondo la Tass", "according to John Kirby", "по словам Лаврова").</summary>
    public static readonly string[][] SourceBefore =
    [
        ["secondo"], ["stando", "a"], ["according", "to"], ["selon"], ["d'apres"], ["segun"], ["laut"], ["zufolge"], ["по", "словам"], ["по", "данным"], ["по", "информации"], ["как", "сообщает"], ["как", "сообщил"],
    ];

    /// <summary>Words that close an attribution: the source precedes ("…에 따르면", "citing X" handled as before).</summary>
    public static readonly string[] SourceAfterKorean = ["따르면"];

    /// <summary>Relay cues: the outlet that carried the words ("riportato dalla TASS", "reported by Reuters").</summary>
    public static readonly string[] RelayCues = ["riportat", "raccolte", "reported", "cited", "citato", "citata", "rapporté", "informó", "berichtet", "сообщает", "передает", "보도"];

    public static readonly string[] HedgeWords =
    [
        "avrebbe", "avrebbero", "sarebbe", "sarebbero", "potrebbe", "potrebbero", "presumibilmente", "forse", "probabilmente", "sembra", "ritengono", "allegedly", "reportedly", "may", "might", "could",
        "possibly", "likely", "suspected", "aurait", "auraient", "pourrait", "habría", "podría", "supuestamente", "soll", "sollen", "könnte", "angeblich", "якобы", "возможно", "предположительно", "может", "могут",
        "추정", "것으로 보인다", "가능성",
    ];

    /// <summary>Agreement words that make a signing a treaty signing.</summary>
    public static readonly string[] AgreementWords =
        ["accord", "trattat", "patto", "treaty", "agreement", "pact", "acuerdo", "tratado", "abkommen", "vertrag", "договор", "соглашени", "пакт", "조약", "협정", "합의"];

    // Bits of a token's mask (see Masks): one per trigger type (by its index in Triggers), then one per list from ListBit on.
    public const int ListBit = 12;
    public const int Agreement = 1 << ListBit, Transfer = 1 << (ListBit + 1), Sanction = 1 << (ListBit + 2), Denial = 1 << (ListBit + 3), Hedge = 1 << (ListBit + 4),
        Reporting = 1 << (ListBit + 5), Relay = 1 << (ListBit + 6), Evasion = 1 << (ListBit + 7);

    public static int TriggerBit(int typeIndex) => 1 << typeIndex;

    // Every prefix of every list by its first character, with the bits of the lists it belongs to:
    // a key is compared with the few prefixes that start like it, not with all of them.
    private static readonly Dictionary<char, (string Prefix, int Bits)[]> ByFirstChar = BuildIndex();

    private static Dictionary<char, (string Prefix, int Bits)[]> BuildIndex()
    {
        var lists = new List<(string[] Prefixes, int Bits)>();
        for (var t = 0; t < Triggers.Length; t++) lists.Add((Triggers[t].Prefixes, TriggerBit(t)));
        lists.AddRange([(AgreementWords, Agreement), (TransferVerbs, Transfer), (SanctionVerbs, Sanction), (DenialWords, Denial), (HedgeWords, Hedge), (ReportingVerbs, Reporting), (RelayCues, Relay), (EvasionWords, Evasion)]);
        // Prefixes are compared with normalised keys (accents and the breve of й dropped: "войск" → "воиск").
        return lists.SelectMany(l => l.Prefixes.Select(p => (Prefix: Vigil.Text.Tokenizer.Normalize(p), l.Bits)))
            .GroupBy(e => e.Prefix[0])
            .ToDictionary(g => g.Key, g => g.ToArray());
    }

    /// <summary>For each key, the bits of the lists it starts like (the rule of <see cref="StartsWithAny"/>).</summary>
    public static int[] Masks(string[] keys)
    {
        var masks = new int[keys.Length];
        for (var i = 0; i < keys.Length; i++)
        {
            var key = keys[i];
            if (key.Length == 0 || !ByFirstChar.TryGetValue(key[0], out var entries)) continue;
            var mask = 0;
            foreach (var (prefix, bits) in entries)
                if ((mask & bits) != bits && Matches(key, prefix)) mask |= bits;
            masks[i] = mask;
        }
        return masks;
    }

    public static bool StartsWithAny(string key, string[] prefixes)
    {
        foreach (var p in prefixes)
            if (Matches(key, p) || Matches(key, Vigil.Text.Tokenizer.Normalize(p))) return true;
        return false;
    }

    // A short prefix matches only short words: "met" is "meets", not "metropolitan".
    // An entry ending in '$' is a whole word, not a prefix.
    private static bool Matches(string key, string prefix) =>
        prefix[^1] == '$' ? key.AsSpan().SequenceEqual(prefix.AsSpan(0, prefix.Length - 1))
            : key.StartsWith(prefix, StringComparison.Ordinal) && (prefix.Length >= 4 || key.Length <= prefix.Length + 3);
}
