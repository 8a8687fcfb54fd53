using Vigil.Extraction.Gazetteers;
using Vigil.Model;
using Vigil.Text;

namespace Vigil.Extraction;

/// <summary>
/// Names in English text by capitalisation. English capitalises proper nouns only, so a capitalised word inside a
/// sentence names something unless it is a common word (hunspell's dictionary: <see cref="EnglishWords"/>), a title,
/// a month or a demonym. The gazetteer runs first (it knows the listed names); what it leaves is typed by its words
/// (an organisation's "Bank", "Partners"), by a title or a given name before a surname, or else left as a legal entity
/// of unknown kind (acronyms too: "GPS" is no organisation). Such a name is screened only when it has several words
/// (see <see cref="Pipeline.EntityScreening"/>). Vigil has no English training data for a statistical tagger;
/// `vigil eval ner-en` measures what this recalls.
/// </summary>
internal static class EnglishNames
{
    /// <summary>Words that make a capitalised name an organisation's (keys: lower-case, accent-free).</summary>
    private static readonly HashSet<string> OrganisationWords = new(StringComparer.Ordinal)
    {
        "bank", "capital", "partners", "partner", "group", "holdings", "holding", "services", "invest", "investments", "investment", "associates",
        "company", "corporation", "corp", "ltd", "limited", "inc", "llc", "llp", "plc", "sa", "ag", "gmbh", "bv", "fund", "trust", "foundation",
        "institute", "university", "college", "school", "ministry", "department", "agency", "authority", "commission", "committee", "council",
        "court", "tribunal", "parliament", "assembly", "congress", "senate", "party", "police", "army", "navy", "forces", "guard", "office",
        "bureau", "service", "network", "times", "news", "post", "telegraph", "herald", "journal", "gazette", "tribune", "guardian", "media",
        "airlines", "airways", "energy", "oil", "gas", "petroleum", "mining", "industries", "industrial", "systems", "technologies", "technology",
        "international", "global", "union", "association", "federation", "club", "board", "exchange", "securities", "insurance", "consulting",
        "enterprises", "trading", "shipping", "logistics", "resources", "development", "management", "solutions", "laundromat", "project",
        "centre", "center", "church", "hospital", "prosecutor", "prosecution", "treasury", "cabinet", "government", "administration",
        "channel", "magazine", "records", "motors", "pictures", "entertainment", "studios", "productions", "broadcasting", "airport",
    };

    /// <summary>Words that make a capitalised name no person's, nor an organisation's: events, places and things ("Falklands War", "Heinz Field").</summary>
    private static readonly HashSet<string> ThingWords = new(StringComparer.Ordinal)
    {
        "war", "summit", "conference", "festival", "awards", "award", "prize", "cup", "championship", "league", "series", "show", "tour", "open",
        "stadium", "arena", "field", "park", "square", "street", "avenue", "road", "bridge", "station", "palace", "tower", "hall", "island", "islands",
        "river", "lake", "mountain", "valley", "desert", "sea", "ocean", "bay", "gulf", "strait", "canal", "design", "studio", "controller", "clipper",
        "act", "law", "treaty", "accord", "agreement", "papers", "files", "leaks", "report", "operation", "program", "programme",
    };

    /// <summary>Capitalised words that are not names: abbreviations of titles and common all-capital words.</summary>
    private static readonly HashSet<string> NotNames = new(StringComparer.Ordinal)
    {
        "ceo", "cfo", "coo", "cto", "tv", "pm", "am", "gdp", "vat", "ok", "id", "pr", "hq", "ngo", "mp", "mps", "ii", "iii", "iv", "vi", "vii", "viii",
        "ix", "xi", "xii", "usd", "eur", "gbp", "pdf", "faq", "covid", "mr", "mrs", "ms", "dr", "st", "jr", "sr", "inc", "ltd",
    };

    /// <summary>Lower-case words between two capitalised words of one name: "Bank of America", "Tom Van de Weghe", "Osama bin Laden".</summary>
    private static readonly HashSet<string> Particles = new(StringComparer.Ordinal)
    {
        "of", "de", "van", "von", "der", "den", "da", "di", "del", "della", "du", "des", "la", "le", "bin", "ibn", "al", "el", "y", "zu",
    };

    /// <summary>Titles that are part of how a person is named ("Prince Andrew", "Pope Francis", "Sheikh Tamim"): kept in the name.</summary>
    private static readonly HashSet<string> NameTitles = new(StringComparer.Ordinal)
    {
        "prince", "princess", "king", "queen", "pope", "sheikh", "sheik", "emir", "sultan", "lord", "lady", "sir", "dame", "crown",
    };

    /// <summary>English titles and offices that the shared title list lacks; a name after one is a person's ("Senate President Joseph Lambert").</summary>
    private static readonly HashSet<string> Titles = new(StringComparer.Ordinal)
    {
        "prime", "deputy", "vice", "former", "prosecutor", "judge", "justice", "governor",
        "captain", "sergeant", "major", "founder", "co-founder", "commissioner", "attorney", "inspector", "superintendent", "councillor", "mayor",
        "singer", "actor", "actress", "rapper", "businessman", "businesswoman", "oligarch", "tycoon", "journalist", "reporter", "editor",
    };

    /// <summary>Demonyms that the common endings (-an, -ese, -ish, -i, -ic, -ch) miss.</summary>
    private static readonly HashSet<string> Demonyms = new(StringComparer.Ordinal)
    {
        "swiss", "thai", "greek", "czech", "dutch", "french", "welsh", "irish", "scots", "scottish", "arab", "turk", "serb", "croat", "pole",
        "finn", "dane", "swede", "briton", "brit", "kurd", "jew", "jewish", "muslim", "sunni", "shia", "shiite", "catholic", "orthodox", "western",
        "eastern", "northern", "southern", "soviet", "communist", "socialist", "democrat", "republican", "islamist",
    };

    // Not "-is": Paris, Davis and Lewis are listed capitalised too.
    private static readonly string[] DemonymEndings = ["an", "ans", "ese", "ish", "i", "ic", "ch"];

    /// <param name="singleWords">
    /// False: runs of two words or more only (before short names are resolved, so that "Tony Gupta" is a person that
    /// "Gupta" can resolve to); true: also single words (after, so that a resolved surname is not taken for a new name).
    /// </param>
    public static void Find(string text, IReadOnlyList<Token> tokens, string[] keys, bool[] sentenceStart, bool[] taken, List<EntityRecognizer.Candidate> found,
        EnglishWords words, HashSet<string> givenNames, bool singleWords)
    {
        var i = 0;
        while (i < tokens.Count)
        {
            if (taken[i] || !IsCapitalisedWord(text, tokens[i])) { i++; continue; }
            var j = Extend(text, tokens, keys, taken, i);
            var lead = i;
            while (lead <= j && !NameTitles.Contains(keys[lead]) && (tokens[lead].Kind != TokenKind.Word || IsNeverName(text, tokens[lead], keys[lead], words, givenNames)
                                 || (StartsLine(text, tokens, sentenceStart, lead) && words.IsCommon(Word(text, tokens[lead]))))) lead++;
            // A title inside the run ("Senate President Joseph Lambert", "Deputy Prosecutor General Gennady Lopatin"): the name follows the last one.
            var titled = lead > 0 && IsTitle(keys[lead - 1]);
            for (var k = j - 1; k >= lead; k--)
                if (IsTitle(keys[k]) && !NameTitles.Contains(keys[k])) { lead = k + 1; titled = true; break; }
            titled |= lead < j && NameTitles.Contains(keys[lead]);
            // An organisation keeps the demonym that opens its name ("Russian Defense Ministry" is Russia's).
            while (lead > i && IsDemonym(text, tokens[lead - 1], keys[lead - 1], words, givenNames) && IsOrganisation(text, tokens, keys, lead, j)) lead--;
            var count = 0;
            for (var k = lead; k <= j; k++) if (IsNameWord(text, tokens[k], keys[k])) count++;
            var candidate = count switch
            {
                0 => null,
                1 when !singleWords => null,
                1 => SingleWord(text, tokens[lead], keys[lead], lead, StartsLine(text, tokens, sentenceStart, lead), words, givenNames, titled),
                // A title a few words before or right after ("spokesman John Kirby", "John Kirby, spokesman for"), or a source
                // cue ("according to John Kirby"), makes the name a person's, as the context rules read it.
                _ => Run(text, tokens, keys, lead, j, words, givenNames,
                    titled || EntityRecognizer.HasTitleBefore(tokens, keys, lead) || EntityRecognizer.HasTitleAfter(text, tokens, keys, j)
                    || (lead >= 2 && keys[lead - 1] == "to" && keys[lead - 2] == "according")),
            };
            if (candidate is not null)
            {
                for (var k = candidate.First; k <= candidate.Last; k++) taken[k] = true;
                found.Add(candidate);
            }
            i = j + 1;
        }
    }

    /// <summary>The last token of the run of capitalised words from <paramref name="i"/>: "of", "&amp;" and hyphens may join two of them.</summary>
    private static int Extend(string text, IReadOnlyList<Token> tokens, string[] keys, bool[] taken, int i)
    {
        var j = i;
        while (j + 1 < tokens.Count && !taken[j + 1] && tokens[j + 1].Start - tokens[j].End <= 1)
        {
            var next = tokens[j + 1];
            if (IsCapitalisedWord(text, next)) { j++; continue; }
            var joins = Particles.Contains(keys[j + 1]) || (next.Length == 1 && text[next.Start] is '&' or '-' or '‐' or '‑');
            if (joins && j + 2 < tokens.Count && !taken[j + 2] && tokens[j + 2].Start - next.End <= 1 && IsCapitalisedWord(text, tokens[j + 2])) { j += 2; continue; }
            break;
        }
        return j;
    }

    private static bool IsTitle(string key) => Titles.Contains(key) || Cues.PersonTitles.Contains(key);

    private static EntityRecognizer.Candidate? SingleWord(string text, Token token, string key, int index, bool startsSentence, EnglishWords words, HashSet<string> givenNames,
        bool titled)
    {
        var word = Word(text, token);
        // "SARs", "NGOs": an acronym's plural names a kind of thing.
        if (word.Length > 2 && word[^1] == 's' && IsAcronym(word[..^1])) return null;
        var end = PossessiveEnd(text, token);
        if (IsAcronym(word))
        {
            // "ICIJ", "ANC": an acronym the dictionary does not know as a common word names something, of a kind it does not say
            // ("GPS" and "ECG" are no organisations).
            if (word.Length > 6 || words.IsCommon(word)) return null;
            return new EntityRecognizer.Candidate(index, index, token.Start, end, EntitySchema.LegalEntity, text[token.Start..end], 0.5);
        }
        if (word.Length < 3 || words.IsCommon(word) || (startsSentence && words.IsListed(word))) return null;
        // A word the dictionary lists capitalised only is a name or a demonym ("Gupta", "Azerbaijani"): the demonym's ending tells them apart.
        if (words.IsListed(word) && !givenNames.Contains(key) && LooksLikeDemonym(key)) return null;
        var schema = givenNames.Contains(key) || titled ? EntitySchema.Person : EntitySchema.LegalEntity;
        return new EntityRecognizer.Candidate(index, index, token.Start, end, schema, text[token.Start..end], 0.5);
    }

    private static EntityRecognizer.Candidate? Run(string text, IReadOnlyList<Token> tokens, string[] keys, int first, int last, EnglishWords words, HashSet<string> givenNames,
        bool titled)
    {
        var organisation = IsOrganisation(text, tokens, keys, first, last);
        // "North Korean", "South African": a demonym ending the run makes it an adjective ("North Korean troops").
        if (!organisation && IsDemonym(text, tokens[last], keys[last], words, givenNames)) return null;
        int count = 0, common = 0;
        for (var k = first; k <= last; k++)
        {
            if (!IsNameWord(text, tokens[k], keys[k])) continue;
            count++;
            if (words.IsCommon(Word(text, tokens[k]))) common++;
        }
        // Common words only: a headline in title case ("Firms Linked"), or, in two words, an organisation named by its kind
        // ("Police Department", "Space Agency"), which does not say which one; longer names of common words are names
        // ("Financial Crimes Enforcement Network"). Two common words and nothing of an organisation: a headline too
        // ("Daughter Gave Kirill Shamalov").
        if (common == count && (!organisation || count <= 2)) return null;
        if (!organisation && common >= 2) return null;
        var firstWord = Word(text, tokens[first]);
        // A person: after a title, or two or three words opening with a given name ("Jacob Zuma"; the dictionary lists given names capitalised).
        // Or two or three words written as names are (a capital, then small letters: not "GB SSD", "DualShock", "R") none of
        // which is a common word ("Subhash Kapoor", "Orhan Dzhemal"): in news, mostly people.
        var nameShaped = count <= 3 && AllNameShaped(text, tokens, keys, first, last) && !HasAny(keys, first, last, ThingWords);
        var person = count <= 4 && (titled || (givenNames.Contains(keys[first]) && AllNameShaped(text, tokens, keys, first, last)))
                     || (nameShaped && words.IsListed(firstWord) && !words.IsCommon(firstWord))
                     || (nameShaped && common == 0);
        var schema = person && !organisation ? EntitySchema.Person
            : organisation ? EntitySchema.Organization
            : EntitySchema.LegalEntity;
        var end = PossessiveEnd(text, tokens[last]);
        return new EntityRecognizer.Candidate(first, last, tokens[first].Start, end, schema, text[tokens[first].Start..end], 0.5);
    }

    /// <summary>Whether a word makes a name an organisation's ("Times", "Bank", "University").</summary>
    public static bool IsOrganisationWord(string key) => OrganisationWords.Contains(key);

    /// <summary>Whether a word names an event, place or thing ("Summit", "Field"), never the surname of a person.</summary>
    public static bool IsThingWord(string key) => ThingWords.Contains(key) || OrganisationWords.Contains(key);

    private static bool HasAny(string[] keys, int first, int last, HashSet<string> words)
    {
        for (var k = first; k <= last; k++) if (words.Contains(keys[k])) return true;
        return false;
    }

    private static bool AllNameShaped(string text, IReadOnlyList<Token> tokens, string[] keys, int first, int last)
    {
        for (var k = first; k <= last; k++)
        {
            if (!IsNameWord(text, tokens[k], keys[k])) continue;
            var word = Word(text, tokens[k]);
            if (word.Length < 2 || !char.IsUpper(word[0])) return false;
            foreach (var c in word[1..])
                if (!(char.IsLower(c) || c is '\'' or '’' or '-')) return false;
        }
        return true;
    }

    /// <summary>A title, month, weekday or demonym opening a run ("President", "Russian"): not part of the name that follows.</summary>
    private static bool IsNeverName(string text, Token token, string key, EnglishWords words, HashSet<string> givenNames) =>
        Cues.NotNames.Contains(key) || Cues.PersonTitles.Contains(key) || NotNames.Contains(key) || key.Length == 0
        || TemporalLexicon.Months.ContainsKey(key) || TemporalLexicon.Weekdays.ContainsKey(key)
        || IsDemonym(text, token, key, words, givenNames);

    private static bool IsDemonym(string text, Token token, string key, EnglishWords words, HashSet<string> givenNames) =>
        Demonyms.Contains(key) || (!givenNames.Contains(key) && words.IsListed(Word(text, token)) && !words.IsCommon(Word(text, token)) && LooksLikeDemonym(key));

    /// <summary>Whether a word of the run names an organisation's kind ("Bank", "Partners", "Ministry").</summary>
    private static bool IsOrganisation(string text, IReadOnlyList<Token> tokens, string[] keys, int first, int last)
    {
        for (var k = first; k <= last; k++)
            if (IsNameWord(text, tokens[k], keys[k]) && (OrganisationWords.Contains(keys[k]) || Cues.OrgSuffixes.Contains(keys[k]) || Cues.OrgHeads.Contains(keys[k])))
                return true;
        return false;
    }

    /// <summary>A word of the name, not a lower-case particle ("of", "de") or a joining hyphen; a capitalised particle counts ("Van Gogh").</summary>
    private static bool IsNameWord(string text, Token token, string key) =>
        token.Kind == TokenKind.Word && !(Particles.Contains(key) && !char.IsUpper(text[token.Start]));

    /// <summary>Whether the token opens a sentence or a line (a heading or a list item without a full stop before it).</summary>
    private static bool StartsLine(string text, IReadOnlyList<Token> tokens, bool[] sentenceStart, int i) =>
        sentenceStart[i] || text.AsSpan(i == 0 ? 0 : tokens[i - 1].End, tokens[i].Start - (i == 0 ? 0 : tokens[i - 1].End)).Contains('\n');

    private static bool LooksLikeDemonym(string key) =>
        Demonyms.Contains(key) || DemonymEndings.Any(e => key.Length > e.Length + 2 && key.EndsWith(e, StringComparison.Ordinal));

    private static bool IsCapitalisedWord(string text, Token t) => t.Kind == TokenKind.Word && char.IsUpper(text[t.Start]);

    private static bool IsAcronym(ReadOnlySpan<char> word) => word.Length >= 2 && !word.ContainsAnyExcept(AcronymLetters);

    private static readonly System.Buffers.SearchValues<char> AcronymLetters = System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZ.");

    private static ReadOnlySpan<char> Word(string text, Token t) => text.AsSpan(t.Start, PossessiveEnd(text, t) - t.Start);

    /// <summary>The token's end without a possessive "’s" ("the UK’s" names the UK).</summary>
    private static int PossessiveEnd(string text, Token t) =>
        t.Length > 3 && text[t.End - 1] == 's' && Tokenizer.IsApostrophe(text[t.End - 2]) ? t.End - 2 : t.End;
}
