using Vigil.Analysis;
using Vigil.Model;
using Vigil.Storage;
using Vigil.Storage.Jobs;
using Vigil.Storage.Reviews;

namespace Vigil.Server.Hosting;

/// <summary>
/// The server's view of the database: the store (serialised, since an embedded store holds one
/// connection), the job queue and the review log (both safe to call concurrently). The stored
/// analysis is cached briefly, since every page reads it and it changes only when a job finishes.
/// </summary>
public sealed class Backend(IStore store, IJobQueue jobs, IReviewLog reviews) : IDisposable
{
    // Restores what a stored analysis does not keep (assessments, timeline, graph), as `vigil analyze` shows them.
    private readonly Analyzer _analyzer = Analyzer.WithDefaultProvisions();
    private static readonly TimeSpan AnalysisTtl = TimeSpan.FromSeconds(3);
    private readonly Lock _gate = new();
    private (AnalysisResult Analysis, DateTime At)? _cached;

    public IJobQueue Jobs { get; } = jobs;

    public IReviewLog Reviews { get; } = reviews;

    public T Read<T>(Func<IStore, T> read)
    {
        lock (_gate) return read(store);
    }

    public AnalysisResult Analysis()
    {
        lock (_gate)
        {
            if (_cached is { } c && DateTime.UtcNow - c.At < AnalysisTtl) return c.Analysis;
            var a = _analyzer.Complete(store.LoadAnalysis());
            _cached = (a, DateTime.UtcNow);
            return a;
        }
    }

    public void Invalidate()
    {
        lock (_gate) _cached = null;
    }

    public void Dispose()
    {
        store.Dispose();
        Jobs.Dispose();
        Reviews.Dispose();
    }
}
