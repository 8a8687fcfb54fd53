using System.Diagnostics;
using Vigil.Evaluation;
using Vigil.Extraction;
using Vigil.Model;
using Vigil.Screening;
using Vigil.Text;

namespace Vigil.Bench;

/// <summary>
/// Documents per second per core through extraction (entities, dates, quantities, claims) on the
/// seed articles repeated to N distinct documents, single-threaded, beside tokenising and sentence
/// splitting alone in the same run; the time and memory it takes to build the gazetteer from the lists.
/// </summary>
public sealed class ExtractionBench : IBench
{
    public string Name => "extraction";
    public string Description => "documents/s/core through Extractor on the seeds repeated to N (default 2000); gazetteer build time and memory";

    public int Run(string[] args)
    {
        var n = args.Length > 0 && int.TryParse(args[0], out var parsed) ? parsed : 2000;
        var listsDir = ListSources.ResolveDirectory(null);
        var entries = listsDir is null ? [] : ListLoader.Load(listsDir).Entries;

        var before = BenchTable.ManagedMegabytes();
        var (buildTime, extractor) = BenchTable.Time(() => new Extractor(entries));
        var gazetteerMemory = BenchTable.ManagedMegabytes() - before;

        var seeds = Directory.GetFiles(SharedData.Path("seeds"), "*.txt").Order(StringComparer.Ordinal).Select(File.ReadAllText).ToList();
        var docs = Enumerable.Range(0, n).Select(i =>
        {
            var text = seeds[i % seeds.Count] + $"\n\nAggiornamento {i}: la redazione ha verificato il testo il 19 giugno 2024.\n";
            return new Document($"d{i}", "bench", text, Ids.Hash(text), Lang: "it", Published: new NodaTime.LocalDate(2024, 6, 19));
        }).ToList();
        var chars = docs.Sum(d => (long)d.Text.Length);

        // Warm up both paths (JIT, lazy tables), then measure on one thread.
        foreach (var d in docs.Take(20)) { extractor.Extract(d); Tokenizer.Tokenize(d.Text); }
        var baseCpu = ThreadCpu.Now();
        var (baseTime, tokenCount) = BenchTable.Time(() => docs.Sum(d => Tokenizer.Tokenize(d.Text).Count + SentenceSplitter.Split(d.Text).Count));
        baseCpu = ThreadCpu.Now() - baseCpu;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var extractCpu = ThreadCpu.Now();
        var (extractTime, counts) = BenchTable.Time(() =>
        {
            long mentions = 0, claims = 0, dates = 0, quantities = 0;
            foreach (var d in docs)
            {
                var r = extractor.Extract(d);
                mentions += r.Mentions.Count; claims += r.Claims.Count; dates += r.Dates.Count; quantities += r.Quantities.Count;
            }
            return (mentions, claims, dates, quantities);
        });
        extractCpu = ThreadCpu.Now() - extractCpu;
        var cpuUsed = Process.GetCurrentProcess().TotalProcessorTime - cpu;

        // The same documents with the statistical NER models `vigil train` cached, as the Workbench runs them when present.
        var options = ExtractorOptions.WithCachedModels();
        TimeSpan? modelTime = null;
        var modelCpu = TimeSpan.Zero;
        if (options.ModelFor("it") is not null)
        {
            var withModels = new Extractor(extractor.Gazetteer, options);
            foreach (var d in docs.Take(20)) withModels.Extract(d);
            modelCpu = ThreadCpu.Now();
            modelTime = BenchTable.Time(() => docs.Sum(d => withModels.Extract(d).Mentions.Count)).Item1;
            modelCpu = ThreadCpu.Now() - modelCpu;
        }

        double PerSecond(TimeSpan t) => n / t.TotalSeconds;
        // Wall time counts waiting for a core on a loaded machine; the thread's CPU time does not.
        BenchTable.Print($"extraction: {n} documents of {chars / n} characters on average, one thread; lists: {entries.Count} entries",
            ["path", "time", "documents/s/core", "MB/s", "ratio to baseline", "thread CPU", "documents/s/core by CPU", "CPU ratio to baseline"],
            [
                ["baseline: tokenise + split sentences", baseTime, PerSecond(baseTime), chars / 1e6 / baseTime.TotalSeconds, 1.0, baseCpu, PerSecond(baseCpu), 1.0],
                ["Extractor (entities, dates, quantities, claims)", extractTime, PerSecond(extractTime), chars / 1e6 / extractTime.TotalSeconds, extractTime / baseTime,
                    extractCpu, PerSecond(extractCpu), extractCpu / baseCpu],
                .. (modelTime is { } mt
                    ? new object[][] { ["Extractor + cached NER model (ner-it)", mt, PerSecond(mt), chars / 1e6 / mt.TotalSeconds, mt / baseTime, modelCpu, PerSecond(modelCpu), modelCpu / baseCpu] }
                    : [["Extractor + cached NER model: none cached (run `vigil train ner-it`)", "-", "-", "-", "-", "-", "-", "-"]]),
            ]);
        BenchTable.Print("extractor set-up and output", ["what", "value"],
            [
                ["gazetteer build (lists + ICU countries + GeoNames cities + lexicon)", buildTime],
                ["gazetteer names", extractor.Gazetteer.Count],
                ["managed memory held by the extractor (MB)", gazetteerMemory],
                ["peak working set (MB)", BenchTable.PeakWorkingSetMegabytes()],
                ["CPU time during extraction", cpuUsed],
                ["mentions / claims / dates / quantities", $"{counts.mentions} / {counts.claims} / {counts.dates} / {counts.quantities}"],
                ["tokens (baseline work)", tokenCount],
            ]);
        return 0;
    }
}
