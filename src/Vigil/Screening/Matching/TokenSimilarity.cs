using Vigil.Text;

namespace Vigil.Screening.Matching;

/// <summary>How sure a query's romanised spelling is, which decides how loosely its tokens may pair.</summary>
internal enum QuerySpelling : byte
{
    /// <summary>Written in Latin letters: as sure as its writer.</summary>
    Latin,
    /// <summary>Romanised from Cyrillic, Arabic and other alphabets: the vowels are least sure, so tokens may pair on their consonants.</summary>
    Transliterated,
    /// <summary>A foreign name written sound by sound in Hangul, kana or Chinese characters: vowels added, and one labial for p, f, v and b.</summary>
    Syllabic,
}

/// <summary>How two name tokens were found to agree.</summary>
internal enum TokenMatchKind : byte { None, Exact, Variant, Spelling, Sound, Skeleton, Joined, Initial, Weak, Nickname, Abbreviation }

/// <summary>
/// Similarity of two folded name tokens in [0, 1], with how it was reached: exact; a known variant
/// (Korean surname spellings Ri/Lee/Yi, organisation symbols co/company/компания); edit distance
/// (Damerau–Levenshtein, allowing more edits in longer tokens); or the same sound key
/// (Sergey/Sergej, Jong/Chong). Digits must agree exactly: GRACE 1 is not GRACE 2.
/// </summary>
internal static class TokenSimilarity
{
    /// <summary>Similarity given to tokens that only share a consonant skeleton (Chen/Jong).</summary>
    public const double SkeletonSimilarity = 0.78;

    /// <summary>Similarity given to transliterated tokens whose consonant skeletons differ in one place (toranpu/trump, geerbaqiaofu/gorbachev).</summary>
    public const double NearSkeletonSimilarity = 0.78;

    /// <summary>
    /// Consonant skeletons of three or more that are one edit apart once m and n are read as one nasal: how syllabic
    /// scripts render foreign names (Japanese and Chinese add vowels, end syllables in n, read ti as chi).
    /// </summary>
    private static bool NearSkeletons(string a, string b)
    {
        if (a.Length < 3 || b.Length < 3 || Math.Abs(a.Length - b.Length) > 1 || a[0] != b[0] && a[0] != '.' && b[0] != '.') return false;
        return Distance(a.Replace('m', 'n'), b.Replace('m', 'n'), 1) <= 1;
    }

    /// <summary>
    /// The skeleton with f read as p: Korean and Japanese have one labial for p and f, and Korean writes v as b
    /// (블라디미르 → beulladimireu for Vladimir, 라브로프 → rabeuropeu for Lavrov), so a transliteration keeps the place
    /// of each labial but not which one it was. Three consonants or more (shorter skeletons would pair too much).
    /// </summary>
    public static string Labials(string skeleton) => skeleton.Length >= 3 ? skeleton.Replace('f', 'p') : skeleton;

    // Syllabic scripts add vowels (블라디미르, beulladimireu), so the tokens' lengths may differ more than the skeletons'.
    private static bool SameLabialSkeleton(string a, string b) => a.Length >= 3 && a.Length == b.Length && Labials(a) == Labials(b);

    /// <summary>Similarity given to tokens that are known variants of one another (Ri/Lee, company/co).</summary>
    public const double VariantSimilarity = 0.95;

    /// <summary>Similarity of a given name and one of its nicknames (Ted/Theodore): a variant, but one that also names others.</summary>
    public const double NicknameSimilarity = 0.8;

    /// <summary>Similarity of an initial to a name it could abbreviate.</summary>
    public const double InitialSimilarity = 0.75;

    /// <param name="spelling">
    /// Consonant skeletons count only for spellings transliterated from another script, where vowels are least reliable
    /// (Ким Чен Ын → Kim Chen Yn for Kim Jong Un), and labials are one only for syllabic scripts; in Latin input the same
    /// looseness would pair unrelated names.
    /// </param>
    public static (double Score, TokenMatchKind Kind) Compare(string a, string b, TokenKeys ka, TokenKeys kb, QuerySpelling spelling = QuerySpelling.Latin)
    {
        var allowSkeleton = spelling != QuerySpelling.Latin;
        var labials = spelling == QuerySpelling.Syllabic;
        if (a == b) return (1.0, TokenMatchKind.Exact);
        if (ka.Group >= 0 && ka.Group == kb.Group) return (VariantSimilarity, TokenMatchKind.Variant);
        if (Nicknames.Pair(a, b)) return (NicknameSimilarity, TokenMatchKind.Nickname);
        if (HasDigit(a) || HasDigit(b)) return (0, TokenMatchKind.None);
        // An initial stands for any name with that first letter (V. Putin, Hans J Friedrich).
        if ((a.Length == 1) != (b.Length == 1)) return a[0] == b[0] ? (InitialSimilarity, TokenMatchKind.Initial) : (0, TokenMatchKind.None);
        var best = 0.0;
        var kind = TokenMatchKind.None;
        // In a short token a first consonant is most of its identity: Jong and Song, Min and Lin are different names.
        var edit = Math.Max(a.Length, b.Length) <= 4 && a[0] != b[0] && IsConsonant(a[0]) && IsConsonant(b[0]) ? 0 : EditSimilarity(a, b);
        if (edit > best) { best = edit; kind = TokenMatchKind.Spelling; }
        if (ka.Sound.Length > 0 && ka.Sound == kb.Sound && Math.Min(a.Length, b.Length) >= 2)
        {
            // Same sound key: as good as one edit in a token of that length, at least 0.85.
            var sound = Math.Max(0.85, 1.0 - 1.0 / Math.Max(a.Length, b.Length));
            sound = Math.Min(sound, 0.95);
            if (sound > best) { best = sound; kind = TokenMatchKind.Sound; }
        }
        else if (ka.Sound.Length > 0 && kb.Sound.Length > 0)
        {
            // A sound key already absorbs spelling differences, so one edit there is a real difference: charge it double.
            var soundEdit = 0.95 * SoundEditSimilarity(ka.Sound, kb.Sound);
            if (soundEdit > best) { best = soundEdit; kind = TokenMatchKind.Sound; }
        }
        if (allowSkeleton && best < SkeletonSimilarity && ka.Skeleton.Length >= 2
            && (ka.Skeleton == kb.Skeleton ? Math.Abs(a.Length - b.Length) <= 2 : labials && SameLabialSkeleton(ka.Skeleton, kb.Skeleton) && Math.Abs(a.Length - b.Length) <= 4))
        { best = SkeletonSimilarity; kind = TokenMatchKind.Skeleton; }
        else if (allowSkeleton && best < NearSkeletonSimilarity && Math.Abs(a.Length - b.Length) <= 4
                 && (labials ? NearSkeletons(Labials(ka.Skeleton), Labials(kb.Skeleton)) : NearSkeletons(ka.Skeleton, kb.Skeleton)))
        { best = NearSkeletonSimilarity; kind = TokenMatchKind.Skeleton; }
        if (best < BalticSimilarity)
        {
            var baltic = Math.Max(BalticForm(a, b, kb), BalticForm(b, a, ka));
            if (baltic > best) { best = baltic; kind = TokenMatchKind.Variant; }
        }
        // The feminine and masculine forms of one name are two people's names (Luisa/Luis, Antonia/Antonio, Yevgeniya/Yevgeniy, Ivanova/Ivanov).
        if (best > GenderedFormSimilarity && GenderedForms(a, b)) return (GenderedFormSimilarity, kind);
        return (best, kind);
    }

    /// <summary>Similarity of a Latvian or Lithuanian form of a name to the name (Sergejs/Sergey, Lavrovs/Lavrov).</summary>
    public const double BalticSimilarity = 0.88;

    /// <summary>
    /// The name without the nominative ending Latvian and Lithuanian add to every name (Sergejs, Lavrovs, Antanas,
    /// Juozapas), or null: a final s after j, v or a vowel, leaving four letters or more.
    /// </summary>
    public static string? BalticStem(string token) =>
        token.Length >= 5 && token[^1] == 's' && token[^2] is 'j' or 'v' or 'a' or 'i' or 'u' or 'y' ? token[..^1] : null;

    /// <summary><see cref="BalticSimilarity"/> when <paramref name="a"/> is <paramref name="b"/> (with keys <paramref name="kb"/>) with a Baltic ending: the same, a known variant or the same sound.</summary>
    private static double BalticForm(string a, string b, TokenKeys kb)
    {
        if (b[^1] == 's' || BalticStem(a) is not { } stem) return 0;
        if (stem == b) return BalticSimilarity;
        if (kb.Group >= 0 && VariantGroups.Build().TryGetValue(stem, out var g) && g == kb.Group) return BalticSimilarity;
        return kb.Sound.Length > 0 && PhoneticKey.Sound(stem) == kb.Sound ? BalticSimilarity : 0;
    }

    /// <summary>Similarity left to a feminine/masculine pair of one name: too low to pair them.</summary>
    public const double GenderedFormSimilarity = 0.5;

    /// <summary>True when one token is the other with the feminine ending -a (or -a for -o), as Romance and Slavic names form it.</summary>
    internal static bool GenderedForms(string a, string b)
    {
        if (a.Length < 4 || b.Length < 4 || a[^1] == b[^1]) return false;
        if (b[^1] == 'a') (a, b) = (b, a);
        if (a[^1] != 'a') return false;
        var stem = a.AsSpan(0, a.Length - 1);
        // Luisa/Luis, Ivanova/Ivanov, Aleksandra/Aleksandr; Antonia/Antonio; Yevgeniya/Yevgeniy; Abdulla/Abdullah is a spelling, not a gender.
        if (b.Length == a.Length - 1) return b.AsSpan().SequenceEqual(stem) && b[^1] is not ('h' or 'a' or 'e' or 'i' or 'o' or 'u');
        if (b.Length == a.Length) return b.AsSpan(0, b.Length - 1).SequenceEqual(stem) && b[^1] is 'o' or 'y' or 'i';
        return false;
    }

    private static double SoundEditSimilarity(string a, string b)
    {
        var max = Math.Max(a.Length, b.Length);
        if (max < 4 || Math.Abs(a.Length - b.Length) > 1) return 0;
        var d = Distance(a, b, 1);
        return d > 1 ? 0 : 1.0 - 2.0 * d / max;
    }

    /// <summary>1 − distance / length, where the distance allowed grows with length (none for 1–2 letters).</summary>
    public static double EditSimilarity(string a, string b)
    {
        var max = Math.Max(a.Length, b.Length);
        var allowed = max switch { <= 2 => 0, <= 4 => 1, <= 7 => 2, <= 11 => 3, _ => 4 };
        if (Math.Abs(a.Length - b.Length) > allowed) return 0;
        var d = Distance(a, b, allowed);
        return d > allowed ? 0 : 1.0 - (double)d / max;
    }

    /// <summary>Optimal-string-alignment distance, stopping early once it exceeds <paramref name="limit"/>.</summary>
    public static int Distance(string a, string b, int limit)
    {
        var n = a.Length;
        var m = b.Length;
        Span<int> prev2 = stackalloc int[m + 1];
        Span<int> prev = stackalloc int[m + 1];
        Span<int> cur = stackalloc int[m + 1];
        for (var j = 0; j <= m; j++) prev[j] = j;
        for (var i = 1; i <= n; i++)
        {
            cur[0] = i;
            var rowMin = cur[0];
            for (var j = 1; j <= m; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var v = Math.Min(Math.Min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) v = Math.Min(v, prev2[j - 2] + 1);
                cur[j] = v;
                if (v < rowMin) rowMin = v;
            }
            if (rowMin > limit) return limit + 1;
            var t = prev2; prev2 = prev; prev = cur; cur = t;
        }
        return prev[m];
    }

    private static bool IsConsonant(char c) => c is >= 'a' and <= 'z' and not ('a' or 'e' or 'i' or 'o' or 'u' or 'y');

    private static bool HasDigit(string s)
    {
        foreach (var c in s) if (char.IsAsciiDigit(c)) return true;
        return false;
    }
}

/// <summary>
/// Given names and their nicknames from resources/names/given_name_nicknames.tsv (Ted ~ Theodore,
/// Bill ~ William): a nickname pairs with the names it is listed under, not with their other nicknames.
/// </summary>
internal static class Nicknames
{
    private static readonly Lazy<Dictionary<string, string[]>> Table = new(Load);

    public static bool Pair(string a, string b) => Table.Value.TryGetValue(a, out var others) && Array.IndexOf(others, b) >= 0;

    /// <summary>The names <paramref name="token"/> is a nickname of, and the nicknames of <paramref name="token"/>.</summary>
    public static IReadOnlyList<string> Of(string token) => Table.Value.TryGetValue(token, out var others) ? others : [];

    private static Dictionary<string, string[]> Load()
    {
        var pairs = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(ResourceFile.Path("names", "given_name_nicknames.tsv")))
        {
            if (line.StartsWith('#') || line.Trim().Length == 0) continue;
            var fields = line.Split('\t', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            foreach (var nickname in fields.Skip(1))
            {
                Add(fields[0], nickname);
                Add(nickname, fields[0]);
            }
        }
        return pairs.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal);

        void Add(string a, string b)
        {
            if (!pairs.TryGetValue(a, out var set)) pairs[a] = set = new HashSet<string>(StringComparer.Ordinal);
            set.Add(b);
        }
    }
}

/// <summary>Precomputed keys of one token: sound, skeleton and variant group (−1 when none).</summary>
internal readonly record struct TokenKeys(string Sound, string Skeleton, int Group);
