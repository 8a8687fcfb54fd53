using System.Text;
using AngleSharp.Dom;

namespace Vigil.Ingest.Html;

/// <summary>Renders HTML as text with one line per block (paragraph, heading, list item, cell).</summary>
internal static class BlockText
{
    private static readonly HashSet<string> InlineTags = new(StringComparer.Ordinal)
    {
        "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "dfn", "em", "font", "i", "kbd", "mark", "q", "s", "samp",
        "small", "span", "strong", "sub", "sup", "time", "u", "var", "wbr", "del", "ins", "strike", "tt", "big", "label", "nobr",
    };

    public static bool IsInline(IElement el) => InlineTags.Contains(el.LocalName);

    /// <summary>The element's text as lines.</summary>
    /// <summary>The element's text as lines; with statistics, link lists and furniture inside it are left out.</summary>
    public static string Render(IElement root, DomStats? stats = null)
    {
        var sb = new StringBuilder();
        Walk(root, sb, stats);
        return sb.ToString();
    }

    /// <summary>The text of the element where it is one paragraph (inline children included, nested blocks not).</summary>
    public static string OwnText(IElement el)
    {
        var sb = new StringBuilder();
        foreach (var n in el.ChildNodes)
        {
            if (n is IText t) sb.Append(t.Data);
            else if (n is IElement c && IsInline(c)) sb.Append(c.TextContent);
        }
        return TextCleaner.NormaliseWhitespace(sb.ToString());
    }

    private static void Walk(INode node, StringBuilder sb, DomStats? stats)
    {
        foreach (var child in node.ChildNodes)
        {
            switch (child)
            {
                case IText t:
                    AppendOnOneLine(sb, t.Data);
                    break;
                case IElement e when e.LocalName == "br":
                    sb.Append('\n');
                    break;
                case IElement e when IsInline(e):
                    Walk(e, sb, stats);
                    break;
                case IElement e when e.LocalName is "td" or "th":
                    // A table row reads as one line, its cells separated by spaces.
                    sb.Append(' ');
                    Walk(e, sb, stats);
                    sb.Append(' ');
                    break;
                case IElement e:
                    if (stats is not null && IsBoilerplateBlock(e, stats)) break;
                    sb.Append('\n');
                    Walk(e, sb, stats);
                    sb.Append('\n');
                    break;
            }
        }
    }

    /// <summary>Appends the text with its line breaks as spaces: a text node's breaks are markup layout, not lines.</summary>
    private static void AppendOnOneLine(StringBuilder sb, string text)
    {
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is not ('\n' or '\r')) continue;
            sb.Append(text, start, i - start).Append(' ');
            start = i + 1;
        }
        sb.Append(text, start, text.Length - start);
    }

    /// <summary>Link lists, captions and furniture inside the chosen container.</summary>
    private static bool IsBoilerplateBlock(IElement e, DomStats stats)
    {
        if (e.LocalName is "figcaption" or "h1") return true;
        if (ContentPruner.IsFurniture(e) && !stats.HoldsArticle(e)) return true;
        var length = stats.TextLength(e);
        if (length == 0) return true;
        if (e.LocalName is "ul" or "ol" or "div" or "section" or "table" or "dl" or "p" or "li")
        {
            var ld = stats.LinkDensity(e);
            if (ld > 0.5 && length < 400) return true;
            if (ld > 0.8) return true;
        }
        return false;
    }
}
