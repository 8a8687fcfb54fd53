using Vigil.Model;
using Vigil.Text;

namespace Vigil.Extraction;

/// <summary>
/// Sentence-level claims: the event a sentence reports (by trigger words per type), the
/// entities taking part, the quantity and date in the sentence, who the text says makes the
/// claim (a source cue such as "secondo", "according to", "по словам", "…에 따르면", or the
/// subject of a reporting verb, with the outlet that relays it), how the text stands behind it
/// (asserted, reported, denied, speculative) and who denies it. The evidence is the sentence.
/// </summary>
public static class ClaimExtractor
{
    private static readonly string[] ClauseBreaks = ["ma", "tuttavia", "pero", "but", "however", "although", "though", "while", "mais", "cependant", "aber", "jedoch", "но", "однако", "하지만", "그러나"];
    private static readonly string[][] ClauseBreakPairs = [["anche", "se"], ["even", "though"], ["bien", "que"], ["aunque"], ["obwohl"], ["хотя"]];

    private static readonly string[] RecipientMarkers = ["alla", "alle", "al", "ai", "agli", "a", "to", "à", "au", "aux", "an", "в", "для"];

    private sealed record Sentence(int Index, SentenceSpan Span, int FirstToken, int LastToken);

    public static IReadOnlyList<Claim> Extract(Document document, IReadOnlyList<Token> tokens, IReadOnlyList<SentenceSpan> sentences,
        IReadOnlyList<Mention> mentions, IReadOnlyList<DateMention> dates, IReadOnlyList<QuantityMention> quantities, string[]? keys = null)
    {
        var text = document.Text;
        keys ??= Tokenizer.Keys(text, tokens);
        // Which lexicon lists each token starts like, worked out once for the whole text.
        var lex = ClaimLexicon.Masks(keys);
        var titles = PersonTitles.Collect(tokens, keys, lex, mentions);
        var claims = new List<Claim>();
        var t = 0;
        for (var s = 0; s < sentences.Count; s++)
        {
            var span = sentences[s];
            while (t < tokens.Count && tokens[t].End <= span.Start) t++;
            var first = t;
            while (t < tokens.Count && tokens[t].Start < span.End) t++;
            var last = t - 1;
            if (last < first) continue;
            var inSentence = mentions.Where(m => m.Span.Start >= span.Start && m.Span.End <= span.End).ToList();
            FromSentence(document, text, tokens, keys, lex, new Sentence(s, span, first, last), inSentence, titles, dates, quantities, claims);
        }
        return claims;
    }

    private static void FromSentence(Document document, string text, IReadOnlyList<Token> tokens, string[] keys, int[] lex, Sentence s,
        List<Mention> mentions, PersonTitles titles, IReadOnlyList<DateMention> dates, IReadOnlyList<QuantityMention> quantities, List<Claim> claims)
    {
        // Clause split: a denial after "ma", "anche se", "but" belongs to its own clause.
        var denialAt = -1;
        for (var i = s.FirstToken; i <= s.LastToken && denialAt < 0; i++)
            if (tokens[i].Kind == TokenKind.Word && (lex[i] & ClaimLexicon.Denial) != 0) denialAt = i;
        var hasDenial = denialAt >= 0;
        var clauseStart = s.FirstToken;
        if (hasDenial)
            for (var i = denialAt - 1; i >= s.FirstToken; i--)
                if (ClauseBreaks.Contains(keys[i]) || ClauseBreakPairs.Any(p => i + p.Length - 1 <= s.LastToken && p.Select((w, k) => keys[i + k] == w).All(x => x)) || keys[i] == ";")
                { clauseStart = i; break; }

        var mainEnd = hasDenial && clauseStart > s.FirstToken ? clauseStart - 1 : s.LastToken;
        var type = TypeOf(lex, s.FirstToken, mainEnd);

        var (attribution, sources, relay, cued, speakerPhrase) = Attribution(text, tokens, keys, lex, s, mentions, titles, dates);
        // Places named inside an unnamed source ("a senior US official") describe the speaker and take no part in the event.
        if (speakerPhrase is { } p) mentions = mentions.Where(m => m.Span.End <= p.Start || m.Span.Start >= p.End).ToList();
        var hasReportingVerb = FirstWith(lex, s.FirstToken, s.LastToken, ClaimLexicon.Reporting) >= 0;
        // A visit someone speaks of ("ha invitato Kim a visitare Mosca", "said he would visit") is that person's statement.
        if (type == ClaimType.Other && attribution is not null && hasReportingVerb) type = null;
        var speculative = false;
        for (var i = s.FirstToken; i <= s.LastToken && !speculative; i++)
            speculative = (lex[i] & ClaimLexicon.Hedge) != 0 && keys[i].Length >= 3;
        var evidence = new Span(document.Id, s.Span.Start, s.Span.End);
        // The date nearest the event's trigger word, else the first in the sentence.
        var triggerAt = type is null ? -1 : TriggerIndex(lex, s.FirstToken, mainEnd, type.Value);
        var date = dates.Where(d => d.Span.Start >= s.Span.Start && d.Span.End <= s.Span.End)
            .OrderBy(d => triggerAt < 0 ? d.Span.Start : Math.Abs(d.Span.Start - tokens[triggerAt].Start)).FirstOrDefault();
        var quantity = quantities.FirstOrDefault(q => q.Span.Start >= s.Span.Start && q.Span.End <= s.Span.End && q.Quantity.Unit.Length > 0)?.Quantity;

        if (hasDenial)
        {
            var denialClause = mentions.Where(m => m.Span.Start >= tokens[clauseStart].Start).ToList();
            var deniers = Distinct(denialClause.Select(m => m.Name));
            if (type is not null && clauseStart > s.FirstToken)
            {
                // "X ha fornito armi, anche se i due Paesi hanno sempre negato": the claim, and who denies it.
                var mainMentions = mentions.Where(m => m.Span.End <= tokens[clauseStart].Start).ToList();
                var deniersOrActors = deniers.Count > 0 ? deniers : Distinct(mainMentions.Where(m => m.Schema == EntitySchema.Location).Select(m => m.Name));
                claims.Add(Make(document, type.Value, Actors(text, tokens, keys, type.Value, mainMentions, sources, relay), quantity, date, attribution,
                    speculative ? Stance.Speculative : attribution is null ? Stance.Asserted : Stance.Reported, deniersOrActors, evidence, text));
                claims.Add(Make(document, ClaimType.Denial, deniersOrActors, null, date, null, Stance.Asserted, [], evidence, text));
                return;
            }
            if (type is not null)
            {
                // The agent of a passive ("le accuse di aver inviato missili alla Russia sono state smentite da Pyongyang"); else
                // the subject ("Pyongyang ha definito assurde le accuse di fornire armi alla Russia"): the names before the denial
                // word and before the event's own words ("The Kremlin called the reports of troops in Kursk baseless"); else the
                // speaker who says so ("외무부는 … 사실무근이라고 밝혔다"); else nobody the text names, as the names after the verb
                // are the claim's parties ("Песков опроверг сообщения о поставках снарядов в Россию").
                var agent = AgentAfter(tokens, keys, denialAt, s.LastToken, mentions).ToList();
                var subjectEnd = Math.Min(tokens[denialAt].Start, tokens[Math.Max(s.FirstToken, TriggerIndex(lex, s.FirstToken, mainEnd, type.Value))].Start);
                var subject = mentions.Where(m => m.Span.End <= subjectEnd && !sources.Contains(m.Name) && m.Name != relay).Select(m => m.Name).ToList();
                var subjects = Distinct(agent.Count > 0 ? agent : subject.Count > 0 ? subject : !cued && relay is null ? sources : []);
                var others = mentions.Where(m => !subjects.Contains(m.Name)).ToList();
                claims.Add(Make(document, type.Value, Actors(text, tokens, keys, type.Value, others, sources, relay), quantity, date, attribution, Stance.Denied, subjects, evidence, text));
                if (subjects.Count > 0)
                    claims.Add(Make(document, ClaimType.Denial, subjects, null, date, attribution, attribution is null ? Stance.Asserted : Stance.Reported, [], evidence, text));
                return;
            }
            // A denial on its own ("Tuttavia, queste accuse sono state negate dalla Russia"): it denies the claim before it.
            if (deniers.Count > 0)
            {
                claims.Add(Make(document, ClaimType.Denial, deniers, null, date, attribution, attribution is null ? Stance.Asserted : Stance.Reported, [], evidence, text));
                for (var k = claims.Count - 2; k >= 0; k--)
                {
                    var previous = claims[k];
                    if (previous.Type is ClaimType.Denial or ClaimType.Statement) continue;
                    claims[k] = previous with { DeniedBy = Distinct(previous.DeniedBy.Concat(deniers)) };
                    break;
                }
            }
            return;
        }

        if (type is not null)
        {
            var stance = speculative ? Stance.Speculative : attribution is null ? Stance.Asserted : Stance.Reported;
            var actors = Actors(text, tokens, keys, type.Value, ReportedClause(tokens, keys, lex, s, mentions, sources), sources, relay);
            if (actors.Count == 0 && type != ClaimType.Veto) return;
            claims.Add(Make(document, type.Value, actors, quantity, date, attribution, stance, [], evidence, text));
            return;
        }

        // No event: a statement when someone named says something.
        if (sources.Count > 0 && (cued || hasReportingVerb))
            claims.Add(Make(document, ClaimType.Statement, sources.Take(1).ToList(), quantity, date, attribution, Stance.Reported, [], evidence, text));
    }

    private static readonly HashSet<string> Complementisers = new(StringComparer.Ordinal) { "che", "that", "que", "qu'", "dass", "что", "чтобы" };

    /// <summary>
    /// "The State Department's spokesman Matthew Miller said that North Korea supplied ... to Russia":
    /// the parties of the event are named after "said that"; the names before it describe the
    /// speaker. The mentions of the reported clause when the sentence has that shape, else all of them.
    /// </summary>
    private static List<Mention> ReportedClause(IReadOnlyList<Token> tokens, string[] keys, int[] lex, Sentence s, List<Mention> mentions, List<string> sources)
    {
        if (sources.Count == 0) return mentions;
        for (var i = s.FirstToken; i < s.LastToken; i++)
        {
            if ((lex[i] & ClaimLexicon.Reporting) == 0) continue;
            var that = Enumerable.Range(i + 1, Math.Min(2, s.LastToken - i)).FirstOrDefault(k => Complementisers.Contains(keys[k]), -1);
            if (that < 0) return mentions;
            var speakerBefore = mentions.Any(m => m.Span.End <= tokens[i].Start && sources.Contains(m.Name));
            var reported = mentions.Where(m => m.Span.Start >= tokens[that].End).ToList();
            return speakerBefore && reported.Count > 0 ? reported : mentions;
        }
        return mentions;
    }

    /// <summary>The first token in [first, last] whose mask has any of the bits, or -1.</summary>
    private static int FirstWith(int[] lex, int first, int last, int bits)
    {
        for (var i = first; i <= last; i++)
            if ((lex[i] & bits) != 0) return i;
        return -1;
    }

    private static int TriggerIndex(int[] lex, int first, int last, ClaimType type) =>
        FirstWith(lex, first, last, ClaimLexicon.TriggerBit(Array.FindIndex(ClaimLexicon.Triggers, t => t.Type == type)));

    private static ClaimType? TypeOf(int[] lex, int first, int last)
    {
        var any = 0;
        for (var i = first; i <= last; i++) any |= lex[i];
        for (var t = 0; t < ClaimLexicon.Triggers.Length; t++)
        {
            if ((any & ClaimLexicon.TriggerBit(t)) == 0) continue;
            var type = ClaimLexicon.Triggers[t].Type;
            switch (type)
            {
                case ClaimType.TreatySigned when (any & ClaimLexicon.Agreement) == 0:
                case ClaimType.ArmsTransfer when (any & ClaimLexicon.Transfer) == 0:
                case ClaimType.SanctionsImposed when (any & ClaimLexicon.Sanction) == 0 || (any & ClaimLexicon.Evasion) != 0:
                    continue;
            }
            return type;
        }
        return null;
    }

    /// <summary>
    /// Who the text says makes the claim: a source cue and the entity after it, "X에 따르면", or
    /// the person or body that is the subject of a reporting verb; with the outlet that relays it.
    /// Returns the attribution label and the canonical names of the sources.
    /// </summary>
    private static (string? Label, List<string> Sources, string? Relay, bool Cued, (int Start, int End)? Phrase) Attribution(string text, IReadOnlyList<Token> tokens, string[] keys, int[] lex, Sentence s,
        List<Mention> mentions, PersonTitles titles, IReadOnlyList<DateMention> dates)
    {
        var sources = new List<string>();
        string? relay = null;
        Mention? MentionAfter(int tokenIndex, int window) =>
            mentions.FirstOrDefault(m => m.Span.Start >= tokens[tokenIndex].End && (tokenIndex + window > s.LastToken || m.Span.Start <= tokens[Math.Min(tokenIndex + window, s.LastToken)].End));

        (int Start, int End)? phrase = null;
        for (var i = s.FirstToken; i <= s.LastToken; i++)
        {
            foreach (var cue in ClaimLexicon.SourceBefore)
            {
                if (i + cue.Length - 1 > s.LastToken) continue;
                var ok = true;
                for (var k = 0; k < cue.Length && ok; k++) ok = keys[i + k] == cue[k];
                if (!ok) continue;
                var end = i + cue.Length - 1;
                // "según fuentes surcoreanas": a vague source right after the cue is the source, whatever names follow.
                var vague = end + 1 <= s.LastToken && (VagueSources.Contains(keys[end + 1]) || (end + 2 <= s.LastToken && VagueSources.Contains(keys[end + 2]) && keys[end + 1].Length <= 3));
                // The source ends at the first comma: "According to a senior official, North Korea sent…" names no source.
                var window = 6;
                for (var k = end + 1; k <= Math.Min(s.LastToken, end + 6); k++)
                    if (tokens[k].Kind == TokenKind.Punctuation && text[tokens[k].Start] is ',' or ';' or ':') { window = k - end - 1; break; }
                var m = vague || window == 0 ? null : MentionAfter(end, window);
                if (m is not null && !(i > s.FirstToken && keys[i - 1] is "il" or "la" or "the" or "un")) sources.Add(m.Name);
                // "secondo" is also the ordinal "second": only a vague source ("secondo fonti di intelligence") or an unnamed
                // speaker ("selon le secrétaire d'État américain") makes a phrase.
                else if (phrase is null && (vague || (m is null && SpeakerWordWithin(keys, end + 1, PhraseEnd(tokens, keys, dates, end, s.LastToken)))))
                {
                    var last = PhraseEnd(tokens, keys, dates, end, s.LastToken);
                    var first = end + 1;
                    while (first < last && Articles.Contains(keys[first])) first++;
                    // "secondo quanto affermato dallo stesso presidente russo": a title the document gave someone is that person.
                    if (last > end && titles.PersonEndingAt(tokens, keys, end + 1, last, afterAgent: true) is { } titled) sources.Add(titled);
                    else if (last > end) phrase = (tokens[first].Start, tokens[last].End);
                }
            }
            if (keys[i] == "따르면" && i > s.FirstToken)
            {
                var m = mentions.LastOrDefault(x => x.Span.End <= tokens[i].Start);
                if (m is not null) sources.Add(m.Name);
            }
            if ((lex[i] & ClaimLexicon.Relay) != 0)
            {
                var m = MentionAfter(i, 5);
                if (m is not null && m.Schema == EntitySchema.Organization) relay ??= m.Name;
            }
        }
        // "Secondo Kim Jong-un, il trattato garantirà…": a source named by a cue says the sentence, reporting verb or not.
        var cued = sources.Count > 0;
        if (sources.Count == 0)
        {
            // The subject of a reporting verb: the person or body just before it, or just after it ("ha detto Putin").
            var verb = FirstWith(lex, s.FirstToken, s.LastToken, ClaimLexicon.Reporting);
            if (verb >= 0)
            {
                // The speaker: the closest person before the verb who is neither quoted nor a genitive modifier ("il viaggio
                // di Putin"), else a person named right after it (", ha detto Putin"), else a body, else a place.
                var quoted = QuotedRanges(text, s.Span);
                bool Free(Mention m) => !quoted.Any(q => m.Span.Start >= q.Start && m.Span.End <= q.End) && !Genitive(tokens, keys, m);
                var after = mentions.FirstOrDefault(m => m.Span.Start >= tokens[verb].End && m.Schema == EntitySchema.Person
                                                         && m.Span.Start - tokens[verb].End < 25 && Free(m));
                var before = mentions.Where(m => m.Span.End <= tokens[verb].Start && Free(m)).ToList();
                // "Il leader nordcoreano ha detto": a title right before the verb is the subject, whoever was named earlier.
                var titled = TitleBefore(tokens, keys, titles, s.FirstToken, verb);
                var subject = before.LastOrDefault(m => m.Schema == EntitySchema.Person) ?? after;
                // "“…”, ha dichiarato il presidente russo": a title right after the verb, as a name there would be.
                titled ??= subject is null ? TitleAfter(tokens, keys, titles, verb, s.LastToken) : null;
                // "A senior US official said", "un alto funzionario americano ha detto": a speaker the text does not name is the
                // phrase that describes it, rather than a place named inside it.
                var unnamed = titled is null && subject is null or { Schema: EntitySchema.Location } ? UnnamedSpeaker(tokens, keys, s.FirstToken, verb) : null;
                subject ??= before.LastOrDefault(m => m.Schema != EntitySchema.Location) ?? before.LastOrDefault();
                if (titled is not null) sources.Add(titled);
                else if (unnamed is not null) phrase ??= unnamed;
                else if (subject is not null && subject.Name != relay) sources.Add(subject.Name);
            }
        }
        sources = Distinct(sources);
        var label = sources.Count > 0 ? string.Join("; ", sources) : phrase is { } span ? text[span.Start..span.End] : null;
        if (relay is not null && label is not null && !sources.Contains(relay)) label += ", as reported by " + relay;
        else if (relay is not null && label is null) { label = relay; sources.Add(relay); }
        return (label, sources, relay, cued, sources.Count == 0 ? phrase : null);
    }

    private static readonly HashSet<string> AgentMarkers = new(StringComparer.Ordinal)
    {
        "da", "dal", "dallo", "dalla", "dai", "dagli", "dalle", "by", "par", "por", "von", "vom", "durch", "에",
    };

    /// <summary>The name right after an agent marker that follows the denial verb at <paramref name="verb"/> ("smentite dal Cremlino", "denied by Moscow").</summary>
    private static IEnumerable<string> AgentAfter(IReadOnlyList<Token> tokens, string[] keys, int verb, int lastToken, List<Mention> mentions)
    {
        for (var k = verb + 1; k <= Math.Min(lastToken, verb + 3); k++)
        {
            if (!AgentMarkers.Contains(keys[k])) continue;
            var after = mentions.FirstOrDefault(m => m.Span.Start >= tokens[k].End && (k + 3 > lastToken || m.Span.Start <= tokens[k + 3].End));
            if (after is not null) return [after.Name];
        }
        return [];
    }

    private static bool SpeakerWordWithin(string[] keys, int first, int last)
    {
        for (var k = first; k <= last; k++)
            if (UnnamedSpeakers.Contains(keys[k]) || Cues.PersonTitles.Contains(keys[k])) return true;
        return false;
    }

    /// <summary>Words that make the subject of a reporting verb a source the text does not name ("officials", "fonti").</summary>
    private static readonly HashSet<string> UnnamedSpeakers = new(StringComparer.Ordinal)
    {
        "official", "officials", "source", "sources", "diplomat", "diplomats", "analyst", "analysts", "expert", "experts", "intelligence", "agency",
        "funzionario", "funzionari", "fonte", "fonti", "diplomatico", "diplomatici", "analista", "analisti", "esperto", "esperti",
        "responsable", "responsables", "source", "sources", "fuente", "fuentes", "funcionario", "funcionarios",
        "beamter", "beamte", "quelle", "quellen", "чиновник", "чиновники", "источник", "источники", "разведка", "관계자", "소식통",
    };

    /// <summary>
    /// The phrase before the reporting verb at <paramref name="verb"/> that describes an unnamed speaker ("a senior US official",
    /// "un alto funzionario americano"): the words of its clause up to the verb (auxiliaries left out, an article too), when one
    /// of them is a word like "official" or "fonti"; null otherwise.
    /// </summary>
    private static (int Start, int End)? UnnamedSpeaker(IReadOnlyList<Token> tokens, string[] keys, int firstToken, int verb)
    {
        var last = verb - 1;
        while (last >= firstToken && FunctionWords.Auxiliaries.Contains(keys[last])) last--;
        if (last < firstToken) return null;
        var first = last;
        while (first - 1 >= firstToken && last - first < 6 && tokens[first - 1].Kind == TokenKind.Word && !Complementisers.Contains(keys[first - 1])) first--;
        if (first > last || tokens[first].Kind != TokenKind.Word) return null;
        var named = false;
        for (var k = first; k <= last && !named; k++) named = UnnamedSpeakers.Contains(keys[k]);
        if (!named) return null;
        while (first < last && Articles.Contains(keys[first])) first++;
        return (tokens[first].Start, tokens[last].End);
    }

    private static readonly HashSet<string> Articles = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "un", "uno", "una", "il", "lo", "la", "i", "gli", "le", "l", "une", "des", "les", "el", "los", "las", "ein", "eine", "der", "die", "das",
    };

    /// <summary>Stretches inside quotation marks: names there are quoted words, not speakers.</summary>
    private static List<(int Start, int End)> QuotedRanges(string text, SentenceSpan span)
    {
        var result = new List<(int, int)>();
        var open = -1;
        for (var i = span.Start; i < span.End; i++)
        {
            var c = text[i];
            if (open < 0 && c is '“' or '«' or '"' or '„') open = i;
            else if (open >= 0 && c is '”' or '»' or '"' or '“' && i > open) { result.Add((open, i + 1)); open = -1; }
        }
        if (open >= 0) result.Add((open, span.End));
        return result;
    }

    private static bool Genitive(IReadOnlyList<Token> tokens, string[] keys, Mention m)
    {
        var idx = TokenSearch.StartingAt(tokens, m.Span.Start);
        return idx > 0 && FunctionWords.Genitive.Contains(keys[idx - 1]);
    }

    private static readonly HashSet<string> VagueSources = new(StringComparer.Ordinal)
    {
        "fonti", "fonte", "quanto", "media", "funzionari", "analisti", "esperti", "intelligence", "sources", "officials", "analysts", "experts", "reports",
        "sources", "responsables", "fuentes", "quellen", "источники", "источникам", "данным", "sondaggi", "stime", "estimates",
    };

    /// <summary>The last word of a vague source after a cue: up to six words, ending before punctuation or a date ("fonti di intelligence sudcoreane da settembre").</summary>
    private static int PhraseEnd(IReadOnlyList<Token> tokens, string[] keys, IReadOnlyList<DateMention> dates, int cueEnd, int lastToken)
    {
        var last = cueEnd;
        while (last + 1 <= lastToken && last - cueEnd < 6 && tokens[last + 1].Kind == TokenKind.Word && !StartsDate(dates, tokens[last + 1])) last++;
        // A preposition left at the end opened a phrase that was cut off ("fonti occidentali da | ottobre").
        while (last > cueEnd + 1 && FunctionWords.PhraseOpeners.Contains(keys[last])) last--;
        return last;
    }

    private static bool StartsDate(IReadOnlyList<DateMention> dates, Token token)
    {
        foreach (var d in dates) if (d.Span.Start <= token.Start && token.Start < d.Span.End) return true;
        return false;
    }

    /// <summary>The person whose title follows the reporting verb at <paramref name="verb"/> ("ha dichiarato il presidente russo"), or null.</summary>
    private static string? TitleAfter(IReadOnlyList<Token> tokens, string[] keys, PersonTitles titles, int verb, int lastToken)
    {
        if (titles.IsEmpty) return null;
        for (var last = verb + 1; last <= Math.Min(lastToken, verb + 6) && tokens[last].Kind == TokenKind.Word; last++)
            if (titles.PersonEndingAt(tokens, keys, verb + 1, last) is { } person) return person;
        return null;
    }

    /// <summary>The person whose title stands right before the reporting verb at <paramref name="verb"/>, or null.</summary>
    private static string? TitleBefore(IReadOnlyList<Token> tokens, string[] keys, PersonTitles titles, int firstToken, int verb)
    {
        if (titles.IsEmpty) return null;
        var last = verb - 1;
        while (last >= firstToken && FunctionWords.Auxiliaries.Contains(keys[last])) last--;
        return last >= firstToken && tokens[last].Kind == TokenKind.Word ? titles.PersonEndingAt(tokens, keys, firstToken, last) : null;
    }

    private static List<string> Actors(string text, IReadOnlyList<Token> tokens, string[] keys, ClaimType type, List<Mention> mentions, List<string> sources, string? relay)
    {
        var candidates = type == ClaimType.Statement ? mentions
            : mentions.Where(m => (!sources.Contains(m.Name) || m.Schema == EntitySchema.Location) && m.Name != relay).ToList();
        var ordered = candidates.Select(m => m.Name).ToList();
        if (type is ClaimType.ArmsTransfer or ClaimType.TroopDeployment or ClaimType.Payment or ClaimType.ShipToShipTransfer)
        {
            // The recipient ("alla Russia", "to Russia", "в Россию") goes after the supplier.
            var recipient = candidates.FirstOrDefault(m => PrecededBy(text, tokens, keys, m, RecipientMarkers));
            if (recipient is not null) { ordered.Remove(recipient.Name); ordered.Add(recipient.Name); }
        }
        return Distinct(ordered).Take(4).ToList();
    }

    private static bool PrecededBy(string text, IReadOnlyList<Token> tokens, string[] keys, Mention m, string[] words)
    {
        var idx = TokenSearch.StartingAt(tokens, m.Span.Start);
        if (idx <= 0) return false;
        var prev = keys[idx - 1];
        var apostrophe = prev.IndexOf('\'');
        if (apostrophe > 0) prev = prev[..apostrophe];
        return words.Contains(prev) || (idx >= 2 && words.Contains(keys[idx - 2]) && keys[idx - 1] is "la" or "il" or "l'");
    }

    private static List<string> Distinct(IEnumerable<string> names) => names.Distinct(StringComparer.Ordinal).ToList();

    private static Claim Make(Document doc, ClaimType type, IReadOnlyList<string> actors, Quantity? quantity, DateMention? date, string? attribution,
        Stance stance, IReadOnlyList<string> deniedBy, Span evidence, string text) =>
        new(Ids.Derive("claim", doc.Id, evidence.Start.ToString(System.Globalization.CultureInfo.InvariantCulture), type.ToWire()),
            doc.Id, type, actors, quantity, date, attribution, stance, deniedBy, [], evidence, text[evidence.Start..evidence.End]);

    // The lists above are written with their letters; tokens are looked up by their normalised keys.
    static ClaimExtractor()
    {
        LexiconKeys.Normalize(Complementisers);
        LexiconKeys.Normalize(AgentMarkers);
        LexiconKeys.Normalize(UnnamedSpeakers);
        LexiconKeys.Normalize(Articles);
        LexiconKeys.Normalize(VagueSources);
    }
}
