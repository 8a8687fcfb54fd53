using Vigil.Extraction.Gazetteers;
using Vigil.Model;
using Vigil.Text;

namespace Vigil.Extraction;

/// <summary>
/// Finds people, organisations, places and vessels: longest gazetteer match first, then
/// capitalisation and context rules for names the gazetteer lacks (a title before or after a
/// capitalised pair, an organisation cue), then, within the document, surnames and shortened
/// names resolved to the full name mentioned elsewhere ("Putin" → "Vladimir Putin").
/// Demonyms and adjectives are never in the gazetteer, so they are never mentions.
/// </summary>
public sealed class EntityRecognizer
{
    private readonly Gazetteer _gazetteer;
    private readonly HashSet<string> _givenNames;

    public EntityRecognizer(Gazetteer gazetteer)
    {
        _gazetteer = gazetteer;
        _givenNames = gazetteer.GivenNames;
    }

    internal sealed class Candidate(int first, int last, int start, int end, EntitySchema schema, string name, double confidence)
    {
        public int First = first, Last = last, Start = start, End = end;
        public EntitySchema Schema = schema;
        public string Name = name;
        public double Confidence = confidence;
    }

    /// <param name="tokenKeys">The tokens' <see cref="Tokenizer.Keys"/> when the caller has them already.</param>
    public IReadOnlyList<Mention> Recognize(string documentId, string text, IReadOnlyList<Token> tokens, IReadOnlyList<SentenceSpan> sentences, string? lang,
        string[]? tokenKeys = null)
    {
        tokenKeys ??= Tokenizer.Keys(text, tokens);
        var keys = new string[tokens.Count];
        // Name keys follow from the token keys; repeated words share them (Cyrillic stems are built once per word).
        var named = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < tokens.Count; i++)
        {
            if (tokens[i].Kind is not (TokenKind.Word or TokenKind.Number)) { keys[i] = ""; continue; }
            if (!named.TryGetValue(tokenKeys[i], out var key)) named[tokenKeys[i]] = key = NameKeys.ForKey(tokenKeys[i]);
            keys[i] = key;
        }
        var sentenceStart = SentenceStarts(tokens, sentences);
        var taken = new bool[tokens.Count];
        var found = new List<Candidate>();

        // English capitalises names only, so its runs of capitals are names as a whole ("Bank of Kordavia"). The context rules
        // are for the other languages: what the English rule turns down (a title-case headline, "Climate Action Summit") they
        // would make a person by a title nearby.
        var english = lang == "en" ? EnglishWords.Installed : null;
        GazetteerPass(text, tokens, keys, sentenceStart, taken, found, english);
        if (english is not null) EnglishNames.Find(text, tokens, keys, sentenceStart, taken, found, english, _givenNames, singleWords: false);
        else RulePass(text, tokens, keys, sentenceStart, taken, found);
        ResolveShortNames(text, tokens, keys, sentenceStart, taken, found);
        if (english is not null) EnglishNames.Find(text, tokens, keys, sentenceStart, taken, found, english, _givenNames, singleWords: true);
        MergeTruncatedNames(found);

        found.Sort((a, b) => a.Start.CompareTo(b.Start));
        var mentions = new List<Mention>(found.Count);
        foreach (var c in found)
            mentions.Add(new Mention(new Span(documentId, c.Start, c.End), text[c.Start..c.End], c.Schema, c.Name, c.Confidence));
        return mentions;
    }

    private static bool[] SentenceStarts(IReadOnlyList<Token> tokens, IReadOnlyList<SentenceSpan> sentences)
    {
        var starts = new bool[tokens.Count];
        var s = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            while (s < sentences.Count && sentences[s].End <= tokens[i].Start) s++;
            if (s < sentences.Count && tokens[i].Start <= sentences[s].Start) { starts[i] = true; continue; }
            // After an opening quote or a bullet the next word is also sentence-initial.
            if (i > 0 && tokens[i - 1].Kind == TokenKind.Punctuation && (i == 1 || starts[i - 1])) starts[i] = true;
        }
        return starts;
    }

    private static bool IsJoiner(string text, Token t) => t.Kind == TokenKind.Punctuation && t.Length == 1 && text[t.Start] is '-' or '‐' or '‑';

    private static bool Capitalised(string text, Token t)
    {
        var c = text[t.Start];
        if (Tokenizer.IsApostrophe(c) && t.Length > 1) c = text[t.Start + 1];
        return char.IsUpper(c) || (char.IsLetter(c) && !char.IsLower(c));
    }

    private static bool AllCaps(string text, Token t)
    {
        var any = false;
        for (var i = t.Start; i < t.End; i++)
        {
            if (char.IsLower(text[i])) return false;
            if (char.IsUpper(text[i])) any = true;
        }
        return any;
    }

    private void GazetteerPass(string text, IReadOnlyList<Token> tokens, string[] keys, bool[] sentenceStart, bool[] taken, List<Candidate> found, EnglishWords? english)
    {
        // Multi-word keys are assembled in one buffer and looked up as spans: no string per attempt.
        var buffer = new char[64];
        for (var i = 0; i < tokens.Count; i++)
        {
            if (taken[i] || keys[i].Length == 0) continue;
            var best = -1; GazetteerEntry? bestEntry = null; var bestEnd = 0;
            var length = 0;
            var words = 0;
            for (var j = i; j < tokens.Count && words < _gazetteer.MaxTokens; j++)
            {
                if (keys[j].Length == 0)
                {
                    // Hyphens, apostrophes and the dots of "U.S." may sit inside a name; anything else ends it.
                    if (IsJoiner(text, tokens[j]) || (tokens[j].Length == 1 && text[tokens[j].Start] == '.' && j > i && tokens[j - 1].Length == 1)) continue;
                    break;
                }
                if (j > i && tokens[j].Start - tokens[j - 1].End > 2) break;
                var needed = length + 1 + keys[j].Length;
                if (needed > buffer.Length) Array.Resize(ref buffer, Math.Max(needed, buffer.Length * 2));
                if (words > 0) buffer[length++] = ' ';
                keys[j].CopyTo(buffer.AsSpan(length));
                length += keys[j].Length;
                var key = buffer.AsSpan(0, length);
                words++;
                if (_gazetteer.TryGet(key, out var e) && Accept(text, tokens, i, j, e, sentenceStart) && !GivenNameBeforeSurname(text, tokens, keys, i, j, e)
                    && !(english is not null && CityStartingName(text, tokens, keys, i, j, e, english)))
                { best = j; bestEntry = e; bestEnd = tokens[j].End; }
                else if (words == 1 || j == i + words - 1)
                {
                    // Inflected last word: Korean particles ("러시아와"), German genitive ("Russlands").
                    var stem = StemVariant(text, tokens[j], keys[j], out var stemEnd);
                    if (stem is not null)
                    {
                        var k2 = words == 1 ? stem : string.Concat(key[..(key.Length - keys[j].Length)], stem);
                        if (_gazetteer.TryGet(k2, out var e2) && Accept(text, tokens, i, j, e2, sentenceStart)) { best = j; bestEntry = e2; bestEnd = stemEnd; }
                    }
                }
                if (!_gazetteer.IsPrefix(key)) break;
            }
            if (bestEntry is null) continue;
            for (var k = i; k <= best; k++) taken[k] = true;
            found.Add(new Candidate(i, best, tokens[i].Start, bestEnd, bestEntry.Schema, bestEntry.Name, bestEntry.Source == "lexicon" ? 0.95 : 0.9));
            i = best;
        }
    }

    /// <summary>
    /// "Vladimir Putin", "Regina Rossi": a one-word place that is also a given name, followed by a
    /// capitalised word, is the first name of a person, not the place.
    /// </summary>
    private bool GivenNameBeforeSurname(string text, IReadOnlyList<Token> tokens, string[] keys, int i, int j, GazetteerEntry e) =>
        i == j && e.Schema == EntitySchema.Location && _givenNames.Contains(keys[i])
        && j + 1 < tokens.Count && tokens[j + 1].Kind == TokenKind.Word && tokens[j + 1].Start - tokens[j].End <= 1 && Capitalised(text, tokens[j + 1])
        && !Cues.NotNames.Contains(keys[j + 1]);

    /// <summary>
    /// English: a one-word city right before a capitalised word that is an organisation's ("Moscow Times") or no common word
    /// and no title starts a longer name ("Van Gogh", "Jordan Peterson", "Paris Hilton"), which the English rule reads
    /// whole; "Moscow President" keeps the city.
    /// </summary>
    private static bool CityStartingName(string text, IReadOnlyList<Token> tokens, string[] keys, int i, int j, GazetteerEntry e, EnglishWords english) =>
        i == j && e.Source == GazetteerBuilder.CitySource
        && j + 1 < tokens.Count && tokens[j + 1].Kind == TokenKind.Word && tokens[j + 1].Start - tokens[j].End <= 1 && Capitalised(text, tokens[j + 1])
        && !Cues.PersonTitles.Contains(keys[j + 1]) && !Cues.NotNames.Contains(keys[j + 1])
        && (EnglishNames.IsOrganisationWord(keys[j + 1]) || !english.IsCommon(tokens[j + 1].SpanOf(text)));

    /// <summary>
    /// Where a word's case changes from lower to upper inside it ("PutinChi", machine translation
    /// gluing a name to the next word), the part before the change: its key and where it ends.
    /// </summary>
    private static string? GluedPrefix(string text, Token t, out int end)
    {
        end = t.End;
        for (var k = t.Start + 3; k < t.End - 1; k++)
        {
            if (char.IsUpper(text[k]) && char.IsLower(text[k - 1]) && char.IsLower(text[k + 1]))
            {
                end = k;
                return NameKeys.ForToken(text.AsSpan(t.Start, k - t.Start));
            }
        }
        return null;
    }

    private static string? StemVariant(string text, Token t, string key, out int end)
    {
        end = t.End;
        var first = text[t.Start];
        if (char.IsUpper(first) && GluedPrefix(text, t, out var gluedEnd) is { } glued) { end = gluedEnd; return glued; }
        if (HangulRomanizer.IsHangulSyllable(first))
        {
            foreach (var p in Cues.KoreanParticles)
            {
                if (key.Length > p.Length && key.EndsWith(p, StringComparison.Ordinal))
                {
                    end = t.End - p.Length;
                    return key[..^p.Length];
                }
            }
            return null;
        }
        if (key.Length > 4 && key[^1] == 's' && char.IsUpper(first))
        {
            var cut = key.EndsWith("es", StringComparison.Ordinal) && key.Length > 5 ? 2 : 1;
            end = t.End - cut;
            return key[..^cut];
        }
        return null;
    }

    private static bool Accept(string text, IReadOnlyList<Token> tokens, int i, int j, GazetteerEntry e, bool[] sentenceStart)
    {
        var first = tokens[i];
        switch (e.Case)
        {
            case CaseRule.AllCaps:
                if (!AllCaps(text, first)) return false;
                break;
            case CaseRule.Capitalised:
                if (!Capitalised(text, first)) return false;
                break;
        }
        if (e.AllCapitalised)
        {
            for (var k = i; k <= j; k++)
                if (tokens[k].Kind == TokenKind.Word && !Capitalised(text, tokens[k]) && !(k > 0 && IsJoiner(text, tokens[k - 1]))) return false;
            // One-word person names from lists are not matched: only full names are.
            if (i == j) return false;
        }
        // "Come noto": a plain word opening a sentence is not the accented name that shares its key (Côme, the French Como).
        if (i == j && sentenceStart[i] && e.AccentedSurface is { } accented && !first.SpanOf(text).Equals(accented, StringComparison.OrdinalIgnoreCase)) return false;
        // "Более десяти тысяч…": a Russian word opening a sentence whose stem a place shares (Болу) is that place only when the
        // dictionary reads it as a proper noun, or does not know it.
        if (i == j && sentenceStart[i] && NameKeys.IsCyrillic(text[first.Start]) && OpenCorporaLexicon.Installed is { } russian
            && russian.Parse(text[first.Start..first.End]) is { Count: > 0 } parses && !parses.Any(p => (p.Proper & OpenCorporaLexicon.AnyProper) != 0)) return false;
        if (e.NeedsCue)
        {
            var cue = AllCaps(text, first);
            for (var k = Math.Max(0, i - 3); k < i && !cue; k++) cue = VesselCue(text, tokens[k]);
            if (!cue) return false;
        }
        return true;
    }

    internal static bool VesselCue(string text, Token t) => VesselCue(Tokenizer.Normalize(t.SpanOf(text)));

    /// <summary>True when the word, as <see cref="Tokenizer.Normalize"/> keys it, names a ship.</summary>
    internal static bool VesselCue(string w)
    {
        return w is "vessel" or "ship" or "tanker" or "freighter" or "nave" or "navire" or "petrolier" or "buque" or "petrolero" or "schiff" or "tanker"
            or "судно" or "танкер" or "сухогруз" or "mv" or "m/v" or "선박" or "유조선" or "화물선" or "petroliera" or "mercantile" or "cargo";
    }

    private void RulePass(string text, IReadOnlyList<Token> tokens, string[] keys, bool[] sentenceStart, bool[] taken, List<Candidate> found)
    {
        var i = 0;
        while (i < tokens.Count)
        {
            if (taken[i] || tokens[i].Kind != TokenKind.Word || !Capitalised(text, tokens[i]) || !IsCasedScript(text[tokens[i].Start]))
            { i++; continue; }
            // A run of capitalised words (hyphen-joined parts included).
            var j = i;
            while (j + 1 < tokens.Count && !taken[j + 1] && tokens[j + 1].Start - tokens[j].End <= 1)
            {
                if (tokens[j + 1].Kind == TokenKind.Word && (Capitalised(text, tokens[j + 1]) || IsJoiner(text, tokens[j]))) { j++; continue; }
                if (IsJoiner(text, tokens[j + 1]) && j + 2 < tokens.Count && tokens[j + 2].Kind == TokenKind.Word) { j++; continue; }
                break;
            }
            var runWords = CountWords(tokens, i, j);
            var startsSentence = sentenceStart[i];
            var firstKey = keys[i];
            var lead = i;
            // A capitalised function word or title opening a sentence is not part of the name.
            while (lead <= j && (Cues.NotNames.Contains(keys[lead]) || Cues.PersonTitles.Contains(keys[lead]) || keys[lead].Length == 0
                                 || TemporalLexicon.Months.ContainsKey(keys[lead]) || TemporalLexicon.Weekdays.ContainsKey(keys[lead]))) lead++;
            if (lead > j) { i = j + 1; continue; }
            runWords = CountWords(tokens, lead, j);
            var titleBefore = HasTitleBefore(tokens, keys, lead) || (lead > 0 && Cues.SourceCues.Contains(keys[lead - 1]) && (lead < 2 || keys[lead - 1] != "to" || keys[lead - 2] == "according"));
            var titleAfter = HasTitleAfter(text, tokens, keys, j);
            var orgBefore = HasOrgIntroducer(text, tokens, keys, lead) && !KnownPersonPart(found, keys[lead]);
            var given = _givenNames.Contains(keys[lead]);
            Candidate? c = null;
            if (orgBefore && runWords <= 3)
                c = new Candidate(lead, j, tokens[lead].Start, tokens[j].End, EntitySchema.Organization, Surface(text, tokens, lead, j), 0.7);
            else if (runWords is >= 2 and <= 4 && (titleBefore || titleAfter || given) && !Cues.OrgSuffixes.Contains(keys[j]))
                c = new Candidate(lead, j, tokens[lead].Start, tokens[j].End, EntitySchema.Person, Surface(text, tokens, lead, j), titleBefore || titleAfter ? 0.75 : 0.6);
            else if (runWords >= 2 && Cues.OrgSuffixes.Contains(keys[j]))
                c = new Candidate(lead, j, tokens[lead].Start, tokens[j].End, EntitySchema.Organization, Surface(text, tokens, lead, j), 0.6);
            if (c is not null && c.Schema == EntitySchema.Person && GluedWordEnd(text, tokens[j], keys[j], keys) is { } trimmed)
            {
                c.End = trimmed;
                c.Name = text[c.Start..c.End];
            }
            if (c is not null && !(startsSentence && lead == i && runWords == 1 && !orgBefore))
            {
                for (var k = c.First; k <= c.Last; k++) taken[k] = true;
                found.Add(c);
            }
            _ = firstKey;
            i = j + 1;
        }
    }

    /// <summary>Short words machine translation glues to the name before them ("Shappsha" for "Shapps ha").</summary>
    private static readonly string[] GluedWords = ["ha", "che"];

    /// <summary>
    /// The end of a name's last word without a glued short word, when the word without it stands
    /// alone elsewhere in the document ("Concedere Shappsha ... Shapps ha lanciato"); null otherwise.
    /// </summary>
    private static int? GluedWordEnd(string text, Token last, string key, string[] keys)
    {
        foreach (var w in GluedWords)
        {
            if (key.Length < w.Length + 4 || !key.EndsWith(w, StringComparison.Ordinal) || !text.AsSpan(last.Start, last.Length).EndsWith(w, StringComparison.Ordinal)) continue;
            var stem = key[..^w.Length];
            if (Array.IndexOf(keys, stem) >= 0) return last.End - w.Length;
        }
        return null;
    }

    private static bool KnownPersonPart(List<Candidate> found, string key) =>
        found.Any(c => c.Schema == EntitySchema.Person && NameKeys.ForName(c.Name).Contains(key));

    private static int CountWords(IReadOnlyList<Token> tokens, int i, int j)
    {
        var n = 0;
        for (var k = i; k <= j; k++) if (tokens[k].Kind == TokenKind.Word) n++;
        return n;
    }

    private static bool IsCasedScript(char c) => char.IsUpper(c) || char.IsLower(c);

    private static string Surface(string text, IReadOnlyList<Token> tokens, int i, int j) => text[tokens[i].Start..tokens[j].End];

    internal static bool HasTitleBefore(IReadOnlyList<Token> tokens, string[] keys, int i)
    {
        // "il presidente russo Vladimir Putin", "il ministro degli Esteri Sergei Lavrov": a title up to five words back.
        for (var k = i - 1; k >= 0 && k >= i - 6; k--)
        {
            if (tokens[k].Kind == TokenKind.Punctuation && keys[k].Length == 0) return false;
            if (Cues.PersonTitles.Contains(keys[k])) return true;
        }
        return false;
    }

    internal static bool HasTitleAfter(string text, IReadOnlyList<Token> tokens, string[] keys, int j)
    {
        // "John Kirby, portavoce del ...", "Yuri Ushakov, collaboratore del Cremlino"
        var k = j + 1;
        if (k < tokens.Count && text[tokens[k].Start] == ',') k++;
        for (var n = 0; n < 3 && k < tokens.Count; n++, k++)
            if (Cues.PersonTitles.Contains(keys[k])) return true;
        return false;
    }

    private static bool HasOrgIntroducer(string text, IReadOnlyList<Token> tokens, string[] keys, int i)
    {
        // "dall’agenzia russa Tass", "l’agenzia di stampa PTI", "il quotidiano nordcoreano Rodong": the introducer,
        // then at most "di stampa" and one adjective, all lower-case.
        for (var k = i - 1; k >= 0 && k >= i - 4; k--)
        {
            if (tokens[k].Kind == TokenKind.Punctuation) return false;
            if (k < i - 1 && char.IsUpper(text[tokens[k].Start]) && !Cues.OrgIntroducers.Contains(keys[k])) return false;
            var key = keys[k];
            var apostrophe = key.IndexOf('\'');
            if (apostrophe >= 0) key = key[(apostrophe + 1)..];
            if (Cues.OrgIntroducers.Contains(key)) return true;
        }
        return false;
    }

    /// <summary>
    /// Within one document a surname, a given name alone or a truncated name ("Putin", "Kim",
    /// "Kim Jong") names the person mentioned in full elsewhere in it. When the document never
    /// gives the full name, a surname that exactly one listed person carries resolves to that person.
    /// </summary>
    private void ResolveShortNames(string text, IReadOnlyList<Token> tokens, string[] keys, bool[] sentenceStart, bool[] taken, List<Candidate> found)
    {
        var persons = found.Where(c => c.Schema == EntitySchema.Person).Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        // A name of unknown kind (English capitals) of two or three words counts by its last word only: that word standing alone
        // later ("Kapoor" after "Subhash Kapoor") says it is a person's surname; its first ("Europa" of "Europa Clipper") does not.
        var unknown = found.Where(c => c.Schema == EntitySchema.LegalEntity && !persons.Contains(c.Name)).Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        var parts = new Dictionary<string, string>(StringComparer.Ordinal);
        var ambiguous = new HashSet<string>(StringComparer.Ordinal);
        foreach (var p in persons.Concat(unknown))
        {
            var pk = NameKeys.ForName(p);
            if (pk.Count < 2) continue;
            if (unknown.Contains(p) && (pk.Count > 3 || EnglishNames.IsThingWord(pk[^1]))) continue;
            // Surname (last word, or first for names written surname first), and prefixes ("kim jong").
            var forms = unknown.Contains(p) ? [pk[^1]] : new List<string> { pk[^1], pk[0] };
            if (!unknown.Contains(p))
                for (var n = 2; n < pk.Count; n++) forms.Add(string.Join(' ', pk.Take(n)));
            foreach (var f in forms.Distinct())
            {
                if (parts.TryGetValue(f, out var other) && other != p) ambiguous.Add(f);
                else parts[f] = p;
            }
        }
        for (var i = 0; i < tokens.Count; i++)
        {
            if (taken[i] || tokens[i].Kind != TokenKind.Word || !Capitalised(text, tokens[i]) || keys[i].Length < 3) continue;
            if (Cues.NotNames.Contains(keys[i])) continue;
            // Try the longest prefix form first ("Kim Jong" before "Kim").
            string? name = null; var last = i;
            var key = keys[i];
            var j = i;
            var words = 1;
            while (true)
            {
                if (parts.TryGetValue(key, out var p) && !ambiguous.Contains(key)) { name = p; last = j; }
                var next = j + 1;
                while (next < tokens.Count && IsJoiner(text, tokens[next])) next++;
                if (next >= tokens.Count || taken[next] || keys[next].Length == 0 || !(Capitalised(text, tokens[next]) || next > j + 1) || words >= 3) break;
                key += " " + keys[next];
                j = next;
                words++;
            }
            double confidence = 0.8;
            if (name is null && NameKeys.IsCyrillic(text[tokens[i].Start]) && TransliteratedPart(text, tokens[i], parts, ambiguous) is { } viaLatin)
            { name = viaLatin; last = i; }
            if (name is null)
            {
                if ((_gazetteer.Surnames.TryGetValue(keys[i], out var listed) || TransliteratedSurname(text, tokens[i], out listed)) && listed.Count == 1
                    && (!sentenceStart[i] || tokens[i].Length >= 5) && tokens[i].Length >= 4
                    && NextIsNotCapitalised(text, tokens, i))
                { name = listed[0]; last = i; confidence = 0.6; }
                else continue;
            }
            for (var k = i; k <= last; k++) taken[k] = true;
            found.Add(new Candidate(i, last, tokens[i].Start, tokens[last].End, EntitySchema.Person, name, confidence));
            foreach (var full in found)
                if (full.Schema == EntitySchema.LegalEntity && full.Name == name) full.Schema = EntitySchema.Person;
            i = last;
        }
    }

    /// <summary>
    /// A person named by the start of a longer name in the same document ("Kim Jong" beside
    /// "Kim Jong Un") is that person.
    /// </summary>
    private static void MergeTruncatedNames(List<Candidate> found)
    {
        var persons = found.Where(c => c.Schema == EntitySchema.Person).Select(c => c.Name).Distinct().Select(n => (Name: n, Keys: NameKeys.ForName(n))).ToList();
        foreach (var c in found.Where(c => c.Schema == EntitySchema.Person))
        {
            var keys = NameKeys.ForName(c.Name);
            var longer = persons.Where(p => p.Keys.Count > keys.Count && p.Keys.Take(keys.Count).SequenceEqual(keys)).Select(p => p.Name).Distinct().ToList();
            if (longer.Count == 1 && keys.Count >= 2) c.Name = longer[0];
        }
    }

    /// <summary>
    /// A Cyrillic surname, possibly inflected ("Лаврова"), against Latin names: transliterated
    /// with AnyAscii and matched with up to three letters of case ending removed.
    /// </summary>
    private static string? TransliteratedPart(string text, Token t, Dictionary<string, string> parts, HashSet<string> ambiguous)
    {
        foreach (var key in LatinKeys(text, t))
            if (parts.TryGetValue(key, out var p) && !ambiguous.Contains(key)) return p;
        return null;
    }

    private bool TransliteratedSurname(string text, Token t, out List<string> listed)
    {
        listed = [];
        if (!NameKeys.IsCyrillic(text[t.Start])) return false;
        foreach (var key in LatinKeys(text, t))
            if (_gazetteer.Surnames.TryGetValue(key, out var l)) { listed = l; return true; }
        return false;
    }

    private static IEnumerable<string> LatinKeys(string text, Token t)
    {
        var latin = AnyAscii.Transliteration.Transliterate(t.TextOf(text)).ToLowerInvariant();
        for (var cut = 0; cut <= 3 && latin.Length - cut >= 4; cut++)
        {
            var k = latin[..^cut];
            yield return k;
            // Russian -ей/-ий surnames transliterate with "y" or "i" (Sergey/Sergei): try both.
            if (k.EndsWith('i')) yield return k[..^1] + "y";
        }
    }

    private static bool NextIsNotCapitalised(string text, IReadOnlyList<Token> tokens, int i) =>
        i + 1 >= tokens.Count || tokens[i + 1].Kind != TokenKind.Word || !Capitalised(text, tokens[i + 1]);
}
