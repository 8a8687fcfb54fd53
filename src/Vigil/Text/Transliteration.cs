using System.Globalization;
using System.Text;
using Icu;

namespace Vigil.Text;

/// <summary>
/// Latin spellings of a name written in any script. Cyrillic gets several (BGN/PCGN, ISO 9,
/// Russian passport/ICAO) because lists and the press use all of them; Hangul gets Revised
/// Romanisation, McCune–Reischauer and the DPRK system (see <see cref="HangulRomanizer"/>);
/// Arabic, Chinese, Japanese kana, Greek, Hebrew, Georgian and Armenian go through ICU's
/// script transforms (CLDR data); anything else through AnyAscii. Latin letters with diacritics
/// are folded here without ICU (ß → ss, ø → o, ł → l), which keeps the common path fast.
/// </summary>
public static class Transliteration
{
    private static readonly Dictionary<string, (Transliterator Instance, Lock Gate)> Instances = new(StringComparer.Ordinal);
    private static readonly Lock InstancesGate = new();

    // Letters that Unicode decomposition does not reduce to ASCII.
    private static readonly Dictionary<char, string> LatinSpecials = new()
    {
        ['ß'] = "ss", ['ẞ'] = "SS", ['ø'] = "o", ['Ø'] = "O", ['ł'] = "l", ['Ł'] = "L", ['đ'] = "d", ['Đ'] = "D", ['ð'] = "d", ['Ð'] = "D",
        ['æ'] = "ae", ['Æ'] = "AE", ['œ'] = "oe", ['Œ'] = "OE", ['ı'] = "i", ['þ'] = "th", ['Þ'] = "Th", ['ħ'] = "h", ['Ħ'] = "H",
        ['ŀ'] = "l", ['Ŀ'] = "L", ['ŋ'] = "ng", ['Ŋ'] = "NG", ['ſ'] = "s", ['ƒ'] = "f", ['ə'] = "e", ['Ə'] = "E", ['ʻ'] = "'", ['ʼ'] = "'",
    };

    /// <summary>Makes sure the ICU library is loaded (for callers that use icu.net directly).</summary>
    public static void EnsureIcu() => IcuRuntime.EnsureReady();

    /// <summary>True when every character is ASCII (the fast path: no transliteration needed).</summary>
    public static bool IsAscii(string text)
    {
        foreach (var c in text) if (c > 0x7F) return false;
        return true;
    }

    public static bool ContainsCyrillic(string text) => text.Any(c => c is >= '\u0400' and <= '\u04FF');

    /// <summary>Latin spellings of <paramref name="text"/>, the most standard first; the text itself when already ASCII.</summary>
    public static IReadOnlyList<string> ToLatinVariants(string text)
    {
        if (IsAscii(text)) return [text];
        text = text.Normalize(NormalizationForm.FormKC);
        var result = new List<string>(3);
        if (HangulRomanizer.ContainsHangul(text))
        {
            foreach (var v in HangulRomanizer.Variants(text)) Add(ToLatin(v));
            return result;
        }
        if (ContainsCyrillic(text))
        {
            Add(FoldLatin(Apply("Russian-Latin/BGN", text)));
            Add(FoldLatin(Apply("Cyrillic-Latin", text)));        // ISO 9, diacritics then folded away
            Add(FoldLatin(Apply("Cyrillic-Latin", ToPassportStyle(text))));
            return result;
        }
        Add(ToLatin(text));
        if (ContainsGreek(text)) Add(FoldLatin(Apply("Greek-Latin/UNGEGN", GreekForeignReading(text))));
        return result;

        void Add(string s) { if (s.Length > 0 && !result.Contains(s)) result.Add(s); }
    }

    private static bool ContainsGreek(string text) => text.Any(c => c is >= '\u0370' and <= '\u03FF');

    // Greek writes foreign names with digraphs for sounds it has no letter for: Ντόναλντ Τραμπ is
    // Donald Trump, Βλαντιμίρ Πούτιν is Vladimir Putin. Read that way, they meet their Latin spelling.
    // μπ is b only at the start of a word (Μπάιντεν, Biden); inside it, mp (Τραμπ, Trump).
    private static readonly (string Greek, string Latin)[] ForeignDigraphs =
    [
        ("ντ", "d"), ("Ντ", "D"), ("ΝΤ", "D"), ("Μπ", "B"), ("ΜΠ", "B"), ("μπ", "mp"), ("γκ", "g"), ("Γκ", "G"), ("ΓΚ", "G"),
        ("ού", "u"), ("ου", "u"), ("Ού", "U"), ("Ου", "U"), ("ΟΥ", "U"),
    ];

    // Greek writes a foreign word-initial b as μπ.
    private static readonly System.Text.RegularExpressions.Regex WordInitialMp = new(@"(?<!\p{L})μπ", System.Text.RegularExpressions.RegexOptions.Compiled);

    private static string GreekForeignReading(string text)
    {
        text = WordInitialMp.Replace(text, "b");
        foreach (var (greek, latin) in ForeignDigraphs) text = text.Replace(greek, latin, StringComparison.Ordinal);
        return text;
    }

    /// <summary>One Latin, ASCII-folded spelling.</summary>
    public static string ToLatin(string text)
    {
        if (IsAscii(text)) return text;
        var transform = TransformFor(text);
        return FoldLatin(transform is null ? text : transform == "AnyAscii" ? AnyAscii.Transliteration.Transliterate(text) : Apply(transform, text));
    }

    /// <summary>Latin with diacritics and special letters folded to ASCII; other characters are left alone.</summary>
    public static string FoldLatin(string text)
    {
        if (IsAscii(text)) return text;
        var sb = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (c <= 0x7F) { sb.Append(c); continue; }
            if (CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark) continue;
            if (LatinSpecials.TryGetValue(c, out var s)) sb.Append(s);
            else if (c is '\u2018' or '\u2019' or '\u02BB' or '\u02BC' or '\u00B4' or '`') sb.Append('\'');
            else if (char.IsLetter(c) && c <= '\u024F') sb.Append(AnyAscii.Transliteration.Transliterate(c.ToString()));
            else if (char.IsWhiteSpace(c) || char.IsPunctuation(c) || char.IsSymbol(c)) sb.Append(' ');
            else sb.Append(c);
        }
        return sb.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>The ICU transform chain for the scripts present, "AnyAscii" for scripts ICU is not asked about, null for Latin only.</summary>
    private static string? TransformFor(string text)
    {
        var parts = new List<string>(2);
        var other = false;
        foreach (var c in text)
        {
            if (c < 0x250 || c is >= '\u1E00' and <= '\u1EFF' || !char.IsLetter(c)) continue;
            var id = c switch
            {
                >= '\u0400' and <= '\u04FF' => "Cyrillic-Latin",
                >= '\u0370' and <= '\u03FF' => "Greek-Latin/UNGEGN",
                >= '\u0590' and <= '\u05FF' => "Hebrew-Latin",
                >= '\u0600' and <= '\u06FF' or >= '\u0750' and <= '\u077F' => "Arabic-Latin",
                >= '\u0530' and <= '\u058F' => "Armenian-Latin",
                >= '\u10A0' and <= '\u10FF' => "Georgian-Latin",
                >= '\u3040' and <= '\u309F' => "Hiragana-Latin",
                >= '\u30A0' and <= '\u30FF' => "Katakana-Latin",
                >= '\u3400' and <= '\u4DBF' or >= '\u4E00' and <= '\u9FFF' => "Han-Latin",
                _ => null,
            };
            if (id is null) other = true;
            else if (!parts.Contains(id)) parts.Add(id);
        }
        if (parts.Count == 0) return other ? "AnyAscii" : null;
        parts.Sort(StringComparer.Ordinal);
        return string.Join("; ", parts);
    }

    /// <summary>Russian international-passport (ICAO 9303, 2013) spelling, applied before ICU for the rest.</summary>
    internal static string ToPassportStyle(string text)
    {
        var sb = new StringBuilder(text.Length * 2);
        foreach (var c in text)
        {
            var lower = char.ToLowerInvariant(c);
            var mapped = lower switch
            {
                'ж' => "zh", 'х' => "kh", 'ц' => "ts", 'ч' => "ch", 'ш' => "sh", 'щ' => "shch",
                'ю' => "iu", 'я' => "ia", 'й' => "i", 'ы' => "y", 'ъ' => "ie", 'ь' => "", 'ё' => "e", 'е' => "e", 'э' => "e",
                _ => null,
            };
            if (mapped is null) sb.Append(c);
            else sb.Append(char.IsUpper(c) && mapped.Length > 0 ? char.ToUpperInvariant(mapped[0]) + mapped[1..] : mapped);
        }
        return sb.ToString();
    }

    private static string Apply(string id, string text)
    {
        IcuRuntime.EnsureReady();
        (Transliterator Instance, Lock Gate) entry;
        lock (InstancesGate)
        {
            if (!Instances.TryGetValue(id, out entry))
            {
                entry = (Transliterator.CreateInstance(id), new Lock());
                Instances[id] = entry;
            }
        }
        // ICU does not promise that one transliterator may be used by several threads at once.
        lock (entry.Gate) return entry.Instance.Transliterate(text);
    }
}
