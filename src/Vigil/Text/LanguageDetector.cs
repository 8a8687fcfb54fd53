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

    // The statistics settle long before a thousand characters; longer texts only cost time.
    private const int SampleChars = 1000;

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
        var detector = sample.Length < ShortText ? Precise.Value : Fast.Value;
        var language = detector.DetectLanguageOf(sample);
        return language == Language.Unknown ? null : language.IsoCode6391().ToString().ToLowerInvariant();
    }
}
