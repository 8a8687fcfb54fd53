using System.Diagnostics;
using Vigil.Evaluation;
using Vigil.Model;
using Vigil.Screening;
using Vigil.Screening.Baseline;

namespace Vigil.Bench;

/// <summary>
/// `screening`: with every list in ../shared loaded, single-thread queries per second and p50/p99
/// latency for Vigil's screener beside the token-sort Jaro–Winkler baseline, on the same queries
/// (UN positives, synthetic negatives and Putin spellings); list load time and memory.
/// </summary>
public sealed class ScreeningBench : IBench
{
    public string Name => "screening";

    public string Description => "Screening queries/s/core and p50/p99 latency vs token-sort Jaro-Winkler; list load time and memory.";

    public int Run(string[] args)
    {
        var shared = SharedData.FindRoot();
        var queryCount = args.Length > 0 && int.TryParse(args[0], out var n) ? n : 5000;
        var before = BenchTable.ManagedMegabytes();
        var (loadTime, loaded) = BenchTable.Time(() => ListLoader.Load(Path.Combine(shared, "data", "sanctions")));
        var (indexTime, screener) = BenchTable.Time(() => new Screener(loaded.Entries));
        var vigilMemory = BenchTable.ManagedMegabytes() - before;
        var (baseIndexTime, baseline) = BenchTable.Time(() => new TokenSortJaroWinkler(loaded.Entries));

        var queries = ScreeningEvalData.People(shared, "positives_un_treated.csv").Select(p => new ScreeningQuery(p.FullName, EntitySchema.Person, p.BirthDate, p.Nationality))
            .Concat(ScreeningEvalData.People(shared, "negatives_global.csv").Take(queryCount).Select(p => new ScreeningQuery(p.FullName, EntitySchema.Person, p.BirthDate, p.Nationality)))
            .Concat(ScreeningEvalData.PutinNames(shared).Select(s => new ScreeningQuery(s, EntitySchema.Person)))
            .ToList();
        // Warm up both (JIT, ICU, lazily loaded tables) on a slice of the queries.
        foreach (var q in queries.Take(200)) { screener.Screen(q); baseline.Search(q.Name); }

        var vigil = Measure(queries, q => screener.Screen(q).Count);
        var plain = Measure(queries, q => baseline.Search(q.Name).Count);
        // The machine is shared: CPU time of the measuring thread is the figure per core; wall time is shown beside it.
        BenchTable.Print($"Screening, {queries.Count} queries, one thread, {loaded.Entries.Count} list entries ({string.Join(", ", loaded.Lists.Select(l => $"{l.List} {l.Count}"))})",
            ["system", "queries/s/core (CPU)", "p50 ms (CPU)", "p99 ms (CPU)", "queries/s (wall)", "p50 ms (wall)", "p99 ms (wall)", "index build"],
            [
                ["Vigil screener", vigil.PerCpuSecond, vigil.CpuP50, vigil.CpuP99, vigil.PerSecond, vigil.P50, vigil.P99, indexTime],
                ["token-sort Jaro-Winkler", plain.PerCpuSecond, plain.CpuP50, plain.CpuP99, plain.PerSecond, plain.P50, plain.P99, baseIndexTime],
                ["ratio Vigil / baseline", vigil.PerCpuSecond / plain.PerCpuSecond, vigil.CpuP50 / plain.CpuP50, vigil.CpuP99 / plain.CpuP99,
                    vigil.PerSecond / plain.PerSecond, vigil.P50 / plain.P50, vigil.P99 / plain.P99, indexTime / baseIndexTime],
            ]);
        BenchTable.Print("List loading", ["step", "time", "managed MB"],
        [
            ["parse all list files", loadTime, ""],
            ["build screening index", indexTime, ""],
            ["total (lists + index)", loadTime + indexTime, vigilMemory],
            ["peak working set (process)", "", BenchTable.PeakWorkingSetMegabytes()],
        ]);
        return 0;
    }

    private sealed record Timing(double PerSecond, double P50, double P99, double PerCpuSecond, double CpuP50, double CpuP99);

    private static Timing Measure(IReadOnlyList<ScreeningQuery> queries, Func<ScreeningQuery, int> run)
    {
        var latencies = new double[queries.Count];
        var cpuLatencies = new double[queries.Count];
        var total = Stopwatch.StartNew();
        var cpuStart = ThreadCpu.Milliseconds();
        var sw = new Stopwatch();
        for (var i = 0; i < queries.Count; i++)
        {
            var cpu = ThreadCpu.Milliseconds();
            sw.Restart();
            run(queries[i]);
            latencies[i] = sw.Elapsed.TotalMilliseconds;
            cpuLatencies[i] = ThreadCpu.Milliseconds() - cpu;
        }
        var elapsed = total.Elapsed.TotalSeconds;
        var cpuSeconds = (ThreadCpu.Milliseconds() - cpuStart) / 1000.0;
        Array.Sort(latencies);
        Array.Sort(cpuLatencies);
        return new Timing(queries.Count / elapsed, BenchTable.Percentile(latencies, 0.50), BenchTable.Percentile(latencies, 0.99),
            queries.Count / cpuSeconds, BenchTable.Percentile(cpuLatencies, 0.50), BenchTable.Percentile(cpuLatencies, 0.99));
    }
}
