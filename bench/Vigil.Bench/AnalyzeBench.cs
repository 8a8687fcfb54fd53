using System.Diagnostics;
using Vigil.Evaluation;
using Vigil.Ingest;
using Vigil.Model;
using Vigil.Pipeline;
using Vigil.Screening;
using Vigil.Storage;

namespace Vigil.Bench;

/// <summary>
/// Documents per second through `vigil analyze` (ingest, store, extraction, resolution, screening,
/// save) on the seed articles repeated to N distinct documents, with each stage's share; and the
/// time and memory it takes to load the lists.
/// </summary>
public sealed class AnalyzeBench : IBench
{
    public string Name => "analyze";
    public string Description => "documents/s through analyze on the seeds repeated to N (default 1000) distinct documents; list load time and memory";

    public int Run(string[] args)
    {
        var n = args.Length > 0 && int.TryParse(args[0], out var parsed) ? parsed : 1000;
        var listsDir = ListSources.ResolveDirectory(null) ?? throw new DirectoryNotFoundException("no sanctions lists found: set VIGIL_LISTS");

        var before = BenchTable.ManagedMegabytes();
        var (loadTime, lists) = BenchTable.Time(() => ListLoader.Load(listsDir));
        var listMemory = BenchTable.ManagedMegabytes() - before;

        var seeds = new Ingestor().Ingest([SharedData.Path("seeds")]).Documents;
        var temp = Directory.CreateTempSubdirectory("vigil-bench-");
        var sources = Enumerable.Range(0, n).Select(i =>
        {
            var seed = seeds[i % seeds.Count];
            var path = Path.Combine(temp.FullName, $"{i:D5}.txt");
            // Distinct content, so content hashing does not collapse the copies.
            File.WriteAllText(path, seed.Text + $"\n\nCopia {i}: aggiornamento numero {i} della redazione.\n");
            return path;
        }).ToList();

        try
        {
            using var workbench = Workbench.Open(new WorkbenchOptions(Path.Combine(temp.FullName, "bench.db"), listsDir));
            var total = Stopwatch.StartNew();
            var (ingestTime, batch) = BenchTable.Time(() => new Ingestor().Ingest(sources));
            var (storeTime, _) = BenchTable.Time(() => workbench.Workflow.Store(batch));
            var (analyzeTime, result) = BenchTable.Time(() => workbench.Workflow.AnalyzeStored());
            total.Stop();

            double PerSecond(TimeSpan t) => n / t.TotalSeconds;
            BenchTable.Print($"analyze: {n} documents ({Environment.ProcessorCount} cores), {result.Entities.Count} entities, {result.Claims.Count} claims",
                ["stage", "time", "documents/s", "documents/s/core"],
                [
                    ["ingest (read, decode, clean, language)", ingestTime, PerSecond(ingestTime), PerSecond(ingestTime) / Environment.ProcessorCount],
                    ["store documents", storeTime, PerSecond(storeTime), PerSecond(storeTime) / Environment.ProcessorCount],
                    ["analyse + save (extract, resolve, screen)", analyzeTime, PerSecond(analyzeTime), PerSecond(analyzeTime) / Environment.ProcessorCount],
                    ["whole analyze", total.Elapsed, PerSecond(total.Elapsed), PerSecond(total.Elapsed) / Environment.ProcessorCount],
                ]);
            BenchTable.Print("lists", ["what", "value"],
                [
                    ["entries", lists.Entries.Count],
                    ["list files", lists.Lists.Count],
                    ["load time", loadTime],
                    ["managed memory after load (MB)", listMemory],
                    ["peak working set of this run (MB)", BenchTable.PeakWorkingSetMegabytes()],
                ]);
        }
        finally
        {
            temp.Delete(recursive: true);
        }
        return 0;
    }
}
