using Vigil.Model;

namespace Vigil.Screening.Lists;

/// <summary>A file found under a lists folder, with its first bytes for format sniffing.</summary>
public sealed record ListFile(string Path, string Head)
{
    public string FileName => System.IO.Path.GetFileName(Path);
    public string Directory => System.IO.Path.GetDirectoryName(Path) ?? ".";

    /// <summary>True when the file starts like XML (after a byte-order mark and blank space), so prose that mentions an element is not taken for it.</summary>
    public bool LooksLikeXml => Head.TrimStart('\uFEFF', '\u00EF', '\u00BB', '\u00BF', ' ', '\t', '\r', '\n').StartsWith('<');

    public static ListFile Open(string path)
    {
        var buffer = new byte[4096];
        int read;
        using (var stream = File.OpenRead(path)) read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        // Latin-1 keeps every byte visible, which is all sniffing needs (ZIP magic, XML roots, CSV shapes).
        return new ListFile(path, System.Text.Encoding.Latin1.GetString(buffer, 0, read));
    }
}

/// <summary>What one parser read from one list file (or one file set).</summary>
public sealed record ParsedList(string List, string File, IReadOnlyList<ListEntry> Entries, FuzzyDate? Published, IReadOnlyList<ListProblem> Problems)
{
    /// <summary>How the file was read when that is not obvious (e.g. companions joined from another folder).</summary>
    public string? Note { get; init; }

    public static ParsedList Failed(string list, string file, string message) => new(list, file, [], null, [new ListProblem(file, message)]);
}

/// <summary>
/// One official list format. Adding a format is adding one class implementing this interface
/// (it is found by reflection); nothing else changes.
/// </summary>
public interface IListParser
{

    /// <summary>Human name of the format, e.g. "UN SC consolidated XML".</summary>
    string Format { get; }

    /// <summary>True when <paramref name="file"/> is this format's main file (by name and content).</summary>
    bool CanParse(ListFile file);

    /// <summary>Parses <paramref name="file"/>; <paramref name="allFiles"/> lets a format find its companions elsewhere in the folder.</summary>
    ParsedList Parse(ListFile file, IReadOnlyList<ListFile> allFiles);

    /// <summary>Every file <see cref="Parse"/> reads for <paramref name="file"/> (a snapshot of the parse is valid while none of them changes).</summary>
    IReadOnlyList<string> Inputs(ListFile file, IReadOnlyList<ListFile> allFiles) => [file.Path];
}
