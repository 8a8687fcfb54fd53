using System.IO.Compression;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using Vigil.Ingest.Html;
using Vigil.Model;
using Vigil.Text;

namespace Vigil.Ingest;

/// <summary>What kind of content some bytes are, judged from the bytes themselves.</summary>
public enum ContentKind { Text, Html, Pdf, Feed, Gzip, Binary }

/// <summary>
/// Turns the bytes of one source (a file, a download, a manifest entry) into a <see cref="Document"/>:
/// detects the kind of content, decodes it, extracts the main text, cleans it, and fills in the
/// title, language, date and outlet from the page or the caller's metadata (which wins).
/// </summary>
public sealed partial class ContentReader
{
    private readonly HtmlArticleExtractor html = new();

    /// <summary>The largest decompressed size accepted from a gzip file.</summary>
    public const int MaxDecompressedBytes = 64 * 1024 * 1024;

    public static ContentKind Sniff(ReadOnlySpan<byte> bytes, string? nameOrContentType = null)
    {
        if (bytes.StartsWith("%PDF-"u8)) return ContentKind.Pdf;
        if (bytes.Length >= 2 && bytes[0] == 0x1F && bytes[1] == 0x8B) return ContentKind.Gzip;
        var hasBom = bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]);
        var head = bytes[..Math.Min(bytes.Length, 8192)];
        if (!hasBom && LooksBinary(head)) return ContentKind.Binary;

        var decoded = TextDecoder.DecodeRented(head, sniffHtmlMeta: false);
        try
        {
            return SniffText(decoded.Span.TrimStart("\uFEFF \t\r\n"), nameOrContentType);
        }
        finally
        {
            decoded.Return();
        }
    }

    private static ContentKind SniffText(ReadOnlySpan<char> start, string? nameOrContentType)
    {
        if (start.StartsWith("<?xml", StringComparison.OrdinalIgnoreCase) || start.StartsWith("<rss", StringComparison.OrdinalIgnoreCase) || start.StartsWith("<feed", StringComparison.OrdinalIgnoreCase))
        {
            if (FeedRoot().IsMatch(start)) return ContentKind.Feed;
            if (start.Contains("<html", StringComparison.OrdinalIgnoreCase)) return ContentKind.Html;
        }
        var hint = nameOrContentType?.ToLowerInvariant() ?? "";
        if (hint.Contains("rss") || hint.Contains("atom")) return ContentKind.Feed;
        if (hint.Contains("html") || hint.EndsWith(".htm", StringComparison.Ordinal)) return ContentKind.Html;
        if (HtmlStart().IsMatch(start)) return ContentKind.Html;
        return ContentKind.Text;
    }

    /// <summary>NUL bytes, or many control characters, mean the bytes are not text.</summary>
    private static bool LooksBinary(ReadOnlySpan<byte> head)
    {
        if (head.IndexOf((byte)0) >= 0) return true;
        var control = 0;
        foreach (var b in head)
            if (b < 0x20 && b is not ((byte)'\t' or (byte)'\n' or (byte)'\r' or 0x0C or 0x1B)) control++;
        return head.Length > 0 && control > head.Length / 20;
    }

    /// <summary>
    /// Reads the bytes as a document. Returns null with a problem message when there is nothing to
    /// read; the message names what is wrong and what to do, the caller adds which input it was.
    /// </summary>
    public (Document? Document, string? Problem) Read(byte[] bytes, string source, SourceMetadata? metadata = null, string? contentType = null) =>
        Read(bytes.AsMemory(), source, metadata, contentType);

    /// <summary>
    /// As <see cref="Read(byte[], string, SourceMetadata?, string?)"/>, for bytes in a buffer the caller
    /// reuses (a pooled file buffer): nothing returned refers to them.
    /// </summary>
    public (Document? Document, string? Problem) Read(ReadOnlyMemory<byte> memory, string source, SourceMetadata? metadata = null, string? contentType = null)
    {
        metadata ??= new SourceMetadata();
        var bytes = memory.Span;
        if (bytes.Length == 0) return (null, "is empty (0 bytes): nothing to ingest. Remove it, or save the document's text into it.");
        var kind = Sniff(bytes, contentType ?? Path.GetExtension(source));
        if (kind == ContentKind.Gzip)
        {
            var inflated = Gunzip(memory);
            if (inflated is null) return (null, $"is a damaged or oversized gzip file (limit {MaxDecompressedBytes / (1024 * 1024)} MB uncompressed). Decompress it and ingest the result.");
            var innerName = source.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? source[..^3] : source;
            return Read(inflated, innerName, metadata, contentType);
        }

        Extracted extracted;
        switch (kind)
        {
            case ContentKind.Binary:
                return (null, "looks like a binary file, not text, HTML, PDF or a feed. Convert it to one of those (e.g. save as .txt or .pdf) or leave it out.");
            case ContentKind.Pdf:
                var pdf = PdfText.Extract(bytes.ToArray());
                if (pdf.Problem is not null) return (null, pdf.Problem);
                extracted = new Extracted(pdf.Text!, pdf.Title, null, null, null, HeadlineFirst: false);
                break;
            case ContentKind.Feed:
                return (null, "is an RSS/Atom feed, not an article: give it to `vigil ingest` as a feed source (its items are fetched) or to `vigil watch`.");
            case ContentKind.Html:
                // The page is decoded into a pooled buffer that the extractor parses in place: the
                // whole page never becomes a string of its own.
                var decoded = TextDecoder.DecodeRented(bytes, contentType);
                HtmlArticle page;
                try { page = html.ExtractInPlace(decoded.Buffer, decoded.Length); }
                finally { decoded.Return(); }
                extracted = new Extracted(page.Text, page.Title, page.Lang, page.Published, page.SiteName, HeadlineFirst: false);
                break;
            default:
                extracted = new Extracted(TextDecoder.Decode(bytes, contentType, sniffHtmlMeta: false).Text, null, null, null, null, HeadlineFirst: true);
                break;
        }
        return Build(extracted, source, metadata);
    }

    /// <summary>Builds a document from text that needs no decoding (a manifest's inline text).</summary>
    public (Document? Document, string? Problem) ReadText(string text, string source, SourceMetadata? metadata = null) =>
        Build(new Extracted(text, null, null, null, null, HeadlineFirst: true), source, metadata ?? new SourceMetadata());

    private static (Document?, string?) Build(Extracted extracted, string source, SourceMetadata metadata)
    {
        var text = TextCleaner.Clean(extracted.Text.Replace("\r\n", "\n").Replace('\r', '\n'));
        if (text.Length == 0)
            return (null, "has no readable text after removing markup and page chrome. Check that it is the article itself (not an index page or a scanned image).");
        var hash = Ids.Hash(text);
        var title = metadata.Title ?? extracted.Title ?? (extracted.HeadlineFirst ? Headline(text) : null);
        var lang = metadata.Lang ?? LanguageDetector.Detect(text) ?? extracted.Lang;
        var outlet = metadata.Outlet ?? extracted.SiteName ?? HostOf(metadata.Url ?? source);
        var document = new Document(
            Id: "doc-" + hash[..16],
            Source: source,
            Text: text,
            ContentHash: hash,
            Title: title,
            Lang: lang,
            Published: metadata.Published ?? extracted.Published,
            Outlet: outlet,
            Url: metadata.Url ?? (IsUrl(source) ? source : null));
        return (document, null);
    }

    /// <summary>The first line, when it reads like a headline: short, and not ending like a sentence.</summary>
    public static string? Headline(string text)
    {
        var end = text.IndexOf('\n');
        if (end < 0) return null;
        var first = text[..end].Trim();
        if (first.Length is < 10 or > 250) return null;
        if (first.EndsWith('.') && !first.EndsWith("...", StringComparison.Ordinal)) return null;
        if (first.EndsWith(':') || first.EndsWith(',') || first.EndsWith(';')) return null;
        return first.Split(' ').Length <= 40 ? first : null;
    }

    public static bool IsUrl(string s) =>
        s.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || s.StartsWith("https://", StringComparison.OrdinalIgnoreCase);

    private static string? HostOf(string source) =>
        IsUrl(source) && Uri.TryCreate(source, UriKind.Absolute, out var uri) ? uri.Host : null;

    private static byte[]? Gunzip(ReadOnlyMemory<byte> bytes)
    {
        try
        {
            var compressed = MemoryMarshal.TryGetArray(bytes, out var segment)
                ? new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false)
                : new MemoryStream(bytes.ToArray());
            using var input = new GZipStream(compressed, CompressionMode.Decompress);
            using var output = new MemoryStream();
            var buffer = new byte[81920];
            int n;
            while ((n = input.Read(buffer)) > 0)
            {
                output.Write(buffer, 0, n);
                if (output.Length > MaxDecompressedBytes) return null;
            }
            return output.ToArray();
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    private sealed record Extracted(string Text, string? Title, string? Lang, NodaTime.LocalDate? Published, string? SiteName, bool HeadlineFirst);

    [GeneratedRegex(@"^(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*(?:<\?xml-stylesheet[^>]*>\s*)?<(?:rss|feed|rdf:RDF)\b", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex FeedRoot();

    [GeneratedRegex(@"^(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title|div|p|article)\b", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex HtmlStart();
}
