using System.Text;
using Icu;

namespace Vigil.Text;

/// <summary>
/// Latin spellings of a name written in any script. Cyrillic gets several (BGN/PCGN, ISO 9,
/// Russian passport/ICAO) because lists and the press use all of them; Hangul gets Revised
/// Romanisation, McCune–Reischauer and the DPRK system (see <see cref="HangulRomanizer"/>);
/// other scripts (Arabic, Chinese, Japanese, Greek, ...) go through ICU's Any-Latin (CLDR data).
/// </summary>
public static class Transliteration
{
    private static readonly Lazy<bool> IcuReady = new(() => { Wrapper.Init(); return true; });

    // ICU transliterators are not documented as safe for concurrent use: one set per thread.
    [ThreadStatic] private static Dictionary<string, Transliterator>? perThread;

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
        text = text.Normalize(NormalizationForm.FormKC);
        if (IsAscii(text)) return [text];
        var result = new List<string>(3);
        if (HangulRomanizer.ContainsHangul(text))
        {
            foreach (var v in HangulRomanizer.Variants(text)) Add(ToLatin(v));
            return result;
        }
        if (ContainsCyrillic(text))
        {
            Add(Apply("Russian-Latin/BGN; Any-Latin; Latin-ASCII", text));
            Add(Apply("Any-Latin; Latin-ASCII", text));               // ISO 9 without diacritics
            Add(Apply("Any-Latin; Latin-ASCII", ToPassportStyle(text)));
            return result;
        }
        Add(ToLatin(text));
        return result;

        void Add(string s) { if (s.Length > 0 && !result.Contains(s)) result.Add(s); }
    }

    /// <summary>One Latin, ASCII spelling (ICU Any-Latin then Latin-ASCII: diacritics removed, ß → ss, ø → o).</summary>
    public static string ToLatin(string text) => IsAscii(text) ? text : Apply("Any-Latin; Latin-ASCII", text);

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
        _ = IcuReady.Value;
        perThread ??= new Dictionary<string, Transliterator>(StringComparer.Ordinal);
        if (!perThread.TryGetValue(id, out var t))
        {
            t = Transliterator.CreateInstance(id);
            perThread[id] = t;
        }
        return t.Transliterate(text);
    }
}
