using System.Text.Json;
using Vigil.Ingest;
using Vigil.Pipeline;
using Vigil.Storage;
using Vigil.Storage.Jobs;

namespace Vigil.Server.Hosting;

/// <summary>
/// What a worker does for each job kind: ingest (read the inputs, store new documents, then queue
/// an analysis), analyze (run the pipeline over every stored document and replace the stored
/// analysis) and delay. Each job opens its own store: a worker may run beside the server, in
/// another process or on another machine, sharing only the database.
/// </summary>
public static class JobHandlers
{
    public static IReadOnlyDictionary<string, JobHandler> Create(string db, string? listsDirectory, Action? changed = null, Action<string>? log = null)
    {
        // The workbench (lists, pipeline) is built once per worker, on the first analysis: loading lists is the slow part.
        var workbench = new Lazy<Workbench>(() => OpenWorkbench(db, listsDirectory, log), LazyThreadSafetyMode.ExecutionAndPublication);
        return new Dictionary<string, JobHandler>(StringComparer.Ordinal)
        {
            [JobKinds.Ingest] = (ctx, cancel) => Ingest(db, ctx, cancel, changed),
            [JobKinds.Analyze] = (ctx, cancel) => Analyze(workbench.Value, ctx, cancel, changed),
            [JobKinds.Delay] = Delay,
        };
    }

    /// <summary>Payload {"inputs": [...]}: files, folders, URLs or feeds. Queues an analysis when anything new was stored.</summary>
    public static string? Ingest(string db, JobContext context, CancellationToken cancel, Action? changed = null)
    {
        var inputs = ReadInputs(context.Payload);
        if (inputs.Count == 0) throw new InvalidDataException("The ingest job names no inputs: its payload needs {\"inputs\": [\"path or url\", ...]}.");
        using var web = new WebFetcher();
        var ingestor = new Ingestor(new IngestOptions { Web = web, Progress = new Reporter<IngestProgress>(p => context.Report($"read {p.Done}/{p.Known}: {p.Current}")) });
        var batch = ingestor.Ingest(inputs, cancel);
        cancel.ThrowIfCancellationRequested();
        AddedDocuments counts;
        using (var store = StoreFactory.Open(db))
        {
            store.Migrate();
            counts = store.AddDocuments(batch.Documents);
        }
        var (added, known) = counts;
        if (added > 0)
        {
            using var queue = StoreFactory.OpenJobs(db);
            queue.Enqueue(JobKinds.Analyze, "{}");
            changed?.Invoke();
        }
        var summary = $"{added} new document(s), {known} already stored, {batch.Problems.Count} problem(s)";
        if (batch.Problems.Count > 0) summary += ": " + string.Join("; ", batch.Problems.Take(5).Select(p => $"{p.Input}: {p.Message}"));
        if (batch.Documents.Count == 0 && batch.Problems.Count > 0) throw new InvalidDataException(summary);
        return summary + (added > 0 ? "; analysis queued" : "");
    }

    /// <summary>Re-analyses every stored document and replaces the stored analysis in one transaction.</summary>
    public static string? Analyze(Workbench workbench, JobContext context, CancellationToken cancel, Action? changed = null)
    {
        // One analysis at a time per worker: the workbench's store is one connection.
        lock (workbench)
        {
            var total = workbench.Store.Count().Documents;
            cancel.ThrowIfCancellationRequested();
            var result = workbench.Workflow.AnalyzeStored(new Reporter<int>(done => context.Report($"extracted {done}/{total} documents")), cancel);
            changed?.Invoke();
            return $"{result.Documents.Count} documents, {result.Entities.Count} entities, {result.Claims.Count} claims, {result.Stories.Count} stories";
        }
    }

    /// <summary>Waits the payload's "ms" (at most ten minutes), reporting progress as it goes.</summary>
    public static string? Delay(JobContext context, CancellationToken cancel)
    {
        using var payload = JsonDocument.Parse(context.Payload);
        var ms = payload.RootElement.TryGetProperty("ms", out var v) && v.TryGetInt32(out var n) ? Math.Clamp(n, 0, 600_000) : 100;
        var until = DateTime.UtcNow.AddMilliseconds(ms);
        while (DateTime.UtcNow < until)
        {
            cancel.ThrowIfCancellationRequested();
            context.Report($"{100 - (int)(100 * (until - DateTime.UtcNow).TotalMilliseconds / Math.Max(1, ms))}%");
            Thread.Sleep(Math.Min(50, Math.Max(1, (int)(until - DateTime.UtcNow).TotalMilliseconds)));
        }
        return $"waited {ms} ms";
    }

    private static List<string> ReadInputs(string payload)
    {
        using var doc = JsonDocument.Parse(payload);
        return doc.RootElement.TryGetProperty("inputs", out var inputs) && inputs.ValueKind == JsonValueKind.Array
            ? inputs.EnumerateArray().Where(i => i.ValueKind == JsonValueKind.String).Select(i => i.GetString()!).ToList()
            : [];
    }

    private static Workbench OpenWorkbench(string db, string? listsDirectory, Action<string>? log)
    {
        var workbench = Workbench.Open(new WorkbenchOptions(db, listsDirectory));
        foreach (var p in workbench.Lists.Problems) log?.Invoke($"list {p.File}: {p.Message}");
        log?.Invoke(workbench.ListsDirectory is null ? "no sanctions lists found: nothing is screened"
            : $"lists: {workbench.Lists.Entries.Count} entries from {workbench.ListsDirectory}");
        return workbench;
    }

    /// <summary>Reports synchronously on the calling thread (Progress&lt;T&gt; would post to the thread pool).</summary>
    private sealed class Reporter<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
