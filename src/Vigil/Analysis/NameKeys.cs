using System.Globalization;
using System.Text;
using AnyAscii;
using Vigil.Text;

namespace Vigil.Analysis;

/// <summary>
/// Comparison keys for names written in any script. <see cref="Exact"/> ignores case, accents,
/// punctuation and spacing ("Kim Jong-un" = "Kim Jong Un"); <see cref="Loose"/> also ignores the
/// differences between romanisations of one sound (Revised, McCune–Reischauer, DPRK official,
/// Russian Kontsevich: Jeong / Chŏng / Jong / Чен), so a name written in Hangul or Cyrillic can
/// meet its Latin form. The loose key collides more often, so callers use it only across scripts.
/// </summary>
internal static class NameKeys
{
    /// <summary>Lower-case ASCII tokens; a Hangul word splits into its syllables ("김정은" → gim, jeong, eun).</summary>
    public static IReadOnlyList<string> Tokens(string name)
    {
        var tokens = new List<string>();
        foreach (var word in Words(name))
        {
            var ascii = word.Transliterate();
            if (ContainsHangul(word)) tokens.AddRange(SplitCapitals(ascii));
            else tokens.AddRange(SplitAlnum(ascii));
        }
        return tokens;
    }

    /// <summary>Lower-case ASCII words as written (hyphens split words; Hangul words stay whole).</summary>
    public static IReadOnlyList<string> Words(string name)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        foreach (var ch in name.Normalize(NormalizationForm.FormKC))
        {
            if (char.IsLetterOrDigit(ch) || ch is '\'' or '’' || CharUnicodeInfo.GetUnicodeCategory(ch) is UnicodeCategory.NonSpacingMark)
                current.Append(ch);
            else if (current.Length > 0) { words.Add(current.ToString()); current.Clear(); }
        }
        if (current.Length > 0) words.Add(current.ToString());
        return words;
    }

    /// <summary>Tokens of the words, transliterated, for containment tests ("Putin" inside "Vladimir Putin").</summary>
    public static IReadOnlyList<string> WordKeys(string name) =>
        Words(name).Select(w => string.Concat(SplitAlnum(w.Transliterate()))).Where(w => w.Length > 0).ToList();

    /// <summary>Case-, accent-, punctuation- and spacing-insensitive key, in token order.</summary>
    public static string Exact(string name) => string.Concat(Tokens(name));

    /// <summary>The exact key with its tokens sorted, so "Kim Jong Un" meets "Jong Un Kim" and "KIM, Jong Un".</summary>
    public static string Sorted(string name)
    {
        var tokens = Tokens(name).ToArray();
        Array.Sort(tokens, StringComparer.Ordinal);
        return string.Join(' ', tokens);
    }

    /// <summary>
    /// Consonant skeleton with romanisation variants folded together (see class remarks). A consonant
    /// repeated across a token boundary counts once: Hangul is split into syllables (평양 → pyeong yang),
    /// so "n|n" must meet the single n of Pyongyang, and 블라디미르 the one l of Vladimir.
    /// </summary>
    public static string Loose(string name)
    {
        var sb = new StringBuilder();
        foreach (var token in Tokens(name))
            foreach (var c in Skeleton(token))
                if (sb.Length == 0 || sb[^1] != c) sb.Append(c);
        return sb.ToString();
    }

    /// <summary>True when every letter is Latin (or the name has no letters at all).</summary>
    public static bool IsLatin(string name)
    {
        foreach (var ch in name)
            if (char.IsLetter(ch) && ch > '\u024F') return false;
        return true;
    }

    private static bool ContainsHangul(string s) => s.Any(HangulRomanizer.IsHangul);

    // AnyAscii writes each Hangul syllable capitalised ("GimJeongEun"): the capitals mark syllables.
    private static IEnumerable<string> SplitCapitals(string ascii)
    {
        var current = new StringBuilder();
        foreach (var ch in ascii)
        {
            if (char.IsUpper(ch) && current.Length > 0) { yield return current.ToString(); current.Clear(); }
            if (char.IsLetterOrDigit(ch)) current.Append(char.ToLowerInvariant(ch));
        }
        if (current.Length > 0) yield return current.ToString();
    }

    private static IEnumerable<string> SplitAlnum(string ascii)
    {
        var current = new StringBuilder();
        foreach (var ch in ascii)
        {
            if (char.IsAsciiLetterOrDigit(ch)) current.Append(char.ToLowerInvariant(ch));
            else if (ch is '\'' or '’') continue;     // Pkhen'yan, O'Brien: the apostrophe is not a break
            else if (current.Length > 0) { yield return current.ToString(); current.Clear(); }
        }
        if (current.Length > 0) yield return current.ToString();
    }

    /// <summary>
    /// One token's consonant skeleton: vowels and the glides y/w dropped, voiced and voiceless pairs
    /// merged (g/k, d/t, b/p, j/ch), aspiration h dropped, r = l, final ng = n (Russian writes 정 as Чен).
    /// </summary>
    internal static string Skeleton(string token)
    {
        var t = token.Replace("tch", "j").Replace("ch", "j").Replace("zh", "j").Replace("ts", "j")
                     .Replace("sh", "s").Replace("ng", "n").Replace("kh", "k").Replace("ph", "p").Replace("th", "t");
        var sb = new StringBuilder();
        char last = '\0';
        foreach (var ch in t)
        {
            var c = ch switch
            {
                'g' or 'k' or 'q' or 'c' => 'k',
                'd' or 't' => 't',
                'b' or 'p' or 'f' or 'v' => 'p',
                'j' or 'z' => 'j',
                'r' or 'l' => 'l',
                'a' or 'e' or 'i' or 'o' or 'u' or 'y' or 'w' or 'h' => '\0',
                _ => ch,
            };
            if (c == '\0' || c == last) continue;
            sb.Append(c);
            last = c;
        }
        return sb.ToString();
    }
}
