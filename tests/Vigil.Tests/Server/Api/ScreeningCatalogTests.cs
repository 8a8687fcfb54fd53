using Vigil.Model;
using Vigil.Screening;
using Vigil.Server.Api;

namespace Vigil.Tests.Server.Api;

public sealed class ScreeningCatalogTests
{
    private sealed class NoHits : IScreener
    {
        public IReadOnlyList<SanctionHit> Screen(ScreeningQuery query, int limit = 10, double minScore = 0.5) => [];
    }

    [Fact]
    public async Task Screening_runs_on_one_dedicated_thread_per_core_never_more_at_once()
    {
        using var catalog = new ScreeningCatalog([], new NoHits());
        var running = 0;
        var most = 0;
        var threads = new System.Collections.Concurrent.ConcurrentDictionary<string, bool>();
        var tasks = Enumerable.Range(0, 40).Select(_ => catalog.OnFreeCore(() =>
        {
            var now = Interlocked.Increment(ref running);
            InterlockedMax(ref most, now);
            threads[Thread.CurrentThread.Name ?? "(unnamed)"] = true;
            Thread.Sleep(2);
            Interlocked.Decrement(ref running);
            return 1;
        })).ToList();
        Assert.Equal(40, (await Task.WhenAll(tasks)).Sum());
        Assert.InRange(most, 1, Environment.ProcessorCount);
        Assert.All(threads.Keys, name => Assert.StartsWith("vigil-screening-", name, StringComparison.Ordinal));
        Assert.InRange(threads.Count, 1, Environment.ProcessorCount);
    }

    [Fact]
    public async Task A_failure_in_screening_reaches_the_request_and_the_threads_go_on()
    {
        using var catalog = new ScreeningCatalog([], new NoHits());
        await Assert.ThrowsAsync<InvalidOperationException>(() => catalog.OnFreeCore<int>(() => throw new InvalidOperationException("boom")));
        Assert.Equal(7, await catalog.OnFreeCore(() => 7));
    }

    [Fact]
    public async Task A_request_cancelled_before_its_turn_costs_no_screening()
    {
        using var catalog = new ScreeningCatalog([], new NoHits());
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        var ran = false;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => catalog.OnFreeCore(() => ran = true, cancelled.Token));
        Assert.False(ran);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while (value > (current = Volatile.Read(ref target)) && Interlocked.CompareExchange(ref target, value, current) != current) { }
    }
}
