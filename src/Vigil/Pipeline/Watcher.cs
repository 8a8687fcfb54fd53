using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using NodaTime.Text;
using Vigil.Ingest;
using Vigil.Model;
using Vigil.Storage;

namespace Vigil.Pipeline;

/// <summary>Something a monitoring desk should look at: a new sanctions hit, or a new claim about a watched entity.</summary>
public sealed record Alert(
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("key")] string Key,
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("entity")] string? Entity,
    [property: JsonPropertyName("doc")] string? DocumentId,
    [property: JsonPropertyName("time")] string Time);

/// <summary>Where alerts go: the console, a JSON-lines file, a webhook.</summary>
public interface IAlertSink
{
    void Send(Alert alert);
}

public sealed class ConsoleAlertSink(TextWriter output) : IAlertSink
{
    public void Send(Alert alert) => output.WriteLine($"ALERT {alert.Kind}: {alert.Message}");
}

/// <summary>Appends one JSON object per alert, flushed at once so another process can tail it.</summary>
public sealed class JsonLinesAlertSink(string path) : IAlertSink
{
    public void Send(Alert alert) => File.AppendAllText(path, JsonSerializer.Serialize(alert) + "\n");
}

/// <summary>POSTs each alert as JSON. A failing webhook is reported, never fatal.</summary>
public sealed class WebhookAlertSink(string url, TextWriter log, HttpClient? client = null) : IAlertSink
{
    private readonly HttpClient client = client ?? new HttpClient { Timeout = TimeSpan.FromSeconds(10) };

    public void Send(Alert alert)
    {
        try
        {
            using var response = client.PostAsJsonAsync(url, alert).GetAwaiter().GetResult();
            if (!response.IsSuccessStatusCode) log.WriteLine($"warning: webhook {url} answered HTTP {(int)response.StatusCode} for alert {alert.Key}");
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            log.WriteLine($"warning: webhook {url} could not be reached ({e.Message}); the alert is in the console and the JSON-lines file");
        }
    }
}

/// <summary>What one polling cycle did.</summary>
public sealed record WatchCycle(int Discovered, int Ingested, int Failed, int Alerts);

/// <summary>
/// `vigil watch`: polls folders and feeds, queues what is new in the database, ingests the queue
/// (a failure is recorded with its reason and retried later), re-runs the analysis when documents
/// arrived, and raises each alert once: the alerts already sent are recorded beside the queue.
/// </summary>
public sealed class Watcher
{
    private readonly Workbench workbench;
    private readonly IngestQueue queue;
    private readonly Ingestor ingestor;
    private readonly IWebSource web;
    private readonly IReadOnlyList<string> sources;
    private readonly IReadOnlyList<string> watched;
    private readonly IReadOnlyList<IAlertSink> sinks;
    private readonly TextWriter log;
    private readonly IProgress<IngestProgress>? progress;

    public Watcher(Workbench workbench, IReadOnlyList<string> sources, IReadOnlyList<string> watchedEntities, IReadOnlyList<IAlertSink> sinks,
        TextWriter log, IWebSource? web = null, IProgress<IngestProgress>? progress = null)
    {
        this.workbench = workbench;
        queue = IngestQueue.For(workbench.Store);
        this.web = web ?? new WebFetcher();
        ingestor = new Ingestor(new IngestOptions { Web = this.web });
        // Copies of documents stored before this start are linked by the analysis each cycle runs
        // (AnalyzeWorkflow.AnalyzeStored), so the stored texts are not read into the ingestor here.
        this.sources = sources;
        watched = watchedEntities;
        this.sinks = sinks;
        this.log = log;
        this.progress = progress;
    }

    public IngestQueue Queue => queue;

    /// <summary>Polls until cancelled, one cycle per interval.</summary>
    public void Run(TimeSpan interval, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            var cycle = RunOnce(cancellationToken);
            log.WriteLine($"{DateTime.UtcNow:HH:mm:ss} watch: {cycle.Discovered} new item(s), {cycle.Ingested} document(s) stored, {cycle.Failed} failed, {cycle.Alerts} alert(s)");
            try { Task.Delay(interval, cancellationToken).Wait(cancellationToken); }
            catch (OperationCanceledException) { return; }
        }
    }

    public WatchCycle RunOnce(CancellationToken cancellationToken = default)
    {
        var discovered = sources.Sum(s => Discover(s, cancellationToken));
        var (stored, failed) = Drain(cancellationToken);
        var alerts = stored > 0 || queue.AlertsSent() == 0 ? Alert() : 0;
        return new WatchCycle(discovered, stored, failed, alerts);
    }

    private int Discover(string source, CancellationToken cancellationToken)
    {
        if (ContentReader.IsUrl(source))
        {
            var response = web.Fetch(source, cancellationToken);
            if (response.Body is null)
            {
                log.WriteLine($"warning: {source}: {response.Problem}");
                return 0;
            }
            return ContentReader.Sniff(response.Body, response.ContentType) == ContentKind.Feed
                ? EnqueueFeed(response.Body, source)
                : queue.Enqueue("url:" + source, source, source) ? 1 : 0;
        }
        if (Directory.Exists(source))
        {
            var n = 0;
            var files = Directory.EnumerateFiles(source, "*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.Hidden | FileAttributes.System })
                .Where(f => Ingestor.FolderExtensions.Contains(Path.GetExtension(f)) && !Path.GetFileName(f).StartsWith('.'))
                .Order(StringComparer.Ordinal);
            foreach (var file in files) n += EnqueueFile(file, source);
            return n;
        }
        if (File.Exists(source))
        {
            var head = File.ReadAllBytes(source);
            return ContentReader.Sniff(head, Path.GetExtension(source)) == ContentKind.Feed ? EnqueueFeed(head, source) : EnqueueFile(source, source);
        }
        log.WriteLine($"warning: {source}: not found (no file, folder or URL of that name); it is polled again next cycle");
        return 0;
    }

    // A changed file (new size or time) is a new item; the content hash then decides whether it is a new document.
    private int EnqueueFile(string file, string origin)
    {
        var info = new FileInfo(file);
        var key = string.Create(CultureInfo.InvariantCulture, $"file:{info.FullName}|{info.Length}|{info.LastWriteTimeUtc.Ticks}");
        return queue.Enqueue(key, info.FullName, origin) ? 1 : 0;
    }

    private int EnqueueFeed(byte[] bytes, string origin)
    {
        var feed = FeedSource.Parse(bytes, origin);
        if (feed.Problem is not null)
        {
            log.WriteLine($"warning: {origin}: {feed.Problem}");
            return 0;
        }
        var n = 0;
        foreach (var item in feed.Items.Where(i => i.Link is not null))
            if (queue.Enqueue("feed:" + item.Key, item.Link!, origin, MetadataJson.Write(item.Metadata))) n++;
        return n;
    }

    private (int Stored, int Failed) Drain(CancellationToken cancellationToken)
    {
        var due = queue.Due();
        int stored = 0, failed = 0, done = 0;
        foreach (var item in due)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var batch = item.Metadata is null
                ? ingestor.Ingest([item.Source], cancellationToken)
                : ingestor.Ingest(item.Source, MetadataJson.Read(item.Metadata), cancellationToken);
            // Store first, then mark done: a crash in between only repeats an idempotent insert.
            foreach (var document in batch.Documents)
                if (workbench.Store.AddDocument(document)) stored++;
            if (batch.Documents.Count > 0) queue.MarkDone(item.Key, batch.Documents[0].Id);
            else
            {
                failed++;
                queue.MarkFailed(item.Key, string.Join(" ", batch.Problems.Select(p => p.Message)));
            }
            progress?.Report(new IngestProgress(++done, due.Count, item.Source));
        }
        return (stored, failed);
    }

    private int Alert()
    {
        var analysis = workbench.Workflow.AnalyzeStored();
        var sent = 0;
        var now = DateTime.UtcNow.ToString("O");
        foreach (var entity in analysis.Entities)
        {
            foreach (var hit in entity.Sanctions.Where(h => h.IsMatch))
            {
                var key = $"hit:{entity.Name}|{hit.List}|{hit.ListId}";
                var doc = entity.Mentions.FirstOrDefault()?.Span.DocumentId;
                var message = string.Create(CultureInfo.InvariantCulture,
                    $"{entity.Name} matches {hit.Name} on {hit.List} ({hit.ListId}, score {hit.Score:0.00}): {hit.Explanation}");
                sent += Raise(new Alert("sanctions_hit", key, message, entity.Name, doc, now));
            }
        }
        if (watched.Count > 0)
        {
            var names = WatchedNames(analysis);
            foreach (var claim in analysis.Claims)
            {
                var touched = claim.Actors.FirstOrDefault(a => names.Contains(a));
                if (touched is null) continue;
                var message = $"new {claim.Type} claim about {touched} ({string.Join(", ", claim.Actors)}): \"{claim.EvidenceText}\"";
                sent += Raise(new Alert("claim", "claim:" + claim.Id, message, touched, claim.DocumentId, now));
            }
        }
        return sent;
    }

    /// <summary>Watched names, with the aliases of the entities they name, case-insensitively.</summary>
    private HashSet<string> WatchedNames(AnalysisResult analysis)
    {
        var names = new HashSet<string>(watched, StringComparer.OrdinalIgnoreCase);
        foreach (var e in analysis.Entities)
            if (names.Contains(e.Name) || e.Aliases.Any(names.Contains))
            {
                names.Add(e.Name);
                foreach (var a in e.Aliases) names.Add(a);
            }
        return names;
    }

    private int Raise(Alert alert)
    {
        if (!queue.MarkAlertSent(alert.Key, alert.Kind, JsonSerializer.Serialize(alert))) return 0;
        foreach (var sink in sinks) sink.Send(alert);
        return 1;
    }

    /// <summary>
    /// Expands a source list: a .txt or .list file whose lines are all URLs or existing paths
    /// (blank lines and # comments allowed) stands for those sources, like `vigil watch feeds.txt`.
    /// </summary>
    public static IReadOnlyList<string> ExpandSources(IEnumerable<string> arguments)
    {
        var result = new List<string>();
        foreach (var arg in arguments)
        {
            if (File.Exists(arg) && Path.GetExtension(arg) is ".txt" or ".list")
            {
                var lines = File.ReadAllLines(arg).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
                var folder = Path.GetDirectoryName(Path.GetFullPath(arg))!;
                string Resolve(string l) => ContentReader.IsUrl(l) ? l : Path.GetFullPath(Path.Combine(folder, l));
                if (lines.Count > 0 && lines.All(l => ContentReader.IsUrl(l) || Path.Exists(Resolve(l))))
                {
                    result.AddRange(lines.Select(Resolve));
                    continue;
                }
            }
            result.Add(arg);
        }
        return result;
    }
}

/// <summary>Feed-item metadata kept with a queued item, so it survives a restart.</summary>
internal static class MetadataJson
{
    private sealed record Shape(string? Url, string? Title, string? Outlet, string? Published, string? Lang);

    public static string Write(SourceMetadata m) =>
        JsonSerializer.Serialize(new Shape(m.Url, m.Title, m.Outlet, m.Published is { } p ? LocalDatePattern.Iso.Format(p) : null, m.Lang));

    public static SourceMetadata Read(string? json)
    {
        if (string.IsNullOrEmpty(json)) return new SourceMetadata();
        var s = JsonSerializer.Deserialize<Shape>(json)!;
        LocalDate? published = s.Published is null ? null : LocalDatePattern.Iso.Parse(s.Published) is { Success: true } r ? r.Value : null;
        return new SourceMetadata(s.Url, s.Title, s.Outlet, published, s.Lang);
    }
}
