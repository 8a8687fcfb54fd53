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

    // Below this length Lingua's full (1- to 5-gram) models matter; above it, trigrams alone are
    // as accurate and several times faster, and need only the trigram models in memory.
    private const int ShortText = 200;

    private static readonly Lazy<Lingua.LanguageDetector> Precise = new(
        () => LanguageDetectorBuilder.FromLanguages(Languages).Build(),
        LazyThreadSafetyMode.ExecutionAndPublication);

    private static readonly Lazy<Lingua.LanguageDetector> Fast = new(
        () => LanguageDetectorBuilder.FromLanguages(Languages).WithLowAccuracyMode().Build(),
        LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The ISO 639-1 code of the text's language, or null when the text is too short or unclear to tell.</summary>
    public static string? Detect(string text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var sample = text.Length > SampleChars ? text[..SampleChars] : text;
        if (ByScript(sample) is { } byScript) return byScript;
        var detector = sample.Length < ShortText ? Precise.Value : Fast.Value;
        var language = detector.DetectLanguageOf(sample);
        return language == Language.Unknown ? null : language.IsoCode6391().ToString().ToLowerInvariant();
    }

    /// <summary>
    /// Among the supported languages, Hangul means Korean, kana Japanese and Cyrillic Russian; a
    /// text written mostly in one of those scripts needs no statistics. Han alone is left to Lingua
    /// (Chinese, or Japanese written in kanji).
    /// </summary>
    private static string? ByScript(string sample)
    {
        int letters = 0, hangul = 0, kana = 0, cyrillic = 0;
        foreach (var c in sample)
        {
            if (!char.IsLetter(c)) continue;
            letters++;
            if (c is >= '\uAC00' and <= '\uD7A3' or >= '\u1100' and <= '\u11FF' or >= '\u3130' and <= '\u318F') hangul++;
            else if (c is >= '\u3040' and <= '\u30FF') kana++;
            else if (c is >= '\u0400' and <= '\u04FF') cyrillic++;
        }
        if (letters < 20) return null;
        if (hangul > letters / 2) return "ko";
        if (kana > letters / 5) return "ja";
        return cyrillic > letters * 0.8 ? "ru" : null;
    }
}
