using System.Buffers;
using System.Text;

namespace Vigil.Ingest.Html;

/// <summary>
/// Cuts from a page, before it is parsed, what the extractor would remove anyway: scripts (but
/// not JSON-LD, which carries the article's metadata), style sheets and comments. On news pages
/// these are about half of the markup, and parsing them into a DOM only to delete them afterwards
/// is most of the cost of reading a page. The scan follows the HTML tokenizer where it matters:
/// tags are read with their quoted attributes, and the contents of title, textarea and the other
/// raw-text elements are passed over, so a "&lt;!--" or "&lt;script" inside them is left alone.
/// </summary>
internal static class HtmlPrefilter
{
    private static readonly string[] RawText = ["title", "textarea", "xmp", "iframe", "noembed", "noframes"];

    public static string Strip(string html)
    {
        StringBuilder? kept = null;
        var copied = 0;
        var i = 0;
        while (i < html.Length)
        {
            var lt = html.IndexOf('<', i);
            if (lt < 0 || lt + 1 >= html.Length) break;
            var next = html[lt + 1];
            if (next == '!')
            {
                if (string.CompareOrdinal(html, lt, "<!--", 0, 4) != 0)
                {
                    i = lt + 2;
                    continue;
                }
                var end = CommentEnd(html, lt + 4);
                Cut(lt, end);
                i = end;
                continue;
            }
            if (next == '/' || !char.IsAsciiLetter(next))
            {
                i = lt + 1;
                continue;
            }
            var nameEnd = lt + 1;
            while (nameEnd < html.Length && !IsNameEnd(html[nameEnd])) nameEnd++;
            var tagEnd = TagEnd(html, nameEnd);
            if (tagEnd < 0) break;
            var name = html.AsSpan(lt + 1, nameEnd - lt - 1);
            if (name.Equals("script", StringComparison.OrdinalIgnoreCase) || name.Equals("style", StringComparison.OrdinalIgnoreCase))
            {
                var after = AfterClosingTag(html, tagEnd, name);
                var attributes = html.AsSpan(nameEnd, tagEnd - nameEnd);
                if (!attributes.Contains("ld+json", StringComparison.OrdinalIgnoreCase)) Cut(lt, after);
                i = after;
                continue;
            }
            foreach (var raw in RawText)
            {
                if (!name.Equals(raw, StringComparison.OrdinalIgnoreCase)) continue;
                var close = ClosingTag(html, tagEnd, raw);
                tagEnd = close < 0 ? html.Length : close;
                break;
            }
            i = tagEnd;
        }
        if (kept is null) return html;
        kept.Append(html, copied, html.Length - copied);
        return kept.ToString();

        void Cut(int from, int to)
        {
            kept ??= new StringBuilder(html.Length / 2);
            kept.Append(html, copied, from - copied);
            copied = to;
        }
    }

    private static readonly SearchValues<char> TagStops = SearchValues.Create(">=");

    private static bool IsNameEnd(char c) => c is '>' or '/' or ' ' or '\t' or '\n' or '\r' or '\f';

    /// <summary>The index after the tag's closing '>', reading quoted attribute values whole; -1 when the tag never closes.</summary>
    private static int TagEnd(string html, int from)
    {
        for (var j = from; j < html.Length; j++)
        {
            var step = html.AsSpan(j).IndexOfAny(TagStops);
            if (step < 0) return -1;
            j += step;
            if (html[j] == '>') return j + 1;
            var k = j + 1;
            while (k < html.Length && char.IsWhiteSpace(html[k])) k++;
            if (k < html.Length && html[k] is '"' or '\'')
            {
                var close = html.IndexOf(html[k], k + 1);
                if (close < 0) return -1;
                j = close;
            }
            else j = k - 1;
        }
        return -1;
    }

    /// <summary>Where "&lt;/name" followed by a space, '/' or '>' starts, from <paramref name="from"/>; -1 when absent.</summary>
    private static int ClosingTag(string html, int from, ReadOnlySpan<char> name)
    {
        var j = from;
        while (true)
        {
            var at = html.IndexOf("</", j, StringComparison.Ordinal);
            if (at < 0) return -1;
            var end = at + 2 + name.Length;
            if (end <= html.Length && html.AsSpan(at + 2, name.Length).Equals(name, StringComparison.OrdinalIgnoreCase)
                && (end == html.Length || IsNameEnd(html[end])))
                return at;
            j = at + 2;
        }
    }

    /// <summary>The index after the element's closing tag, or the end of the page when it is never closed (as the tokenizer reads it).</summary>
    private static int AfterClosingTag(string html, int from, ReadOnlySpan<char> name)
    {
        var close = ClosingTag(html, from, name);
        if (close < 0) return html.Length;
        var gt = html.IndexOf('>', close);
        return gt < 0 ? html.Length : gt + 1;
    }

    /// <summary>The index after a comment whose "&lt;!--" ends just before <paramref name="from"/>, as the tokenizer ends it.</summary>
    private static int CommentEnd(string html, int from)
    {
        // "<!-->" and "<!--->" are complete (empty) comments.
        if (from < html.Length && html[from] == '>') return from + 1;
        if (from + 1 < html.Length && html[from] == '-' && html[from + 1] == '>') return from + 2;
        var end = html.IndexOf("-->", from, StringComparison.Ordinal);
        var bang = html.IndexOf("--!>", from, StringComparison.Ordinal);
        if (end < 0 && bang < 0) return html.Length;
        if (end < 0 || (bang >= 0 && bang < end)) return bang + 4;
        return end + 3;
    }
}
