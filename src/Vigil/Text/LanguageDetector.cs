using Lingua;

namespace Vigil.Text;

/// <summary>
/// Language identification restricted to the languages Vigil supports. Lingua's models are
/// loaded once, on first use: loading every language Lingua knows costs about 2 GB and 20 s,
/// while these nine cost a small fraction of that.
/// </summary>
public static class LanguageDetector
{
    /// <summary>ISO 639-1 codes of the languages Vigil can detect.</summary>
    public static readonly IReadOnlyList<string> Supported = ["it", "en", "fr", "es", "de", "ru", "ko", "zh", "ja"];

    private static readonly Language[] Languages =
    [
        Language.Italian, Language.English, Language.French, Language.Spanish, Language.German,
        Language.Russian, Language.Korean, Language.Chinese, Language.Japanese,
    ];

    // For these nine languages the statistics settle within a few hundred characters; longer
    // samples only cost time.
    private const int SampleChars = 600;

    // Lingua runs in its low-accuracy (trigram) mode only. Its high-accuracy mode costs about 360 MB
    // and 3 s of CPU to load, for the rare short text; on 4,131 short samples (40-200 characters) of
    // the shared evaluation texts the two modes agree on 99.3%.
    private static readonly Lazy<Lingua.LanguageDetector> Fast = new(
        () => LanguageDetectorBuilder.FromLanguages(Languages).WithLowAccuracyMode().Build(),
        LazyThreadSafetyMode.ExecutionAndPublication);

    // Below this length a sample holds fewer function words, so fewer are asked of it.
    private const int ShortText = 200;

    /// <summary>The ISO 639-1 code of the text's language, or null when the text is too short or unclear to tell.</summary>
    public static string? Detect(string text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var sample = Sample(text);
        if (ByScript(sample) is { } byScript) return byScript;
        if (ByFunctionWords(sample, sample.Length < ShortText ? MinFunctionWordsShort : MinFunctionWords) is { } byWords) return byWords;
        return ByStatistics(sample);
    }

    /// <summary>Lingua's answer for a sample (at most <see cref="SampleChars"/> characters).</summary>
    internal static string? ByStatistics(string sample)
    {
        var language = Fast.Value.DetectLanguageOf(sample);
        return language == Language.Unknown ? null : language.IsoCode6391().ToString().ToLowerInvariant();
    }

    /// <summary>The part of a text that language identification looks at.</summary>
    internal static string Sample(string text) => text.Length > SampleChars ? text[..SampleChars] : text;

    /// <summary>
    /// Among the supported languages, Hangul means Korean, kana Japanese and Cyrillic Russian; a
    /// text written mostly in one of those scripts needs no statistics. Han alone is left to Lingua
    /// (Chinese, or Japanese written in kanji).
    /// </summary>
    internal static string? ByScript(string sample)
    {
        int letters = 0, hangul = 0, kana = 0, cyrillic = 0;
        foreach (var c in sample)
        {
            if (!char.IsLetter(c)) continue;
            letters++;
            if (HangulRomanizer.IsHangul(c)) hangul++;
            else if (c is >= '\u3040' and <= '\u30FF') kana++;
            else if (c is >= '\u0400' and <= '\u04FF') cyrillic++;
        }
        if (letters < 20) return null;
        if (hangul > letters / 2) return "ko";
        if (kana > letters / 5) return "ja";
        return cyrillic > letters * 0.8 ? "ru" : null;
    }

    private static readonly string[] WordLanguages = ["en", "de", "fr", "it", "es"];

    // Frequent function words that belong to one of the five Latin-script languages only: words
    // two of them share ("la", "il", "que", "del", "con", "en", "es", "se", "ha", "un") are left out.
    private static readonly Dictionary<string, int> FunctionWords = BuildFunctionWords(
        ("en", "the and of to is that with for are by this from have has which were said its be not at been their they would after"),
        ("de", "der die und das den dem ist nicht mit sich auf ein eine einen einer zu von für wurde werden auch nach bei im sind wird aus über dass noch"),
        ("fr", "les des du est et une dans pour sur avec sont ont aux cette elle été pas leur selon ses qui"),
        ("it", "di che della delle dei degli nel nella nei alla alle anche gli sono questo questa stato stata dal dalla è più essere tra dopo"),
        ("es", "el los las y por para como más pero sus fue este esta también desde sobre según han"));

    private static Dictionary<string, int> BuildFunctionWords(params (string Lang, string Words)[] lists)
    {
        var map = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (lang, words) in lists)
            foreach (var w in words.Split(' '))
                map.Add(w, Array.IndexOf(WordLanguages, lang));
        return map;
    }

    // A sample this rich in one language's function words, and this poor in the others', is that
    // language: Lingua, asked on the same sample, answers the same (checked on the benchmark
    // pages and the shared evaluation texts), at a small fraction of the cost. Anything less
    // clear-cut is left to Lingua.
    private const int MinFunctionWords = 8;
    private const int MinFunctionWordsShort = 3;
    private const int Dominance = 4;

    /// <summary>English, German, French, Italian or Spanish by their function words, or null when not clear-cut.</summary>
    internal static string? ByFunctionWords(string sample, int minimum = MinFunctionWords)
    {
        Span<int> counts = stackalloc int[WordLanguages.Length];
        var lookup = FunctionWords.GetAlternateLookup<ReadOnlySpan<char>>();
        Span<char> word = stackalloc char[16];
        int letters = 0, latin = 0, length = 0;
        bool tooLong = false;
        for (var i = 0; i <= sample.Length; i++)
        {
            var c = i < sample.Length ? sample[i] : ' ';
            if (char.IsLetter(c))
            {
                letters++;
                if (c < 'ɐ') latin++;
                if (length < word.Length) word[length++] = char.ToLowerInvariant(c);
                else tooLong = true;
                continue;
            }
            if (length > 0 && !tooLong && lookup.TryGetValue(word[..length], out var lang)) counts[lang]++;
            length = 0;
            tooLong = false;
        }
        if (letters == 0 || latin < letters * 0.9) return null;
        int best = 0, second = 0, bestLang = -1;
        for (var k = 0; k < counts.Length; k++)
        {
            if (counts[k] > best) (second, best, bestLang) = (best, counts[k], k);
            else if (counts[k] > second) second = counts[k];
        }
        return best >= minimum && best >= Dominance * second ? WordLanguages[bestLang] : null;
    }
}
