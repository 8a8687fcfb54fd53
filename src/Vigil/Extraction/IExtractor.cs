using Vigil.Model;

namespace Vigil.Extraction;

/// <summary>What extraction found in one document. All spans refer to the document's cleaned text.</summary>
public sealed record ExtractionResult(
    string DocumentId,
    IReadOnlyList<Mention> Mentions,
    IReadOnlyList<DateMention> Dates,
    IReadOnlyList<QuantityMention> Quantities,
    IReadOnlyList<Claim> Claims)
{
    public static ExtractionResult None(string documentId) => new(documentId, [], [], [], []);
}

/// <summary>The extraction stage's one entry point: a document in, its facts out.</summary>
public interface IExtractor
{
    ExtractionResult Extract(Document document);
}
