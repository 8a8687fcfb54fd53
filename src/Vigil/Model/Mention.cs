namespace Vigil.Model;

/// <summary>
/// A place in a document where an entity is named. <see cref="Text"/> is exactly the cleaned
/// text under <see cref="Span"/>; <see cref="Name"/> is the canonical form the recogniser linked it to
/// (e.g. "Putin" → "Vladimir Putin"), or the surface text when it knows nothing better.
/// </summary>
public sealed record Mention(Span Span, string Text, EntitySchema Schema, string Name, double Confidence = 1.0)
{
    /// <summary>FtM-named facts the text states next to the name, e.g. a vessel's "imoNumber" and "flag".</summary>
    public IReadOnlyDictionary<string, string>? Properties { get; init; }
}
