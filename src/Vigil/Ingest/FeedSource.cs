using CodeHollow.FeedReader;
using NodaTime;

namespace Vigil.Ingest;

/// <summary>One entry of an RSS or Atom feed: where the article is, and what the feed says about it.</summary>
public sealed record FeedEntry(string? Link, string? Title, string? Content, SourceMetadata Metadata)
{
    /// <summary>A stable key for "have we seen this item": the link, else the title and date.</summary>
    public string Key => Link ?? $"{Title}|{Metadata.Published}";
}

/// <summary>RSS 0.9x/1.0/2.0 and Atom feeds, read with CodeHollow.FeedReader.</summary>
public static class FeedSource
{
    public sealed record Result(string? Title, IReadOnlyList<FeedEntry> Items, string? Problem);

    public static Result Parse(byte[] bytes, string source)
    {
        Feed feed;
        try
        {
            feed = FeedReader.ReadFromByteArray(bytes);
        }
        catch (Exception e) when (e is System.Xml.XmlException or FormatException or InvalidOperationException or ArgumentException or NullReferenceException or CodeHollow.FeedReader.Parser.FeedTypeNotSupportedException)
        {
            return new(null, [], $"is not a readable RSS or Atom feed ({e.Message}). Check the address points to the feed itself.");
        }
        var outlet = string.IsNullOrWhiteSpace(feed.Title) ? null : feed.Title.Trim();
        var baseUri = Uri.TryCreate(feed.Link ?? source, UriKind.Absolute, out var b) ? b : null;
        var items = new List<FeedEntry>();
        foreach (var item in feed.Items)
        {
            var link = string.IsNullOrWhiteSpace(item.Link) ? null : item.Link.Trim();
            if (link is not null && !Uri.TryCreate(link, UriKind.Absolute, out _) && baseUri is not null && Uri.TryCreate(baseUri, link, out var abs)) link = abs.ToString();
            LocalDate? published = item.PublishingDate is { } d ? LocalDate.FromDateTime(d.ToUniversalTime()) : null;
            var content = string.IsNullOrWhiteSpace(item.Content) ? item.Description : item.Content;
            var title = string.IsNullOrWhiteSpace(item.Title) ? null : item.Title.Trim();
            items.Add(new FeedEntry(link, title, content, new SourceMetadata(Url: link, Title: title, Outlet: outlet, Published: published)));
        }
        return new(outlet, items, null);
    }
}
