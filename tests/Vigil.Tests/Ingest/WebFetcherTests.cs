using System.Net;
using Vigil.Ingest;

namespace Vigil.Tests.Ingest;

public class WebFetcherTests
{
    // Short backoffs keep the retry tests fast; the timeout stays generous (a loaded machine can be slow to answer even
    // on loopback) except in the test of the timeout itself.
    private static readonly WebFetcherOptions Quick = new()
    {
        Timeout = TimeSpan.FromSeconds(10),
        MaxAttempts = 2,
        FirstBackoff = TimeSpan.FromMilliseconds(20),
    };

    private static string Article(string body) => $"<html><head><title>T</title></head><body><article><p>{body}</p></article></body></html>";

    [Fact]
    public void A_redirect_loop_stops_with_a_message_and_no_retries()
    {
        using var server = new LocalServer(ctx =>
        {
            ctx.Response.StatusCode = 302;
            ctx.Response.RedirectLocation = ctx.Request.Url!.AbsolutePath == "/a" ? "/b" : "/a";
            return Task.CompletedTask;
        });
        using var fetcher = new WebFetcher(Quick);

        var response = fetcher.Fetch(server.Url("a"));

        Assert.Null(response.Body);
        Assert.Contains("loop", response.Problem, StringComparison.Ordinal);
        Assert.Equal(2, server.Requests);
    }

    [Fact]
    public void A_long_redirect_chain_is_cut_off()
    {
        using var server = new LocalServer(ctx =>
        {
            var n = int.Parse(ctx.Request.Url!.AbsolutePath.Trim('/'), System.Globalization.CultureInfo.InvariantCulture);
            ctx.Response.StatusCode = 301;
            ctx.Response.RedirectLocation = $"/{n + 1}";
            return Task.CompletedTask;
        });
        using var fetcher = new WebFetcher(Quick with { MaxRedirects = 3 });

        var response = fetcher.Fetch(server.Url("0"));

        Assert.Contains("more than 3 times", response.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_server_that_never_answers_times_out_after_the_retries()
    {
        using var server = new LocalServer(_ => Task.Delay(Timeout.Infinite));
        using var fetcher = new WebFetcher(Quick with { Timeout = TimeSpan.FromMilliseconds(700) });

        var response = fetcher.Fetch(server.Url("slow"));

        Assert.Null(response.Body);
        Assert.Contains("did not answer within", response.Problem, StringComparison.Ordinal);
        Assert.Contains("gave up after 2 attempts", response.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Server_errors_are_retried_until_the_page_comes()
    {
        var calls = 0;
        using var server = new LocalServer(ctx =>
            Interlocked.Increment(ref calls) < 3
                ? LocalServer.Send(ctx, "busy", "text/plain", 503)
                : LocalServer.Send(ctx, Article("Third time lucky: the page arrived after two server errors, as retries with backoff should allow.")));
        using var fetcher = new WebFetcher(Quick with { MaxAttempts = 3 });

        var response = fetcher.Fetch(server.Url("flaky"));

        Assert.Null(response.Problem);
        Assert.Equal(3, server.Requests);
    }

    [Fact]
    public void A_missing_page_is_not_retried()
    {
        using var server = new LocalServer(ctx => LocalServer.Send(ctx, "no", "text/plain", 404));
        using var fetcher = new WebFetcher(Quick);

        var response = fetcher.Fetch(server.Url("gone"));

        Assert.Contains("HTTP 404", response.Problem, StringComparison.Ordinal);
        Assert.Equal(1, server.Requests);
    }

    [Fact]
    public void Oversized_bodies_are_refused_and_the_user_agent_says_vigil()
    {
        string? agent = null;
        using var server = new LocalServer(ctx =>
        {
            agent = ctx.Request.UserAgent;
            return LocalServer.Send(ctx, new byte[300_000], "application/octet-stream");
        });
        using var fetcher = new WebFetcher(Quick with { MaxBytes = 100_000 });

        var response = fetcher.Fetch(server.Url("big"));

        Assert.Contains("download limit", response.Problem, StringComparison.Ordinal);
        Assert.StartsWith("Vigil/", agent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("text/html; charset=windows-1251", false)]
    [InlineData("text/html", true)]
    [InlineData("text/html", false)]
    public void A_windows_1251_page_is_read_from_the_header_the_meta_tag_or_detection(string contentType, bool meta)
    {
        const string russian = "Россия и КНДР подписали договор о всеобъемлющем стратегическом партнёрстве. Документ предусматривает взаимную военную помощь в случае агрессии против одной из сторон.";
        var html = $"<html><head>{(meta ? "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\">" : "")}<title>Договор</title></head><body><article><p>{russian}</p></article></body></html>";
        var bytes = TextDecoder.Windows1251.GetBytes(html);
        using var server = new LocalServer(ctx => LocalServer.Send(ctx, bytes, contentType));
        using var fetcher = new WebFetcher(Quick);

        var batch = new Ingestor(new IngestOptions { Web = fetcher }).Ingest([server.Url("ru.html")]);

        var doc = Assert.Single(batch.Documents);
        Assert.Equal(russian, doc.Text);
        Assert.Equal("ru", doc.Lang);
        Assert.Equal(server.Url("ru.html"), doc.Url);
    }

    [Fact]
    public void A_feed_url_brings_in_its_items_with_the_feeds_dates_and_titles()
    {
        string? baseUrl = null;
        using var server = new LocalServer(ctx =>
        {
            var path = ctx.Request.Url!.AbsolutePath;
            if (path == "/feed.xml")
            {
                var rss = $"""
                    <?xml version="1.0" encoding="utf-8"?>
                    <rss version="2.0"><channel><title>Desk Wire</title><link>{baseUrl}</link>
                    <item><title>First report</title><link>{baseUrl}one</link><pubDate>Wed, 19 Jun 2024 08:00:00 GMT</pubDate></item>
                    <item><title>Second report</title><link>{baseUrl}two</link><pubDate>Thu, 20 Jun 2024 08:00:00 GMT</pubDate></item>
                    </channel></rss>
                    """;
                return LocalServer.Send(ctx, rss, "application/rss+xml");
            }
            return LocalServer.Send(ctx, Article($"The {path.Trim('/')} report says the ship unloaded its cargo at the port after dark, according to officials who spoke on condition of anonymity."));
        });
        baseUrl = server.BaseUrl;
        using var fetcher = new WebFetcher(Quick);

        var batch = new Ingestor(new IngestOptions { Web = fetcher }).Ingest([server.Url("feed.xml")]);

        Assert.Empty(batch.Problems);
        Assert.Equal(2, batch.Documents.Count);
        Assert.Equal("First report", batch.Documents[0].Title);
        Assert.Equal(new NodaTime.LocalDate(2024, 6, 19), batch.Documents[0].Published);
        Assert.Equal("Desk Wire", batch.Documents[0].Outlet);
        Assert.StartsWith("The two report", batch.Documents[1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unreachable_url_is_a_problem_not_a_crash()
    {
        int port;
        using (var probe = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0)) { probe.Start(); port = ((IPEndPoint)probe.LocalEndpoint).Port; probe.Stop(); }
        using var fetcher = new WebFetcher(Quick);

        var batch = new Ingestor(new IngestOptions { Web = fetcher }).Ingest([$"http://127.0.0.1:{port}/x"]);

        Assert.Empty(batch.Documents);
        Assert.Contains("could not be reached", Assert.Single(batch.Problems).Message, StringComparison.Ordinal);
    }
}
