using Vigil.Extraction.Gazetteers;
using Vigil.Model;
using Vigil.Text;

namespace Vigil.Extraction;

/// <summary>
/// The extraction stage: entities (gazetteer + rules), dates, quantities and claims for one
/// document. Build one per run (the gazetteer is built from the sanctions lists once) and call
/// <see cref="Extract"/> for each document; it is safe to call from several threads.
/// </summary>
public sealed class Extractor : IExtractor
{
    private readonly EntityRecognizer _recognizer;

    public Gazetteer Gazetteer { get; }

    /// <summary>A recogniser whose gazetteer holds the names and aliases of the given list entries plus places and the lexicon.</summary>
    public Extractor(IEnumerable<ListEntry> listEntries) : this(GazetteerBuilder.Build(listEntries)) { }

    public Extractor(Gazetteer gazetteer)
    {
        Gazetteer = gazetteer;
        _recognizer = new EntityRecognizer(gazetteer);
    }

    public ExtractionResult Extract(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var text = document.Text ?? "";
        var tokens = Tokenizer.Tokenize(text);
        var sentences = SentenceSplitter.Split(text);
        var mentions = _recognizer.Recognize(document.Id, text, tokens, sentences, document.Lang);
        var vessels = VesselRecognizer.Recognize(document.Id, text, tokens, sentences, mentions);
        if (vessels.Count > 0)
            mentions = mentions.Where(m => !vessels.Any(v => v.Span.Overlaps(m.Span))).Concat(vessels).OrderBy(m => m.Span.Start).ToList();
        var dates = TemporalTagger.Tag(document.Id, text, tokens, document.Published);
        var quantities = QuantityTagger.Tag(document.Id, text, tokens, dates);
        var claims = ClaimExtractor.Extract(document with { Text = text }, tokens, sentences, mentions, dates, quantities);
        return new ExtractionResult(document.Id, mentions, dates, quantities, claims);
    }
}
