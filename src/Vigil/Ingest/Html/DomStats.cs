using AngleSharp.Dom;

namespace Vigil.Ingest.Html;

/// <summary>
/// Text and link-text lengths of every element, computed in one pass so that scoring never
/// re-walks a subtree (asking AngleSharp for TextContent at each level is quadratic on deep pages).
/// Lengths count non-space characters, so indentation in the markup does not count as text.
/// </summary>
internal sealed class DomStats
{
    private readonly record struct Stat(int Text, int Link, bool HoldsArticle);

    private readonly Dictionary<IElement, Stat> stats = new(ReferenceEqualityComparer.Instance);

    public static DomStats Compute(IElement root)
    {
        var result = new DomStats();
        result.Visit(root, insideLink: false);
        return result;
    }

    public int TextLength(IElement el) => stats.TryGetValue(el, out var s) ? s.Text : 0;

    /// <summary>Share of the element's text that sits inside links.</summary>
    public double LinkDensity(IElement el) => stats.TryGetValue(el, out var s) && s.Text > 0 ? Math.Min(1.0, (double)s.Link / s.Text) : 0;

    /// <summary>True when the element is or contains an article marker (article, main, itemprop=articleBody, an article-body class).</summary>
    public bool HoldsArticle(IElement el) => stats.TryGetValue(el, out var s) && s.HoldsArticle;

    private Stat Visit(IElement el, bool insideLink)
    {
        var isLink = insideLink || el.LocalName == "a";
        int text = 0, link = 0;
        var holds = IsArticleMarker(el);
        for (var node = el.FirstChild; node is not null; node = node.NextSibling)
        {
            if (node is IText t)
            {
                var n = CountVisible(t.Data);
                text += n;
                if (isLink) link += n;
            }
            else if (node is IElement child)
            {
                var s = Visit(child, isLink);
                text += s.Text;
                link += s.Link;
                holds |= s.HoldsArticle;
            }
        }
        var stat = new Stat(text, link, holds);
        stats[el] = stat;
        return stat;
    }

    private static bool IsArticleMarker(IElement el)
    {
        if (el.LocalName is "article" or "main") return true;
        if (el.GetAttribute("itemprop") == "articleBody") return true;
        return ClassHints.IsPositive(el.ClassName);
    }

    private static int CountVisible(string s)
    {
        var n = 0;
        foreach (var c in s) if (!char.IsWhiteSpace(c)) n++;
        return n;
    }
}
