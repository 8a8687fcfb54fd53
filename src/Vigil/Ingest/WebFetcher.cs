using System.Net;
using System.Net.Http.Headers;

namespace Vigil.Ingest;

/// <summary>Politeness and safety limits for downloads.</summary>
public sealed record WebFetcherOptions
{
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(20);
    public int MaxAttempts { get; init; } = 3;
    public TimeSpan FirstBackoff { get; init; } = TimeSpan.FromSeconds(1);
    public int MaxRedirects { get; init; } = 5;
    public long MaxBytes { get; init; } = 20L * 1024 * 1024;
    public string UserAgent { get; init; } = $"Vigil/{typeof(WebFetcher).Assembly.GetName().Version?.ToString(3) ?? "0"} (sanctions-monitoring workbench; open source)";
}

/// <summary>
/// Downloads pages and feeds over HttpClient: a per-request timeout, retries with exponential
/// backoff on network errors, timeouts, 429 and 5xx, redirects followed by hand so that loops and
/// long chains stop with a message, and a size cap enforced while reading.
/// </summary>
public sealed class WebFetcher : IWebSource, IDisposable
{
    private readonly WebFetcherOptions options;
    private readonly HttpClient client;

    public WebFetcher(WebFetcherOptions? options = null, HttpMessageHandler? handler = null)
    {
        this.options = options ?? new WebFetcherOptions();
        handler ??= new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.All,
            ConnectTimeout = this.options.Timeout,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        };
        client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        client.DefaultRequestHeaders.UserAgent.ParseAdd(this.options.UserAgent);
        client.DefaultRequestHeaders.Accept.ParseAdd("text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/pdf,text/plain;q=0.9,*/*;q=0.5");
    }

    public WebResponse Fetch(string url, CancellationToken cancellationToken = default) =>
        FetchAsync(url, cancellationToken).GetAwaiter().GetResult();

    public async Task<WebResponse> FetchAsync(string url, CancellationToken cancellationToken = default)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            return new(url, null, null, "is not an http(s) URL. Give a full address such as https://example.org/article.");
        string? lastError = null;
        for (var attempt = 1; attempt <= options.MaxAttempts; attempt++)
        {
            if (attempt > 1) await Task.Delay(options.FirstBackoff * Math.Pow(2, attempt - 2), cancellationToken);
            var (response, retry) = await TryOnce(uri, cancellationToken);
            if (!retry) return response;
            lastError = response.Problem;
        }
        return new(url, null, null, $"{lastError} (gave up after {options.MaxAttempts} attempts). Check the address and your connection, then try again later.");
    }

    private async Task<(WebResponse Response, bool Retry)> TryOnce(Uri start, CancellationToken cancellationToken)
    {
        var visited = new HashSet<string>(StringComparer.Ordinal);
        var uri = start;
        for (var hop = 0; ; hop++)
        {
            if (!visited.Add(uri.AbsoluteUri))
                return (new(start.AbsoluteUri, null, null, $"redirects in a loop (back to {uri}). The site is misconfigured; try the final article address directly."), false);
            if (hop > options.MaxRedirects)
                return (new(start.AbsoluteUri, null, null, $"redirected more than {options.MaxRedirects} times. Try the final article address directly."), false);

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(options.Timeout);
            HttpResponseMessage response;
            try
            {
                response = await client.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return (new(start.AbsoluteUri, null, null, $"did not answer within {options.Timeout.TotalSeconds:0} s"), true);
            }
            catch (HttpRequestException e)
            {
                return (new(start.AbsoluteUri, null, null, $"could not be reached ({e.Message})"), true);
            }
            using (response)
            {
                var status = (int)response.StatusCode;
                if (status is >= 300 and < 400 && response.Headers.Location is { } location)
                {
                    uri = location.IsAbsoluteUri ? location : new Uri(uri, location);
                    continue;
                }
                if (status == 429 || status >= 500)
                    return (new(start.AbsoluteUri, null, null, $"answered HTTP {status} {response.ReasonPhrase}"), true);
                if (status >= 400)
                    return (new(start.AbsoluteUri, null, null, $"answered HTTP {status} {response.ReasonPhrase}. Check the address (the page may have moved or need a login)."), false);
                if (response.Content.Headers.ContentLength > options.MaxBytes)
                    return (new(start.AbsoluteUri, null, null, TooLarge()), false);
                try
                {
                    var body = await ReadCapped(response.Content, timeout.Token);
                    if (body is null) return (new(start.AbsoluteUri, null, null, TooLarge()), false);
                    return (new(uri.AbsoluteUri, body, ContentTypeOf(response.Content.Headers), null), false);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    return (new(start.AbsoluteUri, null, null, $"did not finish sending within {options.Timeout.TotalSeconds:0} s"), true);
                }
                catch (Exception e) when (e is HttpRequestException or IOException)
                {
                    return (new(start.AbsoluteUri, null, null, $"broke off while sending ({e.Message})"), true);
                }
            }
        }
    }

    private string TooLarge() => $"is larger than the {options.MaxBytes / (1024 * 1024)} MB download limit. Save the part you need and ingest the file.";

    private static string? ContentTypeOf(HttpContentHeaders headers) => headers.ContentType?.ToString();

    private async Task<byte[]?> ReadCapped(HttpContent content, CancellationToken cancellationToken)
    {
        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int n;
        while ((n = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, n);
            if (buffer.Length > options.MaxBytes) return null;
        }
        return buffer.ToArray();
    }

    public void Dispose() => client.Dispose();
}
