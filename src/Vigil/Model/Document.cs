using NodaTime;

namespace Vigil.Model;

/// <summary>
/// One ingested report. <see cref="Text"/> is the cleaned text (page junk and repeated lines
/// removed); every offset anywhere in Vigil refers to it. <see cref="Id"/> derives from the
/// content hash, so the same text ingested twice is the same document.
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
    string? Url = null)
{
    public int Chars => Text.Length;
}
