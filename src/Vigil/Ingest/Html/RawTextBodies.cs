namespace Vigil.Ingest.Html;

/// <summary>
/// Cuts the bodies of script and style elements out of a page before it is parsed. About half of
/// a news page's characters are inline scripts and styles (53% on the article-extraction
/// benchmark's pages); the parser would copy each into a text node that the pruner then removes
/// unread. The elements themselves stay, empty.
/// <para>
/// Only what the HTML tokenizer itself reads as a script or style body is cut: the page is
/// scanned the way the tokenizer moves through it (comments to their end, tags to their closing
/// '>' with quoted attribute values, the text of title, textarea and the other raw-text elements
/// skipped whole). Where a cut could change how the rest is read, the body is kept: a script whose
/// body opens an HTML comment ("&lt;!--" changes where such a script ends), a body without an end
/// tag, and any script whose start tag mentions JSON (JSON-LD is read for the article body and date).
/// </para>
/// </summary>
internal static class RawTextBodies
{
    private enum Kind { Other, Script, Style, RawText, PlainText }

    /// <summary>Removes the bodies in place and returns the length of what is left.</summary>
    public static int Remove(Span<char> html)
    {
        var n = html.Length;
        int pos = 0, read = 0, write = 0;
        while (pos < n)
        {
            var lt = html[pos..].IndexOf('<');
            if (lt < 0) break;
            lt += pos;
            pos = lt + 1;
            if (pos >= n) break;
            var c = html[pos];
            if (c == '!')
            {
                pos = Declaration(html, lt);
                if (pos < 0) break;
                continue;
            }
            if (c == '?')
            {
                pos = After(html, pos, '>');
                if (pos < 0) break;
                continue;
            }
            if (c == '/')
            {
                // "</" and a letter is an end tag (read like a start tag); anything else up to '>' is a bogus comment.
                pos = pos + 1 < n && char.IsAsciiLetter(html[pos + 1]) ? TagEnd(html, NameEnd(html, pos + 1)) : After(html, pos, '>');
                if (pos < 0) break;
                continue;
            }
            if (!char.IsAsciiLetter(c)) continue; // a '<' in the text

            var nameEnd = NameEnd(html, pos);
            var name = html[pos..nameEnd];
            var kind = KindOf(name);
            var tagEnd = TagEnd(html, nameEnd);
            if (tagEnd < 0 || kind == Kind.PlainText) break; // the rest of the page is inside the tag, or text
            pos = tagEnd;
            if (kind == Kind.Other) continue;

            var close = EndTag(html, tagEnd, name);
            if (close < 0) break; // the body runs to the end of the page: keep it as it is
            var body = html[tagEnd..close];
            var cut = kind == Kind.Style
                || (kind == Kind.Script && !html[lt..tagEnd].Contains("json", StringComparison.OrdinalIgnoreCase) && !body.Contains("<!--", StringComparison.Ordinal));
            if (cut && body.Length > 0)
            {
                html[read..tagEnd].CopyTo(html[write..]);
                write += tagEnd - read;
                read = close;
            }
            pos = close; // the end tag is read as one on the next turn
        }
        html[read..].CopyTo(html[write..]);
        return write + (n - read);
    }

    private static Kind KindOf(ReadOnlySpan<char> name)
    {
        if (name.Equals("script", StringComparison.OrdinalIgnoreCase)) return Kind.Script;
        if (name.Equals("style", StringComparison.OrdinalIgnoreCase)) return Kind.Style;
        if (name.Equals("title", StringComparison.OrdinalIgnoreCase) || name.Equals("textarea", StringComparison.OrdinalIgnoreCase)
            || name.Equals("xmp", StringComparison.OrdinalIgnoreCase) || name.Equals("iframe", StringComparison.OrdinalIgnoreCase)
            || name.Equals("noembed", StringComparison.OrdinalIgnoreCase) || name.Equals("noframes", StringComparison.OrdinalIgnoreCase))
            return Kind.RawText;
        return name.Equals("plaintext", StringComparison.OrdinalIgnoreCase) ? Kind.PlainText : Kind.Other;
    }

    /// <summary>
    /// After "&lt;!": a comment ends at "--&gt;" or "--!&gt;" (or at once, as "&lt;!--&gt;" and "&lt;!---&gt;"),
    /// a CDATA section at "]]&gt;", a doctype or bogus comment at the first '&gt;'. -1 when the page ends first.
    /// </summary>
    private static int Declaration(ReadOnlySpan<char> html, int lt)
    {
        var n = html.Length;
        var rest = html[lt..];
        if (rest.StartsWith("<![CDATA[", StringComparison.Ordinal))
        {
            var end = rest.IndexOf("]]>", StringComparison.Ordinal);
            return end < 0 ? -1 : lt + end + 3;
        }
        if (!rest.StartsWith("<!--", StringComparison.Ordinal)) return After(html, lt + 2, '>');
        var i = lt + 4;
        if (i < n && html[i] == '>') return i + 1;
        if (i + 1 < n && html[i] == '-' && html[i + 1] == '>') return i + 2;
        while (true)
        {
            var dashes = html[i..].IndexOf("--", StringComparison.Ordinal);
            if (dashes < 0) return -1;
            var j = i + dashes + 2;
            if (j < n && html[j] == '>') return j + 1;
            if (j + 1 < n && html[j] == '!' && html[j + 1] == '>') return j + 2;
            i += dashes + 1;
        }
    }

    /// <summary>The position after the next <paramref name="c"/> from <paramref name="from"/>, or -1.</summary>
    private static int After(ReadOnlySpan<char> html, int from, char c)
    {
        var at = html[from..].IndexOf(c);
        return at < 0 ? -1 : from + at + 1;
    }

    private static bool IsSpace(char c) => c is ' ' or '\t' or '\n' or '\r' or '\f';

    /// <summary>Where a tag name that starts at <paramref name="from"/> ends: at a space, '/' or '&gt;'.</summary>
    private static int NameEnd(ReadOnlySpan<char> html, int from)
    {
        var i = from;
        while (i < html.Length && !IsSpace(html[i]) && html[i] is not ('/' or '>')) i++;
        return i;
    }

    /// <summary>
    /// The position after the '&gt;' that closes a tag whose name ends at <paramref name="from"/>,
    /// following the tokenizer's attribute states (a quote opens a value only after '='), or -1.
    /// </summary>
    private static int TagEnd(ReadOnlySpan<char> html, int from)
    {
        var n = html.Length;
        var i = from;
        var inName = false; // inside an attribute name, where '=' introduces the value
        while (i < n)
        {
            var c = html[i];
            if (c == '>') return i + 1;
            if (IsSpace(c) || c == '/')
            {
                // A space after a name still lets '=' follow ("a = b"); '/' ends the attribute.
                if (c == '/') inName = false;
                i++;
                continue;
            }
            if (c == '=' && inName)
            {
                i++;
                while (i < n && IsSpace(html[i])) i++;
                if (i >= n) return -1;
                if (html[i] is '"' or '\'')
                {
                    var close = html[(i + 1)..].IndexOf(html[i]);
                    if (close < 0) return -1;
                    i += close + 2;
                }
                else
                {
                    while (i < n && !IsSpace(html[i]) && html[i] != '>') i++;
                }
                inName = false;
                continue;
            }
            // Any other character (an '=' where a name should start included) is part of a name.
            inName = true;
            i++;
        }
        return -1;
    }

    /// <summary>The start of the end tag that closes a raw-text body starting at <paramref name="from"/>: "&lt;/name" then a space, '/' or '&gt;'.</summary>
    private static int EndTag(ReadOnlySpan<char> html, int from, ReadOnlySpan<char> name)
    {
        var i = from;
        while (true)
        {
            var at = html[i..].IndexOf("</", StringComparison.Ordinal);
            if (at < 0) return -1;
            at += i;
            var after = at + 2 + name.Length;
            if (after < html.Length && html.Slice(at + 2, name.Length).Equals(name, StringComparison.OrdinalIgnoreCase)
                && (IsSpace(html[after]) || html[after] is '/' or '>'))
                return at;
            i = at + 2;
        }
    }
}
