using Vigil.Extraction.Ner;

namespace Vigil.Extraction;

/// <summary>
/// Optional parts of extraction. By default only the gazetteer and rules run; statistical NER
/// models (language code → tagger) add the names those miss. <see cref="WithCachedModels"/>
/// finds the models `vigil train` cached, without training or downloading anything.
/// </summary>
public sealed record ExtractorOptions
{
    public static readonly ExtractorOptions Default = new();

    /// <summary>Models given by the caller, by language code; they come before <see cref="ModelSource"/>.</summary>
    public IReadOnlyDictionary<string, SequenceTagger> NerModels { get; init; } = new Dictionary<string, SequenceTagger>();

    /// <summary>Where other languages' models are looked for, when a document in that language comes (null: nowhere).</summary>
    public Func<string, SequenceTagger?>? ModelSource { get; init; }

    /// <summary>The model that tags documents in <paramref name="language"/>, or null when there is none.</summary>
    public SequenceTagger? ModelFor(string language) =>
        NerModels.TryGetValue(language, out var model) ? model : ModelSource?.Invoke(language);

    /// <summary>
    /// Options that use each language's cached model. A model is read on the first document in its language (they are
    /// tens of MB each: a run over Italian articles never loads the Korean one) and again after `vigil train` rewrites it.
    /// </summary>
    public static ExtractorOptions WithCachedModels() => new() { ModelSource = CachedModel };

    private static SequenceTagger? CachedModel(string language)
    {
        foreach (var spec in Ner.NerModels.All)
            if (spec.Language == language) return Ner.NerModels.TryLoad(spec.Name);
        return null;
    }
}
