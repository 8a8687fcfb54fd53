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
    private static readonly string[] NeverContent =
    [
        "script", "style", "noscript", "template", "svg", "canvas", "iframe", "object", "embed", "button", "select",
        "input", "textarea", "nav", "aside", "footer", "header", "menu", "dialog", "link", "meta", "map", "audio", "video",
    ];

    public static void Prune(IHtmlDocument document)
    {
        foreach (var el in document.QuerySelectorAll(string.Join(',', NeverContent)).ToList()) el.Remove();
        foreach (var el in document.QuerySelectorAll("[hidden], [aria-hidden='true'], [style*='display:none'], [style*='display: none'], [style*='visibility:hidden']").ToList())
            el.Remove();

        var body = document.Body;
        if (body is null) return;
        var total = Math.Max(1, body.TextContent.Length);
        foreach (var el in body.QuerySelectorAll("*").ToList())
        {
            if (el.Parent is null || !IsFurniture(el)) continue;
            // A class name is only a hint: never drop a container that holds most of the page or
            // that wraps the article itself (blog engines call their main column a "widget").
            if (el.TextContent.Length > 0.4 * total || HoldsArticle(el)) continue;
            el.Remove();
        }
    }

    private static bool HoldsArticle(IElement el)
    {
        if (el.QuerySelector("article, main, [itemprop='articleBody']") is not null) return true;
        foreach (var d in el.Descendants<IElement>())
        {
            var names = d.ClassName;
            if (names is not null && ClassHints.IsPositive(names.ToLowerInvariant())) return true;
        }
        return false;
    }

    /// <summary>True when the element's class, id or role says it is page furniture, not content.</summary>
    public static bool IsFurniture(IElement el)
    {
        if (el is IHtmlBodyElement || el.LocalName is "article" or "main" or "html") return false;
        var role = el.GetAttribute("role");
        if (role is "navigation" or "complementary" or "banner" or "contentinfo" or "search" or "dialog" or "menu" or "menubar") return true;
        if (el.GetAttribute("itemprop") is "articleBody" or "text") return false;
        var names = (el.ClassName + " " + el.Id).ToLowerInvariant();
        if (names.Length <= 1) return false;
        return ClassHints.IsNegative(names) && !ClassHints.IsPositive(names);
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

    public static bool IsNegative(string names)
    {
        foreach (var part in NegativeParts)
            if (names.Contains(part, StringComparison.Ordinal)) return true;
        foreach (var token in Tokens(names))
            if (NegativeTokens.Contains(token)) return true;
        // "hidden" only as a class of its own: "field--label-hidden" hides a label, not the field.
        foreach (var name in names.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            if (name is "hidden" or "hide" or "d-none" or "invisible") return true;
        return false;
    }

    public static bool IsPositive(string names)
    {
        foreach (var part in PositiveParts)
            if (names.Contains(part, StringComparison.Ordinal)) return true;
        return false;
    }

    /// <summary>Readability-style weight: +25 for content-like names, -25 for furniture-like ones.</summary>
    public static int Weight(IElement el)
    {
        var names = (el.ClassName + " " + el.Id).ToLowerInvariant();
        if (names.Length <= 1) return 0;
        var w = 0;
        if (IsPositive(names) || Tokens(names).Any(t => t is "article" or "content" or "body" or "entry" or "post" or "story" or "text" or "main")) w += 25;
        if (IsNegative(names)) w -= 25;
        return w;
    }

    private static IEnumerable<string> Tokens(string names) =>
        names.Split([' ', '_', '-', '\t', '\n'], StringSplitOptions.RemoveEmptyEntries);
}
