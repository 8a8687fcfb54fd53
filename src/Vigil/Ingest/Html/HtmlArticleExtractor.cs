using System.Buffers;
using System.Text;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using NodaTime;
using NodaTime.Text;

namespace Vigil.Ingest.Html;

/// <summary>The main text of a web page and what the page says about itself.</summary>
public sealed record HtmlArticle(string Text, string? Title, string? Lang, LocalDate? Published, string? SiteName);

/// <summary>
/// Main-text extraction (boilerplate removal) from HTML pages. AngleSharp parses the page; the
/// article is found by where the prose is: paragraphs vote for their containers by length and
/// punctuation, links and menus count against, and the best container's blocks are emitted one
/// per line with link lists, share bars and captions left out. Where the page publishes its
/// own article body (schema.org JSON-LD) and it agrees with the page, that is preferred.
/// </summary>
public sealed class HtmlArticleExtractor
{
    /// <summary>
    /// How pages are parsed: without scripting (noscript content is markup), and without what
    /// extraction never reads: source positions and comment nodes.
    /// </summary>
    internal static readonly HtmlParserOptions Options = new()
    {
        IsScripting = false,
        IsKeepingSourceReferences = false,
        DisableElementPositionTracking = true,
        SkipComments = true,
    };

    private static readonly HtmlParser Parser = new(Options);

    public HtmlArticle Extract(string html)
    {
        var buffer = ArrayPool<char>.Shared.Rent(Math.Max(1, html.Length));
        try
        {
            html.CopyTo(buffer);
            return ExtractInPlace(buffer, html.Length);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// The article in the page held by the first <paramref name="length"/> characters of the buffer,
    /// which is overwritten: the bodies of scripts and styles are cut out of it before parsing
    /// (<see cref="RawTextBodies"/>). Nothing returned refers to the buffer.
    /// </summary>
    public HtmlArticle ExtractInPlace(char[] buffer, int length)
    {
        var kept = RawTextBodies.Remove(buffer.AsSpan(0, length));
        return Extract(Parser.ParseDocument(new ReadOnlyMemory<char>(buffer, 0, kept)));
    }

    private static HtmlArticle Extract(IHtmlDocument document)
    {
        var meta = PageMetadata.Read(document);
        var jsonLdBody = meta.ArticleBody;

        var stats = ContentPruner.Prune(document);
        var body = document.Body;
        var text = body is null || stats is null ? "" : MainContent.Extract(body, stats, meta.Title);

        // The publisher's own article body is exact where the page repeats it in full; use it when
        // it carries at least as much of the text as the DOM path found (some sites truncate it).
        if (jsonLdBody is not null && jsonLdBody.Length >= 0.8 * text.Length)
            text = jsonLdBody;

        return new HtmlArticle(text, meta.Title, meta.Lang, meta.Published, meta.SiteName);
    }
}

/// <summary>Title, language, date and site name from the head of a page, and a JSON-LD article body.</summary>
internal sealed record PageMetadata(string? Title, string? Lang, LocalDate? Published, string? SiteName, string? ArticleBody)
{
    public static PageMetadata Read(IHtmlDocument document)
    {
        // One walk over the page finds the meta tags, the first h1 and the scripts: asking for each
        // tag name (or a selector per key) walks the whole page each time.
        var (metaElements, firstH1, scripts) = Collect(document);
        var metas = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var el in metaElements)
        {
            var key = el.GetAttribute("property") ?? el.GetAttribute("name") ?? el.GetAttribute("itemprop");
            var content = el.GetAttribute("content")?.Trim();
            if (key is not null && !string.IsNullOrEmpty(content)) metas.TryAdd(key, content);
        }
        string? Meta(params string[] keys)
        {
            foreach (var key in keys)
                if (metas.TryGetValue(key, out var v)) return v;
            return null;
        }

        var title = Meta("og:title", "twitter:title") ?? firstH1?.TextContent.Trim() ?? document.Title?.Trim();
        if (string.IsNullOrWhiteSpace(title)) title = document.Title?.Trim();
        var lang = document.DocumentElement?.GetAttribute("lang") ?? Meta("og:locale", "language", "content-language");
        if (lang is not null) lang = lang.Split('-', '_')[0].Trim().ToLowerInvariant();
        var published = ParseDate(Meta("article:published_time", "datePublished", "pubdate", "publish-date", "date", "dc.date", "DC.date.issued"));
        string? articleBody = null;
        foreach (var script in scripts)
        {
            if (!string.Equals(script.GetAttribute("type"), "application/ld+json", StringComparison.OrdinalIgnoreCase)) continue;
            var found = JsonLd.FindArticle(script.TextContent);
            if (found.Body is not null) articleBody ??= found.Body;
            published ??= ParseDate(found.DatePublished);
        }
        return new PageMetadata(string.IsNullOrWhiteSpace(title) ? null : TextCleaner.NormaliseWhitespace(title!), string.IsNullOrEmpty(lang) ? null : lang,
            published, Meta("og:site_name", "application-name"), articleBody);
    }

    /// <summary>The page's meta and script elements and its first h1, in document order.</summary>
    private static (List<IElement> Metas, IElement? FirstH1, List<IElement> Scripts) Collect(IHtmlDocument document)
    {
        var metas = new List<IElement>();
        var scripts = new List<IElement>();
        IElement? h1 = null;
        var pending = new Stack<IElement>();
        if (document.DocumentElement is { } root) pending.Push(root);
        while (pending.Count > 0)
        {
            var el = pending.Pop();
            switch (el.LocalName)
            {
                case "meta": metas.Add(el); break;
                case "script": scripts.Add(el); break;
                case "h1": h1 ??= el; break;
            }
            // Children go on the stack last first, so that they come off it in document order.
            for (var child = el.LastElementChild; child is not null; child = child.PreviousElementSibling) pending.Push(child);
        }
        return (metas, h1, scripts);
    }

    private static LocalDate? ParseDate(string? value)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Length < 10) return null;
        var result = LocalDatePattern.Iso.Parse(value[..10]);
        return result.Success ? result.Value : null;
    }
}

/// <summary>Reads schema.org Article objects from JSON-LD, including @graph arrays.</summary>
internal static partial class JsonLd
{
    public static (string? Body, string? DatePublished) FindArticle(string json)
    {
        try
        {
            using var doc = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            return Search(doc.RootElement, 0);
        }
        catch (JsonException)
        {
            // Publishers often ship JSON-LD with comments or stray braces; the article body is
            // still one well-formed JSON string inside it.
            var m = ArticleBodyString().Match(json);
            if (!m.Success) return (null, null);
            try { return (CleanBody(JsonSerializer.Deserialize<string>(m.Groups[1].Value)), null); }
            catch (JsonException) { return (null, null); }
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"""articleBody""\s*:\s*(""(?:[^""\\]|\\.)*"")")]
    private static partial System.Text.RegularExpressions.Regex ArticleBodyString();

    private static (string?, string?) Search(JsonElement e, int depth)
    {
        if (depth > 6) return (null, null);
        if (e.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in e.EnumerateArray())
            {
                var r = Search(item, depth + 1);
                if (r.Item1 is not null || r.Item2 is not null) return r;
            }
            return (null, null);
        }
        if (e.ValueKind != JsonValueKind.Object) return (null, null);
        string? body = null, date = null;
        if (e.TryGetProperty("articleBody", out var b) && b.ValueKind == JsonValueKind.String) body = CleanBody(b.GetString());
        if (e.TryGetProperty("datePublished", out var d) && d.ValueKind == JsonValueKind.String) date = d.GetString();
        if (body is not null || date is not null) return (body, date);
        if (e.TryGetProperty("@graph", out var g)) return Search(g, depth + 1);
        if (e.TryGetProperty("mainEntity", out var m)) return Search(m, depth + 1);
        return (null, null);
    }

    private static string? CleanBody(string? body)
    {
        if (string.IsNullOrWhiteSpace(body)) return null;
        // Some publishers put HTML in the JSON string; reduce it to text.
        if (body.Contains('<') && body.Contains('>'))
        {
            var fragment = new HtmlParser().ParseDocument("<body>" + body + "</body>");
            body = BlockText.Render(fragment.Body!);
        }
        var lines = body.Split('\n').Select(TextCleaner.NormaliseWhitespace).Where(l => l.Length > 0);
        var text = string.Join("\n", lines);
        return text.Length >= 200 ? text : null;
    }
}
