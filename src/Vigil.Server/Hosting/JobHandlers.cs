using System.Text.Json;
using Vigil.Storage;
using Vigil.Storage.Jobs;

namespace Vigil.Server.Hosting;

/// <summary>
/// What a worker does for each job kind: ingest (read inputs, store new documents), analyze
/// (re-run the pipeline over every stored document and save the result) and delay.
/// Each handler opens its own store: a worker may run beside the server, in another process
/// or on another machine, sharing only the database.
/// </summary>
public static class JobHandlers
{
    public static IReadOnlyDictionary<string, JobHandler> Create(string db, CatalogHolder catalog, Action? changed = null, Action<string>? log = null) =>
        new Dictionary<string, JobHandler>(StringComparer.Ordinal)
        {
            [JobKinds.Delay] = Delay,
        };

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

    internal static IStore OpenStore(string db)
    {
        var store = StoreFactory.Open(db);
        store.Migrate();
        return store;
    }
}
