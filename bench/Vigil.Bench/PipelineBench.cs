using System.Diagnostics;
using Vigil.Evaluation;
using Vigil.Ingest;
using Vigil.Pipeline;
using Vigil.Reporting;
using Vigil.Screening;

namespace Vigil.Bench;

/// <summary>
/// Articles per second per core through the whole pipeline, HTML in and report out: the
/// benchmark's 181 web pages repeated to N distinct pages (default 10,000), ingested (decode,
/// boilerplate removal, cleaning, language, near-duplicates), stored, analysed (extraction,
/// resolution, screening against the lists), and written as a JSON report. "Per core" divides by
/// the process's CPU time, so it does not depend on how many cores the machine lends the run.
/// </summary>
public sealed class PipelineBench : IBench
{
    public string Name => "pipeline";
    public string Description => "articles/s/core HTML in -> report out on the benchmark pages repeated to N (default 10000) documents, memory, and ingest's CPU per step (args: N [steps: the ingest step table only] [analysis: also analysis steps])";

    public int Run(string[] args)
    {
        var n = args.Length > 0 && int.TryParse(args[0], out var parsed) ? parsed : 10_000;
        var bench = ArticleBenchmark.Load(SharedData.FindRoot());
        var temp = Directory.CreateTempSubdirectory("vigil-pipeline-bench-");
        try
        {
            var files = new List<string>(n);
            for (var i = 0; i < n; i++)
            {
                var page = bench.Pages[i % bench.Pages.Count];
                var path = Path.Combine(temp.FullName, $"{i:D5}.html");
                File.WriteAllText(path, MakeDistinct(page, i));
                files.Add(path);
            }
            var stepsSample = files.Take(Math.Min(n, 1000)).ToList();
            if (args.Contains("steps"))
            {
                IngestStages.Print(stepsSample);
                return 0;
            }
            var listsDir = ListSources.ResolveDirectory(null);
            using var workbench = Workbench.Open(new WorkbenchOptions(Path.Combine(temp.FullName, "bench.db"), listsDir));
            var ingestor = new Ingestor(new IngestOptions { Offline = true });

            static TimeSpan Cpu() => Process.GetCurrentProcess().TotalProcessorTime;
            static double Allocated() => GC.GetTotalAllocatedBytes(precise: true) / (1024.0 * 1024.0);
            var alloc0 = Allocated();
            var cpu0 = Cpu();
            var (ingestTime, batch) = BenchTable.Time(() => ingestor.Ingest(files));
            var cpuIngest = Cpu() - cpu0;
            var allocIngest = Allocated() - alloc0;
            var alloc1 = Allocated();
            var cpu1 = Cpu();
            var (storeTime, _) = BenchTable.Time(() => workbench.Workflow.Store(batch));
            var cpuStore = Cpu() - cpu1;
            var allocStore = Allocated() - alloc1;
            alloc1 = Allocated();
            cpu1 = Cpu();
            var (analyzeTime, result) = BenchTable.Time(() => workbench.Workflow.AnalyzeStored());
            var cpuAnalyze = Cpu() - cpu1;
            var allocAnalyze = Allocated() - alloc1;
            var reportPath = Path.Combine(temp.FullName, "report.json");
            alloc1 = Allocated();
            cpu1 = Cpu();
            var (reportTime, _) = BenchTable.Time(() =>
            {
                using var w = new StreamWriter(reportPath);
                new JsonReportWriter().Write(result, w);
                return 0;
            });
            var cpuReport = Cpu() - cpu1;
            var allocReport = Allocated() - alloc1;
            var cpuTotal = Cpu() - cpu0;
            var allocTotal = Allocated() - alloc0;
            var total = ingestTime + storeTime + analyzeTime + reportTime;
            var docs = batch.Documents.Count;

            BenchTable.Print($"pipeline: {n} HTML pages -> {docs} documents ({batch.Documents.Count(d => d.DuplicateOf is not null)} linked as near-copies), {batch.Problems.Count} problems, {result.Entities.Count} entities, lists: {(listsDir ?? "none")}",
                ["stage", "wall", "CPU", "CPU ms/article", "articles/s (wall)", "allocated KB/article"],
                [
                    ["ingest (decode, boilerplate, clean, language, near-dups)", ingestTime, cpuIngest, cpuIngest.TotalMilliseconds / n, n / ingestTime.TotalSeconds, allocIngest * 1024 / n],
                    ["store", storeTime, cpuStore, cpuStore.TotalMilliseconds / n, n / storeTime.TotalSeconds, allocStore * 1024 / n],
                    ["analyse + save", analyzeTime, cpuAnalyze, cpuAnalyze.TotalMilliseconds / n, n / analyzeTime.TotalSeconds, allocAnalyze * 1024 / n],
                    ["JSON report", reportTime, cpuReport, cpuReport.TotalMilliseconds / n, n / reportTime.TotalSeconds, allocReport * 1024 / n],
                    ["whole pipeline", total, cpuTotal, cpuTotal.TotalMilliseconds / n, n / total.TotalSeconds, allocTotal * 1024 / n],
                ]);
            BenchTable.Print("per core and memory", ["what", "value"],
                [
                    ["cores on this machine", Environment.ProcessorCount],
                    ["CPU time, whole pipeline", cpuTotal],
                    ["articles per CPU-second (whole pipeline)", n / cpuTotal.TotalSeconds],
                    ["articles per CPU-second (ingest only)", n / cpuIngest.TotalSeconds],
                    ["garbage collections gen0 / gen1 / gen2", $"{GC.CollectionCount(0)} / {GC.CollectionCount(1)} / {GC.CollectionCount(2)}"],
                    ["GC pause time", GC.GetTotalPauseDuration()],
                    ["managed memory at end (MB)", BenchTable.ManagedMegabytes()],
                    ["peak working set (MB)", BenchTable.PeakWorkingSetMegabytes()],
                ]);
            IngestStages.Print(stepsSample);
            if (args.Contains("analysis")) AnalysisStages.Print(workbench);
        }
        finally
        {
            temp.Delete(recursive: true);
        }
        return 0;
    }

    /// <summary>
    /// Puts a copy number into the article: before its first words wherever they occur (the body,
    /// and any JSON-LD copy of it), or, where the markup encodes them differently, after the first
    /// long word of the article that appears in the page body. Every copy is then a distinct document.
    /// </summary>
    private static string MakeDistinct(ArticleBenchmark.Page page, int i)
    {
        var firstLine = page.Truth.Split('\n')[0];
        var firstWords = firstLine[..Math.Min(25, firstLine.Length)];
        if (firstWords.Length > 0 && page.Html.Contains(firstWords, StringComparison.Ordinal))
            return page.Html.Replace(firstWords, $"Copy {i}. {firstWords}", StringComparison.Ordinal);
        var body = Math.Max(0, page.Html.IndexOf("<body", StringComparison.OrdinalIgnoreCase));
        foreach (var word in page.Truth.Split(' ', '\n').Where(w => w.Length >= 6 && w.All(char.IsLetter)))
        {
            var at = page.Html.IndexOf(" " + word + " ", body, StringComparison.Ordinal);
            if (at >= 0) return page.Html.Insert(at + word.Length + 1, $" (copy {i})");
        }
        return page.Html;
    }
}
