using NodaTime;

namespace Vigil.Model;

/// <summary>
/// One ingested report. <see cref="Text"/> is the cleaned text (page junk and repeated lines
/// removed); every offset anywhere in Vigil refers to it. <see cref="Id"/> derives from the
/// content hash, so the same text ingested twice is the same document. <see cref="DuplicateOf"/>
/// names the document this one is a near-copy of (a syndicated or lightly edited republication),
/// so that it is not counted as an independent source.
/// </summary>
public sealed record Document(
    string Id,
    string Source,
    string Text,
    string ContentHash,
    string? Title = null,
    string? Lang = null,
    LocalDate? Published = null,
    string? Outlet = null,
    string? Url = null,
    string? DuplicateOf = null)
{
    public int Chars => Text.Length;
}
