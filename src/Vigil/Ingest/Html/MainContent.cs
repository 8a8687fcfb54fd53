using System.Text;
using AngleSharp.Dom;

namespace Vigil.Ingest.Html;

/// <summary>
/// Finds the element that holds the article and renders it. Paragraph-like elements score
/// their parent, grandparent and great-grandparent by length and commas (prose has commas,
/// menus do not); the best-scoring container, discounted by its link density, wins, and
/// siblings that score well enough are kept with it.
/// </summary>
internal static class MainContent
{
    private static readonly HashSet<string> ScoredTags = new(StringComparer.Ordinal) { "p", "pre", "td", "blockquote", "div", "section", "li", "dd" };

    public static string Extract(IElement body, DomStats stats, string? title)
    {
        var scores = new Dictionary<IElement, double>();
        foreach (var el in body.Descendants<IElement>())
        {
            if (!ScoredTags.Contains(el.LocalName)) continue;
            // Containers score only through their own prose, not their children's.
            if (el.LocalName is "div" or "section" or "li" or "td" or "dd" && !HasDirectText(el)) continue;
            var text = BlockText.OwnText(el);
            if (text.Length < 25) continue;
            var score = 1.0 + CountCommas(text) + Math.Min(text.Length / 100.0, 3.0);
            var ancestor = el.ParentElement;
            for (var level = 0; ancestor is not null && level < 3; level++, ancestor = ancestor.ParentElement)
            {
                if (!scores.ContainsKey(ancestor)) scores[ancestor] = InitialScore(ancestor);
                scores[ancestor] += score / (level == 0 ? 1 : level == 1 ? 2 : level * 3);
            }
        }
        if (scores.Count == 0) return Clean(BlockText.Render(body), title);

        IElement? best = null;
        var bestScore = double.MinValue;
        foreach (var (el, score) in scores)
        {
            var final = score * (1 - stats.LinkDensity(el));
            if (final > bestScore) (best, bestScore) = (el, final);
        }

        // A lone article-like container with a single paragraph child tends to undercount: climb
        // while the parent holds the same prose plus more of it.
        var chosen = best!;
        while (chosen.ParentElement is { } parent && parent != body && scores.TryGetValue(parent, out var ps) && ps * (1 - stats.LinkDensity(parent)) >= bestScore * 0.9)
            chosen = parent;

        var parts = new List<IElement>();
        if (chosen.ParentElement is { } container)
        {
            var threshold = Math.Max(10, bestScore * 0.2);
            foreach (var sibling in container.Children)
            {
                if (sibling == chosen) { parts.Add(sibling); continue; }
                var keep = scores.TryGetValue(sibling, out var s) && s * (1 - stats.LinkDensity(sibling)) >= threshold;
                if (!keep && sibling.LocalName == "p")
                {
                    var t = BlockText.OwnText(sibling);
                    var ld = stats.LinkDensity(sibling);
                    keep = (t.Length > 80 && ld < 0.25) || (t.Length > 0 && ld == 0 && t.EndsWith('.'));
                }
                if (keep) parts.Add(sibling);
            }
        }
        else parts.Add(chosen);

        var sb = new StringBuilder();
        foreach (var part in parts) sb.Append(BlockText.Render(part, stats)).Append('\n');
        return Clean(sb.ToString(), title);
    }

    private static string Clean(string text, string? title)
    {
        var lines = text.Split('\n').Select(TextCleaner.NormaliseWhitespace).Where(l => l.Length > 0).ToList();
        // The headline is metadata, not body: drop it when the page repeats it at the top.
        if (title is not null && lines.Count > 0 && (lines[0] == title || title.StartsWith(lines[0], StringComparison.Ordinal)))
            lines.RemoveAt(0);
        return string.Join("\n", lines);
    }

    private static double InitialScore(IElement el)
    {
        var s = el.LocalName switch
        {
            "div" or "article" or "main" => 5,
            "pre" or "td" or "blockquote" or "section" => 3,
            "address" or "ol" or "ul" or "dl" or "dd" or "dt" or "li" or "form" => -3,
            "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "th" => -5,
            _ => 0,
        };
        if (el.GetAttribute("itemprop") == "articleBody") s += 50;
        return s + ClassHints.Weight(el);
    }

    private static bool HasDirectText(IElement el)
    {
        foreach (var n in el.ChildNodes)
        {
            if (n is IText t && !string.IsNullOrWhiteSpace(t.Data)) return true;
            if (n is IElement c && BlockText.IsInline(c) && c.LocalName != "a" && !string.IsNullOrWhiteSpace(c.TextContent)) return true;
        }
        return false;
    }

    private static int CountCommas(string text)
    {
        var n = 0;
        foreach (var c in text) if (c is ',' or '，' or '、' or '،') n++;
        return n;
    }
}
