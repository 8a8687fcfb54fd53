namespace Vigil.Text;

/// <summary>The romanisation systems Vigil knows for Korean names.</summary>
public enum KoreanRomanisation { Revised, McCuneReischauer, Dprk }

/// <summary>
/// Romanises Hangul names syllable by syllable in Revised Romanisation, McCune–Reischauer and
/// the DPRK's own system, from the reviewed table in resources/romanisation/hangul_jamo.tsv.
/// A leading syllable that is a known surname is also spelled in its customary forms
/// (Kim, Ri/Lee/Yi, Pak/Park) from resources/romanisation/korean_surnames.tsv, because lists and
/// the press use those rather than the system spelling (Gim, I, Bak).
/// </summary>
public static class HangulRomanizer
{
    private const int SyllableBase = 0xAC00, SyllableLast = 0xD7A3, MedialCount = 21, FinalCount = 28;

    private sealed record Tables(string[][] Initials, string[][] Medials, string[][] Finals, IReadOnlyDictionary<string, string[]> Surnames);

    private static readonly Lazy<Tables> Data = new(Load);

    public static bool IsHangulSyllable(char c) => c >= SyllableBase && c <= SyllableLast;

    /// <summary>Any Hangul letter: a syllable, or a jamo (conjoining or compatibility) written on its own.</summary>
    public static bool IsHangul(char c) => IsHangulSyllable(c) || c is >= '\u1100' and <= '\u11FF' or >= '\u3130' and <= '\u318F';

    /// <summary>Two-syllable surnames (bok-seong); korean_surnames.tsv lists the one-syllable ones.</summary>
    public static readonly IReadOnlyList<string> CompoundSurnames = ["남궁", "선우", "제갈", "황보", "독고", "사공", "서문", "동방"];

    public static bool ContainsHangul(string text) => text.Any(IsHangulSyllable);

    /// <summary>Customary spellings of a Hangul surname (lower case), or empty when it is not in the table.</summary>
    public static IReadOnlyList<string> SurnameSpellings(string hangulSurname) =>
        Data.Value.Surnames.TryGetValue(hangulSurname, out var s) ? s : [];

    /// <summary>All surname spelling groups in the table, e.g. [ri, lee, yi, rhee, li, ...].</summary>
    public static IEnumerable<string[]> SurnameGroups() => Data.Value.Surnames.Values;

    /// <summary>One system's spelling, syllables of a word separated by <paramref name="syllableSeparator"/>.</summary>
    public static string Romanize(string text, KoreanRomanisation system, string syllableSeparator = " ")
    {
        var t = Data.Value;
        var col = (int)system;
        var sb = new System.Text.StringBuilder(text.Length * 3);
        var previousWasSyllable = false;
        foreach (var c in text)
        {
            if (!IsHangulSyllable(c)) { sb.Append(c); previousWasSyllable = false; continue; }
            if (previousWasSyllable) sb.Append(syllableSeparator);
            var index = c - SyllableBase;
            var initial = index / (MedialCount * FinalCount);
            var medial = index % (MedialCount * FinalCount) / FinalCount;
            var final = index % FinalCount;
            sb.Append(t.Initials[initial][col]).Append(t.Medials[medial][col]).Append(t.Finals[final][col]);
            previousWasSyllable = true;
        }
        return sb.ToString();
    }

    /// <summary>
    /// The name in every system, plus the customary spellings of its surname when the first word
    /// starts with a known one. Distinct, in a fixed order.
    /// </summary>
    public static IReadOnlyList<string> Variants(string text)
    {
        var result = new List<string>();
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        foreach (var system in new[] { KoreanRomanisation.Dprk, KoreanRomanisation.Revised, KoreanRomanisation.McCuneReischauer })
        {
            var romanised = Romanize(text, system);
            Add(romanised);
            // A Korean name written without a space: the first syllable is the surname.
            if (words.Length > 0 && words[0].Length >= 2 && words[0].Length <= 4 && words[0].All(IsHangulSyllable))
            {
                var surname = words[0][..1];
                var rest = Romanize(string.Join(' ', [words[0][1..], .. words.Skip(1)]), system);
                foreach (var spelling in SurnameSpellings(surname).Take(3)) Add(spelling + " " + rest);
            }
            else if (words.Length > 1 && words[0].Length == 1)
            {
                var rest = Romanize(string.Join(' ', words.Skip(1)), system);
                foreach (var spelling in SurnameSpellings(words[0]).Take(3)) Add(spelling + " " + rest);
            }
        }
        return result;

        void Add(string s) { if (!result.Contains(s)) result.Add(s); }
    }

    private static Tables Load()
    {
        var initials = new List<string[]>();
        var medials = new List<string[]>();
        var finals = new List<string[]>();
        foreach (var line in File.ReadLines(ResourceFile.Path("romanisation", "hangul_jamo.tsv")))
        {
            if (line.StartsWith('#') || line.Length == 0) continue;
            var f = line.Split('\t');
            if (f.Length < 5) throw new InvalidDataException($"hangul_jamo.tsv: line '{line}' needs 5 tab-separated fields.");
            var row = new[] { f[2], f[3], f[4] };
            (f[0] switch { "initial" => initials, "medial" => medials, "final" => finals, _ => throw new InvalidDataException($"hangul_jamo.tsv: unknown kind '{f[0]}'.") }).Add(row);
        }
        if (initials.Count != 19 || medials.Count != MedialCount || finals.Count != FinalCount)
            throw new InvalidDataException($"hangul_jamo.tsv: expected 19 initials, 21 medials, 28 finals; found {initials.Count}, {medials.Count}, {finals.Count}.");
        var surnames = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(ResourceFile.Path("romanisation", "korean_surnames.tsv")))
        {
            if (line.StartsWith('#') || line.Length == 0) continue;
            var f = line.Split('\t', StringSplitOptions.RemoveEmptyEntries);
            surnames[f[0]] = f[1..];
        }
        return new Tables([.. initials], [.. medials], [.. finals], surnames);
    }
}
