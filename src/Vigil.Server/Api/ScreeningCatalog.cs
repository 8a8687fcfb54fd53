using System.Collections.Concurrent;
using System.Text;
using Vigil.Model;
using Vigil.Screening;

namespace Vigil.Server.Api;

/// <summary>
/// The loaded sanctions lists as the server sees them: every entry under a stable entity id,
/// grouped into datasets (one per list, plus <see cref="AllDatasets"/>), with the screener that
/// searches them. Built once at start-up; immutable afterwards, so requests share it freely.
/// </summary>
public sealed class ScreeningCatalog : IDisposable
{
    /// <summary>yente's name for "every loaded list".</summary>
    public const string AllDatasets = "default";

    private readonly IScreener _screener;
    private readonly Dictionary<string, ListEntry> _byId = new(StringComparer.Ordinal);
    private readonly Dictionary<(string List, string ListId), string> _idOf = new();

    public ScreeningCatalog(IReadOnlyList<ListEntry> entries, IScreener screener, IReadOnlyList<ListProblem>? problems = null)
    {
        _screener = screener;
        _workers = new Lazy<Thread[]>(StartWorkers, LazyThreadSafetyMode.ExecutionAndPublication);
        Entries = entries;
        Problems = problems ?? [];
        foreach (var e in entries)
        {
            var id = EntityIdOf(e.List, e.ListId);
            _byId.TryAdd(id, e);
            _idOf.TryAdd((e.List, e.ListId), id);
        }
        Datasets = entries.Select(e => e.List).Distinct(StringComparer.Ordinal)
            .ToDictionary(DatasetOf, l => l, StringComparer.Ordinal);
    }

    public IReadOnlyList<ListEntry> Entries { get; }

    public IReadOnlyList<ListProblem> Problems { get; }

    /// <summary>Dataset name → the list it stands for ("un_sc" → "UN-SC").</summary>
    public IReadOnlyDictionary<string, string> Datasets { get; }

    public static ScreeningCatalog Empty(IScreener screener, string why) => new([], screener, [new ListProblem("(none)", why)]);

    /// <summary>A list's dataset name in yente's style: lower case, underscores ("US-OFAC" → "us_ofac").</summary>
    public static string DatasetOf(string list) => Slug(list, '_');

    /// <summary>A stable, URL-safe id for a list entry: its dataset and the list's own reference.</summary>
    public static string EntityIdOf(string list, string listId) => DatasetOf(list) + "-" + Slug(listId, '-');

    public bool HasDataset(string dataset) => dataset == AllDatasets || Datasets.ContainsKey(dataset);

    public ListEntry? Find(string entityId) => _byId.GetValueOrDefault(entityId);

    public string? IdOf(SanctionHit hit) => _idOf.GetValueOrDefault((hit.List, hit.ListId));

    public ListEntry? EntryOf(SanctionHit hit) => EntryOf(hit.List, hit.ListId);

    public ListEntry? EntryOf(string list, string listId) => _idOf.GetValueOrDefault((list, listId)) is { } id ? Find(id) : null;

    /// <summary>The entry as the lists hold it now, as a fingerprint (null when it is not listed): what a review of a hit is tied to.</summary>
    public string? FingerprintOf(string list, string listId) => EntryOf(list, listId) is { } e ? EntryFingerprint.Of(e) : null;

    // Screening is CPU-bound and keeps per-thread scratch buffers the size of the index. It runs on
    // one dedicated thread per core: thread-pool threads come and go (each new one would allocate its
    // own buffers on the large-object heap), and more screening threads than cores only evict each
    // other's buffers from cache. Requests wait for a turn asynchronously, holding no thread.
    private readonly BlockingCollection<Action> _work = new(new ConcurrentQueue<Action>());
    private readonly Lazy<Thread[]> _workers;

    private Thread[] StartWorkers() => Enumerable.Range(0, Math.Max(1, Environment.ProcessorCount)).Select(i =>
    {
        var thread = new Thread(() =>
        {
            foreach (var item in _work.GetConsumingEnumerable()) item();
        }) { IsBackground = true, Name = $"vigil-screening-{i}" };
        thread.Start();
        return thread;
    }).ToArray();

    /// <summary>Runs <paramref name="work"/> (screening calls) on a screening thread once one is free; the caller's continuation runs on the thread pool.</summary>
    public Task<T> OnFreeCore<T>(Func<T> work, CancellationToken cancel = default)
    {
        cancel.ThrowIfCancellationRequested();
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        _ = _workers.Value;
        _work.Add(() =>
        {
            // A client that has gone away while waiting costs no screening.
            if (cancel.IsCancellationRequested) { done.TrySetCanceled(cancel); return; }
            try { done.TrySetResult(work()); }
            catch (Exception e) { done.TrySetException(e); }
        }, cancel);
        return done.Task;
    }

    /// <summary>Lets the screening threads finish what is queued and end.</summary>
    public void Dispose()
    {
        _work.CompleteAdding();
        if (_workers.IsValueCreated)
            foreach (var t in _workers.Value) t.Join(TimeSpan.FromSeconds(5));
    }

    /// <summary>Hits for one query within one dataset, best first.</summary>
    public IReadOnlyList<SanctionHit> Screen(ScreeningQuery query, string dataset, int limit, double minScore)
    {
        if (dataset == AllDatasets) return _screener.Screen(query, limit, minScore);
        var list = Datasets[dataset];
        // The index spans every list: ask for more, then keep this list's hits.
        return _screener.Screen(query, Math.Max(limit * 4, 50), minScore)
            .Where(h => h.List == list).Take(limit).ToList();
    }

    private static string Slug(string text, char separator)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text.Trim().ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c)) sb.Append(c);
            else if (sb.Length > 0 && sb[^1] != separator) sb.Append(separator);
        }
        return sb.ToString().TrimEnd(separator);
    }
}
