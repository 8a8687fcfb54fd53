using System.Diagnostics;
using Vigil.Evaluation;
using Vigil.Ingest;
using Vigil.Ingest.Html;

namespace Vigil.Bench;

/// <summary>
/// Main-text extraction speed on the article-extraction benchmark's 181 pages: Vigil's extractor
/// beside SmartReader, same pages, same process, alternating rounds so that load on the machine
/// falls on both alike. Reports wall time and process CPU time, and F1 of the same outputs.
/// </summary>
public sealed class BoilerplateBench : IBench
{
    public string Name => "boilerplate";
    public string Description => "main-text extraction pages/s on the 181 benchmark pages: Vigil vs SmartReader (args: ROUNDS, default 3)";

    public int Run(string[] args)
    {
        var rounds = args.Length > 0 && int.TryParse(args[0], out var r) ? r : 3;
        var bench = ArticleBenchmark.Load(SharedData.FindRoot());
        var vigil = new HtmlArticleExtractor();
        var systems = new (string Name, Func<ArticleBenchmark.Page, string> Extract)[]
        {
            ("Vigil", p => TextCleaner.Clean(vigil.Extract(p.Html).Text)),
            ("SmartReader 0.11.1", BoilerplateSuite.SmartReaderText),
        };
        var wall = new double[systems.Length];
        var cpu = new double[systems.Length];
        var f1 = new double[systems.Length];
        foreach (var s in systems) foreach (var p in bench.Pages.Take(20)) s.Extract(p);
        for (var round = 0; round < rounds; round++)
        {
            for (var k = 0; k < systems.Length; k++)
            {
                var outputs = new string[bench.Pages.Count];
                var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
                var sw = Stopwatch.StartNew();
                for (var i = 0; i < bench.Pages.Count; i++) outputs[i] = systems[k].Extract(bench.Pages[i]);
                wall[k] += sw.Elapsed.TotalSeconds;
                cpu[k] += (Process.GetCurrentProcess().TotalProcessorTime - cpu0).TotalSeconds;
                f1[k] = bench.Pages.Select((p, i) => ShingleScore.Document(p.Truth, outputs[i])).Aggregate(default(ShingleScore.Counts), (a, b) => a + b).F1;
            }
        }
        var pages = bench.Pages.Count * rounds;
        BenchTable.Print($"boilerplate: {bench.Pages.Count} pages x {rounds} rounds, one thread",
            ["system", "F1", "wall s", "pages/s (wall)", "CPU s", "pages/CPU-s", "speed vs SmartReader (CPU)"],
            systems.Select((s, k) => new object[] { s.Name, f1[k], wall[k], pages / wall[k], cpu[k], pages / cpu[k], cpu[1] / cpu[k] }));
        return 0;
    }
}
