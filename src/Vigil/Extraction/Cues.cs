using Vigil.Text;
namespace Vigil.Extraction;

/// <summary>
/// Context words that tell what a capitalised name is, per language: titles before or after a
/// person ("presidente", "spokesman", "министр"), words that introduce an organisation
/// ("agenzia", "news agency"), and particles glued to Korean names. Keys are lower-case and accent-free
/// (as <see cref="Vigil.Text.Tokenizer.Normalize"/> gives them).
/// </summary>
internal static class Cues
{
    public static readonly HashSet<string> PersonTitles = new(StringComparer.Ordinal)
    {
        // it
        "presidente", "leader", "ministro", "viceministro", "premier", "portavoce", "consigliere", "collaboratore", "assistente", "segretario",
        "ambasciatore", "generale", "ammiraglio", "colonnello", "professore", "professoressa", "cancelliere", "senatore", "deputato", "direttore",
        "capo", "sindaco", "dittatore", "sottosegretario", "vicepresidente", "zar", "omologo", "giornalista", "analista", "ricercatore", "papa",
        "signor", "signora", "presidentessa", "ministra", "comandante", "funzionario", "inviato", "esperto",
        // en
        "president", "minister", "spokesman", "spokeswoman", "spokesperson", "adviser", "advisor", "aide", "secretary", "ambassador", "general",
        "admiral", "colonel", "professor", "chancellor", "senator", "representative", "director", "chief", "mayor", "dictator", "envoy",
        "mr", "mrs", "ms", "dr", "analyst", "researcher", "official", "commander", "chairman", "premier", "pope", "king", "queen", "lieutenant",
        // fr
        "président", "ministre", "porte-parole", "conseiller", "secrétaire", "ambassadeur", "général", "chancelier", "sénateur", "directeur", "m", "mme",
        "presidente", "dirigeant",
        // es
        "ministro", "portavoz", "asesor", "secretario", "embajador", "canciller", "senador", "director", "sr", "sra",
        // de
        "präsident", "minister", "sprecher", "sprecherin", "berater", "botschafter", "kanzler", "kanzlerin", "außenminister", "verteidigungsminister", "herr", "frau",
        // ru
        "президент", "министр", "глава", "пресс-секретарь", "представитель", "советник", "помощник", "посол", "генерал", "премьер", "лидер",
        "председатель", "директор", "губернатор", "замминистра", "спикер", "официальный",
    };

    /// <summary>Source cues: a capitalised name right after them ("according to John Kirby") is a speaker.</summary>
    public static readonly HashSet<string> SourceCues = new(StringComparer.Ordinal)
    {
        "according", "to", "secondo", "selon", "segun", "laut", "словам",
    };

    public static readonly HashSet<string> OrgIntroducers = new(StringComparer.Ordinal)
    {
        "agenzia", "quotidiano", "giornale", "emittente", "tv", "societa", "azienda", "compagnia", "banca", "gruppo", "universita",
        "agency", "newspaper", "daily", "broadcaster", "company", "firm", "bank", "group", "university",
        "agence", "journal", "societe", "banque", "entreprise", "agencia", "diario", "periodico", "empresa", "banco",
        "agentur", "zeitung", "firma", "unternehmen", "агентство", "газета", "компания", "банк", "издание", "телеканал",
    };

    /// <summary>Capitalised words that start an organisation's name in Italian and other languages ("Consiglio di ...", "Ministero della ...").</summary>
    public static readonly HashSet<string> OrgHeads = new(StringComparer.Ordinal)
    {
        "consiglio", "ministero", "dipartimento", "agenzia", "universita", "partito", "commissione", "corte", "tribunale", "banca", "assemblea",
        "parlamento", "governo", "esercito", "marina", "ufficio", "istituto", "fondazione", "servizio", "comitato", "organizzazione", "federazione",
        "council", "ministry", "department", "agency", "university", "party", "commission", "court", "bank", "assembly", "parliament", "office",
        "institute", "foundation", "service", "committee", "organization", "organisation", "army", "navy", "corporation", "company",
        "conseil", "ministere", "universite", "parti", "cour", "banque", "assemblee", "consejo", "ministerio", "universidad", "partido",
        "ministerium", "rat", "partei", "bundesamt", "министерство", "совет", "партия", "комитет", "служба", "суд",
    };

    public static readonly HashSet<string> OrgSuffixes = new(StringComparer.Ordinal)
    {
        "ltd", "llc", "inc", "corp", "corporation", "company", "co", "plc", "gmbh", "ag", "sa", "spa", "srl", "jsc", "pjsc", "oao", "ooo", "ao",
        "bank", "group", "agency", "university", "news", "times", "post", "institute", "council", "ministry", "trading", "shipping",
    };

    /// <summary>Lower-case words allowed inside an organisation's name ("Consiglio di sicurezza dell’ONU").</summary>
    public static readonly HashSet<string> NameConnectors = new(StringComparer.Ordinal)
    {
        "di", "del", "della", "dell", "dei", "degli", "delle", "e", "per", "of", "the", "and", "for", "de", "des", "du", "la", "le", "et", "y", "del", "der", "die", "das", "für", "und",
    };

    /// <summary>Korean particles that follow a name inside one space-separated word (longest first).</summary>
    public static readonly string[] KoreanParticles =
    [
        "에서부터", "으로부터", "에게서", "로부터", "에서는", "에서도", "에게는", "으로는", "과의", "와의", "에서", "에게", "으로", "까지", "부터", "처럼", "보다", "이나", "이며", "이다", "와는", "과는",
        "에는", "에도", "로는", "이라", "라는", "측은", "측이", "측의", "은", "는", "이", "가", "을", "를", "의", "에", "와", "과", "도", "로", "만", "측",
    ];

    /// <summary>Capitalised words that are not names even when capitalised mid-sentence (months, weekdays, titles written with capitals).</summary>
    public static readonly HashSet<string> NotNames = new(StringComparer.Ordinal)
    {
        "il", "lo", "la", "i", "gli", "le", "un", "una", "e", "ma", "se", "per", "con", "in", "a", "da", "di", "che", "non", "questo", "questa", "secondo", "dopo", "prima",
        "the", "a", "an", "and", "but", "if", "for", "with", "in", "on", "at", "by", "of", "this", "that", "according", "after", "before", "he", "she", "it", "they", "we", "i",
        "le", "les", "des", "une", "el", "los", "las", "der", "die", "das", "ein", "eine",
        "presidente", "president", "ministro", "minister", "esteri", "difesa", "stato", "governo", "leader", "prev", "next", "leggi", "anche",
    };

    // The lists above are written with their letters; tokens are looked up by their normalised keys.
    static Cues()
    {
        LexiconKeys.Normalize(PersonTitles);
        LexiconKeys.Normalize(SourceCues);
        LexiconKeys.Normalize(OrgIntroducers);
        LexiconKeys.Normalize(OrgHeads);
        LexiconKeys.Normalize(OrgSuffixes);
        LexiconKeys.Normalize(NameConnectors);
        LexiconKeys.Normalize(NotNames);
    }
}
