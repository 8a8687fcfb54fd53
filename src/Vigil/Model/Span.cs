namespace Vigil.Model;

/// <summary>
/// A stretch of a document's cleaned text: half-open [Start, End) in UTF-16 code units.
/// Every derived fact carries one, so a report can always quote the words behind it.
/// </summary>
public readonly record struct Span(string DocumentId, int Start, int End)
{
    public int Length => End - Start;

    public string TextOf(string cleanedText) => cleanedText[Start..End];

    public bool Overlaps(Span other) =>
        DocumentId == other.DocumentId && Start < other.End && other.Start < End;
}
