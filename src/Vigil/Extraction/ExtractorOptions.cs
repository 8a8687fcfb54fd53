using Vigil.Extraction.Ner;

namespace Vigil.Extraction;

/// <summary>
/// Optional parts of extraction. By default only the gazetteer and rules run; statistical NER
/// models (language code → tagger) add the names those miss. <see cref="WithCachedModels"/>
/// loads the models `vigil train` cached, without training or downloading anything.
/// </summary>
public sealed record ExtractorOptions
{
    public static readonly ExtractorOptions Default = new();

    public IReadOnlyDictionary<string, SequenceTagger> NerModels { get; init; } = new Dictionary<string, SequenceTagger>();

    public static ExtractorOptions WithCachedModels()
    {
        var models = new Dictionary<string, SequenceTagger>(StringComparer.Ordinal);
        foreach (var spec in Ner.NerModels.All)
            if (Ner.NerModels.TryLoad(spec.Name) is { } tagger) models[spec.Language] = tagger;
        return new ExtractorOptions { NerModels = models };
    }
}
