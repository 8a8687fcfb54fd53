using System.Buffers;
using System.Text;
using System.Text.RegularExpressions;

namespace Vigil.Ingest;

/// <summary>How the bytes were turned into text, and why that encoding was chosen.</summary>
public sealed record DecodedText(string Text, Encoding Encoding, string Reason);

/// <summary>Decoded text in the first <see cref="Length"/> characters of a buffer rented from <see cref="ArrayPool{T}.Shared"/>.</summary>
public readonly record struct RentedText(char[] Buffer, int Length)
{
    public Span<char> Span => Buffer.AsSpan(0, Length);

    /// <summary>Gives the buffer back to the pool; the text must not be used afterwards.</summary>
    public void Return() => ArrayPool<char>.Shared.Return(Buffer);
}

/// <summary>
/// Turns bytes into text the way a browser would: a byte-order mark first, then the charset the
/// server declared, then an HTML meta declaration, then UTF-8 when the bytes are valid UTF-8, and
/// finally a single-byte guess between Windows-1251 (Cyrillic) and Windows-1252 (Western European).
/// </summary>
public static partial class TextDecoder
{
    static TextDecoder() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>Windows-1252, which browsers also use for labels like "iso-8859-1" and "latin1".</summary>
    public static Encoding Windows1252 => Encoding.GetEncoding(1252);

    public static Encoding Windows1251 => Encoding.GetEncoding(1251);

    public static DecodedText Decode(ReadOnlySpan<byte> bytes, string? contentType = null, bool sniffHtmlMeta = true)
    {
        var (encoding, skip, reason) = Choose(bytes, contentType, sniffHtmlMeta);
        return new(encoding.GetString(bytes[skip..]), encoding, reason);
    }

    /// <summary>
    /// The same text as <see cref="Decode"/>, written into a buffer rented from <see cref="ArrayPool{T}.Shared"/>
    /// (return it there when done): a page is read once, without a string of its own that only the parser looks at.
    /// </summary>
    public static RentedText DecodeRented(ReadOnlySpan<byte> bytes, string? contentType = null, bool sniffHtmlMeta = true)
    {
        var (encoding, skip, _) = Choose(bytes, contentType, sniffHtmlMeta);
        var source = bytes[skip..];
        var buffer = ArrayPool<char>.Shared.Rent(Math.Max(1, encoding.GetMaxCharCount(source.Length)));
        return new RentedText(buffer, encoding.GetChars(source, buffer));
    }

    /// <summary>Which encoding the bytes are in, how many byte-order-mark bytes precede the text, and why.</summary>
    private static (Encoding Encoding, int Skip, string Reason) Choose(ReadOnlySpan<byte> bytes, string? contentType, bool sniffHtmlMeta)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) return (Encoding.UTF8, 3, "byte-order mark");
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])) return (Encoding.Unicode, 2, "byte-order mark");
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) return (Encoding.BigEndianUnicode, 2, "byte-order mark");

        if (Declared(bytes, CharsetFromContentType(contentType)) is { } declared) return (declared, 0, "declared by the server");
        if (sniffHtmlMeta && Declared(bytes, CharsetFromMeta(bytes)) is { } meta) return (meta, 0, "declared in the HTML");

        if (IsValidUtf8(bytes)) return (Encoding.UTF8, 0, "valid UTF-8");
        return (LooksCyrillic(bytes) ? Windows1251 : Windows1252, 0, "guessed: not valid UTF-8");
    }

    /// <summary>The charset parameter of a Content-Type header value, if any.</summary>
    public static string? CharsetFromContentType(string? contentType)
    {
        if (string.IsNullOrEmpty(contentType)) return null;
        var m = ContentTypeCharset().Match(contentType);
        return m.Success ? m.Groups[1].Value : null;
    }

    /// <summary>A charset declared by a meta tag in the first kilobytes of an HTML page (the prescan browsers do).</summary>
    public static string? CharsetFromMeta(ReadOnlySpan<byte> bytes)
    {
        var head = Encoding.ASCII.GetString(bytes[..Math.Min(bytes.Length, 4096)]);
        var m = MetaCharset().Match(head);
        return m.Success ? m.Groups[1].Value : null;
    }

    public static bool IsValidUtf8(ReadOnlySpan<byte> bytes) => System.Text.Unicode.Utf8.IsValid(bytes);

    /// <summary>The declared encoding, unless the page says UTF-8 and is not (a common server misconfiguration): then detection decides.</summary>
    private static Encoding? Declared(ReadOnlySpan<byte> bytes, string? charset)
    {
        var encoding = Resolve(charset);
        if (encoding is null) return null;
        if (encoding.CodePage != Encoding.UTF8.CodePage) return encoding;
        return IsValidUtf8(bytes) ? Encoding.UTF8 : null;
    }

    /// <summary>The encoding for a charset label, following the WHATWG mapping for the Latin-1 family.</summary>
    public static Encoding? Resolve(string? charset)
    {
        if (string.IsNullOrWhiteSpace(charset)) return null;
        var label = charset.Trim().Trim('"', '\'').ToLowerInvariant();
        if (label is "iso-8859-1" or "latin1" or "latin-1" or "l1" or "us-ascii" or "ascii" or "iso8859-1" or "cp1252") return Windows1252;
        if (label is "utf8") return Encoding.UTF8;
        if (label is "cp1251" or "win-1251") return Windows1251;
        try { return Encoding.GetEncoding(label); }
        catch (ArgumentException) { return null; }
    }

    /// <summary>
    /// Cyrillic in Windows-1251 puts whole words in the 0xC0–0xFF range, while Western text in
    /// Windows-1252 has isolated accented letters between ASCII ones. Most high bytes sitting next
    /// to another high byte means Cyrillic.
    /// </summary>
    private static bool LooksCyrillic(ReadOnlySpan<byte> bytes)
    {
        int high = 0, paired = 0;
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] < 0xC0) continue;
            high++;
            if ((i > 0 && bytes[i - 1] >= 0xC0) || (i + 1 < bytes.Length && bytes[i + 1] >= 0xC0)) paired++;
        }
        return high >= 8 && paired > high * 0.6;
    }

    [GeneratedRegex(@"charset\s*=\s*[""']?([\w.:-]+)", RegexOptions.IgnoreCase)]
    private static partial Regex ContentTypeCharset();

    [GeneratedRegex(@"<meta[^>]+charset\s*=\s*[""']?([\w.:-]+)", RegexOptions.IgnoreCase)]
    private static partial Regex MetaCharset();
}
