using Vigil.Text;

namespace Vigil.Screening.Matching;

/// <summary>A name ready for comparison: folded tokens, with legal forms replaced by one canonical token each.</summary>
internal sealed record AnalyzedName(string[] Tokens, bool[] IsLegalForm)
{
    /// <summary>Read as an organisation's name (legal forms, numbers), not a person's.</summary>
    public bool Organisation { get; init; }
}

/// <summary>
/// Turns a name into the token lists the index and the comparer use: every Latin spelling
/// (<see cref="NameFolding"/>), leading titles dropped from person names (Mr, President, Sheikh),
/// and, for organisations, legal forms in any language rewritten to one canonical token
/// (Aktiengesellschaft → ag, ООО / Limited Liability Company → llc) from resources/names/legal_forms.tsv.
/// </summary>
internal static class NameAnalyzer
{
    private sealed record Tables(Dictionary<string, List<(string[] Phrase, string Canonical)>> LegalForms, HashSet<string> PersonPrefixes, Dictionary<string, string> Symbols, HashSet<string> LegalFormTokens);

    private static readonly Lazy<Tables> Data = new(Load);

    /// <summary>True when <paramref name="token"/> is the canonical token of a legal form (llc, jsc, ...).</summary>
    public static bool IsLegalFormToken(string token) => Data.Value.LegalFormTokens.Contains(token);

    /// <summary>The cross-language symbol of an organisation word (company/компания → co), or null.</summary>
    public static string? Symbol(string token) => Data.Value.Symbols.TryGetValue(token, out var s) ? s : null;

    public static IEnumerable<(string Token, string Symbol)> AllSymbols() =>
        Data.Value.Symbols.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => (kv.Key, kv.Value));

    public static IReadOnlyList<AnalyzedName> Analyze(string name, bool organisation)
    {
        var result = new List<AnalyzedName>(2);
        foreach (var folded in Spellings(name, organisation))
        {
            var tokens = DropRepeats(NumberWords.Normalise(folded, organisation));
            if (organisation) tokens = SplitGluedLegalForm(tokens);
            AnalyzedName analyzed;
            if (organisation) analyzed = RewriteLegalForms(tokens) with { Organisation = true };
            else
            {
                var kept = DropPrefixes(tokens);
                analyzed = new AnalyzedName(kept, GenerationalSuffixes(kept));
            }
            if (analyzed.Tokens.Length > 0 && !result.Any(r => r.Tokens.AsSpan().SequenceEqual(analyzed.Tokens))) result.Add(analyzed);
        }
        return result;
    }

    /// <summary>
    /// The folded token lists of a name, and the readings of disguised or foreign spellings: words written backwards
    /// (nimidalV), digits standing for letters in a person's name (S3rg3y), and a Western name written in Chinese or
    /// Japanese characters, whose syllables are one name until the middle dot (贝拉克·奥巴马 → beilake aobama).
    /// </summary>
    private static IEnumerable<string[]> Spellings(string name, bool organisation)
    {
        var folded = NameFolding.TokenVariants(name, joinInitialisms: organisation);
        foreach (var tokens in folded) yield return tokens;
        if (Unreversed(name) is { } unreversed)
            foreach (var tokens in NameFolding.TokenVariants(unreversed, joinInitialisms: organisation)) yield return tokens;
        if (organisation) yield break;
        foreach (var tokens in folded)
            if (Unleet(tokens) is { } plain) yield return plain;
        // A name spelled out letter by letter (I.v.a.n, K-A-R-I-M) is that word; two letters stay initials (J.C.).
        foreach (var tokens in folded)
            if (HasSpelledOutWord(tokens)) yield return NameFolding.Tokens(string.Join(' ', tokens), joinInitialisms: true);
        if (ForeignNameInCjk(name)) yield return JoinedSyllables(name, NameDots);
        if (ForeignNameInHangul(name)) yield return JoinedSyllables(name, WordBreaks);
    }

    private static bool HasSpelledOutWord(string[] tokens)
    {
        var run = 0;
        foreach (var t in tokens)
        {
            run = t.Length == 1 && char.IsAsciiLetter(t[0]) ? run + 1 : 0;
            if (run >= 3) return true;
        }
        return false;
    }

    private static readonly char[] NameDots = ['\u00B7', '\u30FB', '\u2027', '\uFF65', '\u2022'];

    /// <summary>
    /// True for a name in Chinese characters or kana with a middle dot between its parts: how Chinese and Japanese
    /// write foreign names sound by sound (贝拉克·奥巴马, ウラジーミル・プーチン). Their romanisation keeps the
    /// consonants and adds vowels of its own, so such names may pair on consonants (see Screener.LooseVowels).
    /// </summary>
    public static bool ForeignNameInCjk(string name)
    {
        if (name.IndexOfAny(NameDots) < 0) return false;
        foreach (var c in name)
            if (IsHanOrKana(c) && Array.IndexOf(NameDots, c) < 0) return true;
        return false;
    }

    private static readonly char[] WordBreaks = [' ', '-', .. NameDots];

    /// <summary>
    /// True for a name in Hangul whose words read as a foreign name written sound by sound (블라디미르 푸틴,
    /// 세르게이 라브로프): two words or more, each of two syllables or more, the first no Korean compound surname.
    /// A Korean name is one word (김정은) or starts with a one-syllable surname (김 정은). Korean spells such names
    /// by the loanword rules (v as ㅂ, an added ㅡ after a lone consonant), so they too may pair on consonants.
    /// </summary>
    public static bool ForeignNameInHangul(string name)
    {
        // Most names have no Hangul at all: answered without splitting them.
        if (!HangulRomanizer.ContainsHangul(name)) return false;
        var words = name.Split(WordBreaks, StringSplitOptions.RemoveEmptyEntries);
        if (words.Length < 2 || HangulRomanizer.CompoundSurnames.Contains(words[0])) return false;
        foreach (var word in words)
            if (word.Length < 2 || !word.All(HangulRomanizer.IsHangulSyllable)) return false;
        return true;
    }

    /// <summary>Kana (hiragana and katakana) or a Chinese character.</summary>
    public static bool IsHanOrKana(char c) => c is >= '\u3040' and <= '\u30FF' or >= '\u3400' and <= '\u4DBF' or >= '\u4E00' and <= '\u9FFF';

    /// <summary>A letter of a script written in syllables or characters rather than letters: kana, Chinese characters, Hangul.</summary>
    public static bool IsCjk(char c) => IsHanOrKana(c) || HangulRomanizer.IsHangulSyllable(c);

    private static string[] JoinedSyllables(string name, char[] breaks) =>
        name.Split(breaks, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(part => NameFolding.TokenVariants(part, joinInitialisms: false).FirstOrDefault() is { Length: > 0 } t
                ? string.Concat(part.Any(IsHan) ? t.Select(PinyinOnset) : t) : "")
            .Where(t => t.Length > 0).ToArray();

    private static bool IsHan(char c) => c is >= '\u3400' and <= '\u4DBF' or >= '\u4E00' and <= '\u9FFF';

    /// <summary>
    /// A pinyin syllable with its onset spelt as the Latin names it transcribes write it: j, q and x are the affricates
    /// and the sibilant (基 ji in 弗拉基米尔 is the d of Vladimir), not the glide j of Sergej that a joined word would read.
    /// </summary>
    private static string PinyinOnset(string syllable) => syllable.Length < 2 ? syllable : syllable[0] switch
    {
        'j' => "dj" + syllable[1..],
        'q' => "ch" + syllable[1..],
        'x' => "sh" + syllable[1..],
        _ => syllable,
    };

    /// <summary>
    /// The name with its backwards words turned round, or null: a word in lower case that ends in a capital
    /// (rimidalV nituP) is a capitalised word written backwards.
    /// </summary>
    private static string? Unreversed(string name)
    {
        if (!name.Any(char.IsUpper)) return null;
        var words = name.Split(' ');
        var any = false;
        for (var i = 0; i < words.Length; i++)
        {
            var w = words[i];
            if (w.Length < 3 || !char.IsUpper(w[^1]) || !char.IsLower(w[0])) continue;
            var inner = true;
            for (var k = 1; k < w.Length - 1 && inner; k++) inner = !char.IsLetter(w[k]) || char.IsLower(w[k]);
            if (!inner) continue;
            var letters = w.ToCharArray();
            Array.Reverse(letters);
            words[i] = new string(letters);
            any = true;
        }
        return any ? string.Join(' ', words) : null;
    }

    /// <summary>
    /// Tokens with digits that stand for look-alike letters turned back into letters (ig0r → igor, sech1n → sechin),
    /// or null when no token mixes letters and digits. Only for people: in a company's name AHL1 or A320 are names.
    /// </summary>
    private static string[]? Unleet(string[] tokens)
    {
        string[]? result = null;
        for (var i = 0; i < tokens.Length; i++)
        {
            var t = tokens[i];
            if (t.Length < 3 || !t.Any(char.IsAsciiDigit) || !t.Any(char.IsAsciiLetter)) continue;
            var chars = t.ToCharArray();
            var ok = true;
            for (var k = 0; k < chars.Length && ok; k++)
            {
                if (!char.IsAsciiDigit(chars[k])) continue;
                var letter = LeetLetter(chars[k]);
                if (letter == '\0') ok = false;
                else chars[k] = letter;
            }
            if (!ok) continue;
            result ??= (string[])tokens.Clone();
            result[i] = new string(chars);
        }
        return result;
    }

    private static char LeetLetter(char digit) => digit switch
    {
        '0' => 'o', '1' => 'i', '3' => 'e', '4' => 'a', '5' => 's', '7' => 't', '8' => 'b', _ => '\0',
    };

    private static readonly HashSet<string> Generations = new(StringComparer.Ordinal) { "jr", "junior", "sr", "senior", "ii", "iii", "iv" };

    /// <summary>
    /// Marks a generational suffix after a person's name (Jr, Sr, II, III) the way a legal form is marked in a company's:
    /// it weighs little when only one side gives it, and two different ones (Jr / Sr) count against the match.
    /// </summary>
    private static bool[] GenerationalSuffixes(string[] tokens)
    {
        var flags = new bool[tokens.Length];
        for (var i = 2; i < tokens.Length; i++) flags[i] = Generations.Contains(tokens[i]);
        return flags;
    }

    /// <summary>A word written twice in a row (Shoigu Shoigu Sergey) is a duplication, not two names.</summary>
    private static string[] DropRepeats(string[] tokens)
    {
        var repeats = 0;
        for (var i = 1; i < tokens.Length; i++) if (tokens[i] == tokens[i - 1]) repeats++;
        if (repeats == 0) return tokens;
        var kept = new List<string>(tokens.Length - repeats) { tokens[0] };
        for (var i = 1; i < tokens.Length; i++) if (tokens[i] != tokens[i - 1]) kept.Add(tokens[i]);
        return [.. kept];
    }

    /// <summary>
    /// Legal forms looked for glued to a word: a chosen few from legal_forms.tsv, not all of it, because the short
    /// ones (sa, as, co, se, nv) end too many ordinary words (Barbosa, Petrocas) to be split off on sight.
    /// </summary>
    private static readonly string[] GluedLegalForms = ["gmbh", "ag", "llc", "ltd", "inc", "plc", "ooo", "jsc"];

    /// <summary>A legal form glued to the name's last word (SiemensAG) is split off so that it reads as one.</summary>
    private static string[] SplitGluedLegalForm(string[] tokens)
    {
        if (tokens.Length == 0) return tokens;
        var last = tokens[^1];
        foreach (var form in GluedLegalForms)
        {
            if (last.Length < form.Length + 5 || !last.EndsWith(form, StringComparison.Ordinal)) continue;
            return [.. tokens.AsSpan(0, tokens.Length - 1), last[..^form.Length], form];
        }
        return tokens;
    }

    private static string[] DropPrefixes(string[] tokens)
    {
        var prefixes = Data.Value.PersonPrefixes;
        var start = 0;
        while (start < tokens.Length - 1 && prefixes.Contains(tokens[start])) start++;
        return start == 0 ? tokens : tokens[start..];
    }

    private static AnalyzedName RewriteLegalForms(string[] tokens)
    {
        var forms = Data.Value.LegalForms;
        var outTokens = new List<string>(tokens.Length);
        var flags = new List<bool>(tokens.Length);
        var i = 0;
        while (i < tokens.Length)
        {
            var matched = false;
            if (forms.TryGetValue(tokens[i], out var phrases))
            {
                foreach (var (phrase, canonical) in phrases) // longest first
                {
                    if (i + phrase.Length > tokens.Length || !tokens.AsSpan(i, phrase.Length).SequenceEqual(phrase)) continue;
                    // A legal form is never the whole name: "AO" alone stays a name.
                    if (phrase.Length == tokens.Length) break;
                    outTokens.Add(canonical);
                    flags.Add(true);
                    i += phrase.Length;
                    matched = true;
                    break;
                }
            }
            if (matched) continue;
            outTokens.Add(tokens[i]);
            flags.Add(false);
            i++;
        }
        return new AnalyzedName([.. outTokens], [.. flags]);
    }

    private static Tables Load()
    {
        var forms = new Dictionary<string, List<(string[], string)>>(StringComparer.Ordinal);
        var legalTokens = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (canonical, alias) in ReadPairs("legal_forms.tsv"))
        {
            var canon = string.Concat(NameFolding.Tokens(canonical));
            legalTokens.Add(canon);
            foreach (var phrase in NameFolding.TokenVariants(alias))
            {
                if (phrase.Length == 0) continue;
                if (!forms.TryGetValue(phrase[0], out var list)) forms[phrase[0]] = list = [];
                if (!list.Any(p => p.Item1.AsSpan().SequenceEqual(phrase))) list.Add((phrase, canon));
            }
        }
        foreach (var list in forms.Values) list.Sort((a, b) => b.Item1.Length.CompareTo(a.Item1.Length));
        var symbols = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (symbol, alias) in ReadPairs("org_symbols.tsv"))
            foreach (var phrase in NameFolding.TokenVariants(alias))
                if (phrase.Length == 1) symbols.TryAdd(phrase[0], symbol);
        var prefixes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(ResourceFile.Path("names", "person_prefixes.txt")))
        {
            if (line.StartsWith('#') || line.Trim().Length == 0) continue;
            foreach (var v in NameFolding.TokenVariants(line.Trim()))
                if (v.Length == 1) prefixes.Add(v[0]);
        }
        return new Tables(forms, prefixes, symbols, legalTokens);
    }

    private static IEnumerable<(string, string)> ReadPairs(string file)
    {
        foreach (var line in File.ReadLines(ResourceFile.Path("names", file)))
        {
            if (line.StartsWith('#') || line.Length == 0) continue;
            var tab = line.IndexOf('\t');
            if (tab <= 0) continue;
            yield return (line[..tab], line[(tab + 1)..]);
        }
    }
}

/// <summary>
/// Numbers written in words or Roman numerals become digits, so that Brigade Forty-Four meets
/// Brigade 44, First International Bank meets 1st International Bank, and Fund XI meets Fund 11.
/// Only in organisation, vessel and other non-person names: in a person's name Xi is a surname.
/// </summary>
internal static class NumberWords
{
    private static readonly Dictionary<string, int> Units = new(StringComparer.Ordinal)
    {
        ["zero"] = 0, ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7, ["eight"] = 8, ["nine"] = 9,
        ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12, ["thirteen"] = 13, ["fourteen"] = 14, ["fifteen"] = 15, ["sixteen"] = 16,
        ["seventeen"] = 17, ["eighteen"] = 18, ["nineteen"] = 19,
    };

    private static readonly Dictionary<string, int> Tens = new(StringComparer.Ordinal)
    {
        ["twenty"] = 20, ["thirty"] = 30, ["forty"] = 40, ["fourty"] = 40, ["fifty"] = 50, ["sixty"] = 60, ["seventy"] = 70, ["eighty"] = 80, ["ninety"] = 90,
    };

    private static readonly Dictionary<string, string> Ordinals = new(StringComparer.Ordinal)
    {
        ["first"] = "1st", ["second"] = "2nd", ["third"] = "3rd", ["fourth"] = "4th", ["fifth"] = "5th", ["sixth"] = "6th",
        ["seventh"] = "7th", ["eighth"] = "8th", ["ninth"] = "9th", ["tenth"] = "10th",
    };

    private static readonly Dictionary<string, int> Roman = BuildRoman();

    public static string[] Normalise(string[] tokens, bool organisation)
    {
        if (!organisation || tokens.Length < 2) return tokens;
        List<string>? result = null;
        for (var i = 0; i < tokens.Length; i++)
        {
            var t = tokens[i];
            string? replacement = null;
            var consumed = 1;
            if (Tens.TryGetValue(t, out var tens))
            {
                var unit = 0;
                if (i + 1 < tokens.Length && (Units.TryGetValue(tokens[i + 1], out unit) && unit is > 0 and < 10 || tokens[i + 1] is [>= '1' and <= '9'] && (unit = tokens[i + 1][0] - '0') > 0))
                    consumed = 2;
                replacement = (tens + (consumed == 2 ? unit : 0)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
            else if (Units.TryGetValue(t, out var n)) replacement = n.ToString(System.Globalization.CultureInfo.InvariantCulture);
            else if (Ordinals.TryGetValue(t, out var ordinal)) replacement = ordinal;
            else if (Roman.TryGetValue(t, out var r)) replacement = r.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (replacement is null) { result?.Add(t); continue; }
            result ??= [.. tokens.AsSpan(0, i)];
            result.Add(replacement);
            i += consumed - 1;
        }
        return result is null ? tokens : [.. result];
    }

    /// <summary>Roman numerals II–XXX (I, V and X alone are more often initials or letters than numbers).</summary>
    private static Dictionary<string, int> BuildRoman()
    {
        string[] ones = ["", "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix"];
        string[] tens = ["", "x", "xx", "xxx"];
        var map = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var n = 2; n <= 30; n++)
        {
            var s = tens[n / 10] + ones[n % 10];
            if (s.Length >= 2) map[s] = n;
        }
        return map;
    }
}
