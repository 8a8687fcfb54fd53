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
        return HasDeclaration(style, "display", "none") || HasDeclaration(style, "visibility", "hidden");
    }

    /// <summary>
    /// True when the style attribute holds "property:value" once spaces are ignored and case too
    /// ("Display: None"), read in place without a normalised copy of the attribute.
    /// </summary>
    private static bool HasDeclaration(string style, string property, string value)
    {
        var at = 0;
        while ((at = style.IndexOf(property, at, StringComparison.OrdinalIgnoreCase)) >= 0)
        {
            var i = at + property.Length;
            at++;
            while (i < style.Length && style[i] == ' ') i++;
            if (i >= style.Length || style[i] != ':') continue;
            i++;
            while (i < style.Length && style[i] == ' ') i++;
            if (string.Compare(style, i, value, 0, value.Length, StringComparison.OrdinalIgnoreCase) == 0 && i + value.Length <= style.Length) return true;
        }
        return false;
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
        return ClassHints.IsNegative(el) && !ClassHints.IsPositive(el);
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

    // Class and id are read as written, case ignored: no lower-cased copy of them per element. None
    // of the parts holds a space, so reading the class and the id apart finds what reading them
    // joined by a space would.
    private static readonly SearchValues<string> NegativeSearch = SearchValues.Create(NegativeParts, StringComparison.OrdinalIgnoreCase);
    private static readonly SearchValues<string> PositiveSearch = SearchValues.Create(PositiveParts, StringComparison.OrdinalIgnoreCase);
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> NegativeTokenLookup =
        new HashSet<string>(NegativeTokens, StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>True when the element's class or id names it as page furniture.</summary>
    public static bool IsNegative(IElement el) => IsNegative(el.ClassName) || IsNegative(el.Id);

    /// <summary>True when the element's class or id names it as the article body.</summary>
    public static bool IsPositive(IElement el) => IsPositive(el.ClassName) || IsPositive(el.Id);

    public static bool IsNegative(ReadOnlySpan<char> names)
    {
        if (names.ContainsAny(NegativeSearch)) return true;
        foreach (var range in names.SplitAny(TokenSeparators))
            if (NegativeTokenLookup.Contains(names[range])) return true;
        // "hidden" only as a class of its own: "field--label-hidden" hides a label, not the field.
        foreach (var range in names.Split(' '))
        {
            var name = names[range];
            if (name.Equals("hidden", StringComparison.OrdinalIgnoreCase) || name.Equals("hide", StringComparison.OrdinalIgnoreCase)
                || name.Equals("d-none", StringComparison.OrdinalIgnoreCase) || name.Equals("invisible", StringComparison.OrdinalIgnoreCase))
                return true;
        }
        return false;
    }

    public static bool IsPositive(ReadOnlySpan<char> names) => names.ContainsAny(PositiveSearch);

    /// <summary>Readability-style weight: +25 for content-like names, -25 for furniture-like ones.</summary>
    public static int Weight(IElement el)
    {
        var classes = el.ClassName.AsSpan();
        var id = el.Id.AsSpan();
        if (classes.IsEmpty && id.IsEmpty) return 0;
        var w = 0;
        if (IsPositive(classes) || IsPositive(id) || HasContentToken(classes) || HasContentToken(id)) w += 25;
        if (IsNegative(classes) || IsNegative(id)) w -= 25;
        return w;
    }

    private static bool HasContentToken(ReadOnlySpan<char> names)
    {
        foreach (var range in names.SplitAny(TokenSeparators))
        {
            var token = names[range];
            foreach (var word in ContentTokens)
                if (token.Equals(word, StringComparison.OrdinalIgnoreCase)) return true;
        }
        return false;
    }

    private static readonly string[] ContentTokens = ["article", "content", "body", "entry", "post", "story", "text", "main"];

    private static readonly SearchValues<char> TokenSeparators = SearchValues.Create(" _-\t\n");
}
