using System.Text;
using System.Text.RegularExpressions;

namespace Vigil.Ingest;

/// <summary>How the bytes were turned into text, and why that encoding was chosen.</summary>
public sealed record DecodedText(string Text, Encoding Encoding, string Reason);

/// <summary>
/// Turns bytes into text the way a browser would: a byte-order mark first, then the charset the
/// server declared, then an HTML meta declaration, then UTF-8 when the bytes are valid UTF-8, and
/// finally a single-byte guess between Windows-1251 (Cyrillic) and Windows-1252 (Western European).
/// </summary>
public static partial class TextDecoder
{
    static TextDecoder() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Windows-1252, which browsers also use for labels like "iso-8859-1" and "latin1".</summary>
    public static Encoding Windows1252 => Encoding.GetEncoding(1252);

    public static Encoding Windows1251 => Encoding.GetEncoding(1251);

    public static DecodedText Decode(ReadOnlySpan<byte> bytes, string? contentType = null, bool sniffHtmlMeta = true)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) return new(Encoding.UTF8.GetString(bytes[3..]), Encoding.UTF8, "byte-order mark");
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])) return new(Encoding.Unicode.GetString(bytes[2..]), Encoding.Unicode, "byte-order mark");
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) return new(Encoding.BigEndianUnicode.GetString(bytes[2..]), Encoding.BigEndianUnicode, "byte-order mark");

        if (TryDeclared(bytes, CharsetFromContentType(contentType), "declared by the server", out var declared)) return declared;
        if (sniffHtmlMeta && TryDeclared(bytes, CharsetFromMeta(bytes), "declared in the HTML", out var meta)) return meta;

        if (IsValidUtf8(bytes)) return new(Encoding.UTF8.GetString(bytes), Encoding.UTF8, "valid UTF-8");
        var guess = LooksCyrillic(bytes) ? Windows1251 : Windows1252;
        return new(guess.GetString(bytes), guess, "guessed: not valid UTF-8");
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

    private static bool TryDeclared(ReadOnlySpan<byte> bytes, string? charset, string reason, out DecodedText result)
    {
        result = null!;
        var encoding = Resolve(charset);
        if (encoding is null) return false;
        if (encoding.CodePage == Encoding.UTF8.CodePage)
        {
            // A page that says UTF-8 but is not (a common server misconfiguration): let detection decide.
            if (!IsValidUtf8(bytes)) return false;
            result = new(StrictUtf8.GetString(bytes), Encoding.UTF8, reason);
            return true;
        }
        result = new(encoding.GetString(bytes), encoding, reason);
        return true;
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
