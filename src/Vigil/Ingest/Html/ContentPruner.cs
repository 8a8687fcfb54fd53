using System.Buffers;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace Vigil.Ingest.Html;

/// <summary>
/// Removes what is never article text before any scoring: scripts and styles, forms and
/// buttons, navigation, hidden elements, and containers whose class or id names them as page
/// furniture (comments, share bars, related links, sidebars, newsletters, cookie banners).
/// </summary>
internal static class ContentPruner
{
    private static readonly HashSet<string> NeverContent = new(StringComparer.Ordinal)
    {
        "script", "style", "noscript", "template", "svg", "canvas", "iframe", "object", "embed", "button", "select",
        "input", "textarea", "nav", "aside", "footer", "header", "menu", "dialog", "link", "meta", "map", "audio", "video",
    };

    /// <summary>Prunes the page in place and returns the text statistics of what is left.</summary>
    public static DomStats? Prune(IHtmlDocument document)
    {
        var body = document.Body;
        if (body is null) return null;
        RemoveNonContent(body);
        var stats = DomStats.Compute(body);
        RemoveFurniture(body, stats, Math.Max(1, stats.TextLength(body)));
        return DomStats.Compute(body);
    }

    private static void RemoveNonContent(IElement parent)
    {
        var child = parent.FirstElementChild;
        while (child is not null)
        {
            var next = child.NextElementSibling;
            if (NeverContent.Contains(child.LocalName) || IsHidden(child)) child.Remove();
            else RemoveNonContent(child);
            child = next;
        }
    }

    private static bool IsHidden(IElement el)
    {
        if (el.HasAttribute("hidden") || el.GetAttribute("aria-hidden") == "true") return true;
        var style = el.GetAttribute("style");
        if (style is null) return false;
        style = style.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant();
        return style.Contains("display:none", StringComparison.Ordinal) || style.Contains("visibility:hidden", StringComparison.Ordinal);
    }

    private static void RemoveFurniture(IElement parent, DomStats stats, int total)
    {
        var child = parent.FirstElementChild;
        while (child is not null)
        {
            var next = child.NextElementSibling;
            // A class name is only a hint: never drop a container that holds most of the page or
            // that wraps the article itself (blog engines call their main column a "widget").
            if (IsFurniture(child) && stats.TextLength(child) <= 0.4 * total && !stats.HoldsArticle(child)) child.Remove();
            else RemoveFurniture(child, stats, total);
            child = next;
        }
    }

    /// <summary>True when the element's class, id or role says it is page furniture, not content.</summary>
    public static bool IsFurniture(IElement el)
    {
        if (el is IHtmlBodyElement || el.LocalName is "article" or "main" or "html") return false;
        var role = el.GetAttribute("role");
        if (role is "navigation" or "complementary" or "banner" or "contentinfo" or "search" or "dialog" or "menu" or "menubar") return true;
        if (el.GetAttribute("itemprop") is "articleBody" or "text") return false;
        var names = ClassHints.Names(el);
        return names is not null && ClassHints.IsNegative(names) && !ClassHints.IsPositive(names);
    }
}

/// <summary>What class and id names say about an element (the readability heuristics, extended).</summary>
internal static class ClassHints
{
    private static readonly string[] NegativeParts =
    [
        "comment", "share", "sharing", "social", "related", "recommend", "newsletter", "subscribe", "signup", "sign-up",
        "sidebar", "side-bar", "promo", "sponsor", "advert", "cookie", "consent", "gdpr", "breadcrumb", "popup", "modal",
        "footer", "masthead", "pagination", "pager", "outbrain", "taboola", "disqus", "byline", "author-bio",
        "tagcloud", "tag-list", "tags", "widget", "banner", "toolbar", "skip-link", "print-only", "visually-hidden",
        "sr-only", "most-popular", "mostpopular", "trending", "read-more", "readmore", "more-stories", "also-read",
        "caption", "credit", "figcaption", "timestamp", "dateline", "meta-data", "article-meta", "post-meta", "entry-meta",
    ];

    private static readonly HashSet<string> NegativeTokens = new(StringComparer.Ordinal)
    {
        "ad", "ads", "adv", "advert", "nav", "navbar", "menu", "header", "print", "rss", "login",
        "share", "tools", "meta", "date", "author", "subscription", "inline-ad", "more", "next", "prev", "overlay",
    };

    private static readonly string[] PositiveParts =
    [
        "article-body", "articlebody", "article__body", "article-content", "articlecontent", "story-body", "storybody",
        "post-body", "post-content", "entry-content", "entry-body", "main-content", "maincontent", "body-text",
        "bodytext", "article-text", "story-content", "content-body", "rich-text", "richtext",
    ];

    private static readonly SearchValues<string> NegativeSearch = SearchValues.Create(NegativeParts, StringComparison.Ordinal);
    private static readonly SearchValues<string> PositiveSearch = SearchValues.Create(PositiveParts, StringComparison.Ordinal);
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> NegativeTokenLookup = NegativeTokens.GetAlternateLookup<ReadOnlySpan<char>>();

    public static bool IsNegative(string names)
    {
        var span = names.AsSpan();
        if (span.ContainsAny(NegativeSearch)) return true;
        foreach (var range in span.SplitAny(TokenSeparators))
            if (NegativeTokenLookup.Contains(span[range])) return true;
        // "hidden" only as a class of its own: "field--label-hidden" hides a label, not the field.
        foreach (var range in span.Split(' '))
            if (span[range] is "hidden" or "hide" or "d-none" or "invisible") return true;
        return false;
    }

    /// <summary>The element's class and id, lower-cased, or null when it has neither.</summary>
    public static string? Names(IElement el)
    {
        var classes = el.ClassName;
        var id = el.Id;
        if (string.IsNullOrEmpty(classes) && string.IsNullOrEmpty(id)) return null;
        return (classes + " " + id).ToLowerInvariant();
    }

    public static bool IsPositive(string names) => names.AsSpan().ContainsAny(PositiveSearch);

    /// <summary>Readability-style weight: +25 for content-like names, -25 for furniture-like ones.</summary>
    public static int Weight(IElement el)
    {
        var names = Names(el);
        if (names is null) return 0;
        var w = 0;
        if (IsPositive(names) || HasContentToken(names)) w += 25;
        if (IsNegative(names)) w -= 25;
        return w;
    }

    private static bool HasContentToken(string names)
    {
        var span = names.AsSpan();
        foreach (var range in span.SplitAny(TokenSeparators))
            if (span[range] is "article" or "content" or "body" or "entry" or "post" or "story" or "text" or "main") return true;
        return false;
    }

    private static readonly SearchValues<char> TokenSeparators = SearchValues.Create(" _-\t\n");
}
