using AngleSharp.Html.Parser;
using Vigil.Ingest;
using Vigil.Ingest.Html;
using Vigil.Model;
using Vigil.Text;

namespace Vigil.Bench;

/// <summary>
/// Where ingest's CPU time goes, step by step, measured with the calling thread's CPU clock
/// (not wall time, which a shared machine inflates). Each step runs over every page before the
/// next starts, so a step's figure is its own cost on warm code. Used by the pipeline bench.
/// </summary>
internal static class IngestStages
{
    public static void Print(IReadOnlyList<string> files)
    {
        var bytes = files.Select(File.ReadAllBytes).ToList();
        var parser = new HtmlParser(HtmlArticleExtractor.Options);
        var extractor = new HtmlArticleExtractor();
        // Warm every step on a few pages so that JIT time is not counted.
        var p0 = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
        LanguageDetector.Detect("The ministry said on Tuesday that the sanctions would remain in force until further notice, and that the panel would report.");
        var firstLanguage = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - p0;
        foreach (var b in bytes.Take(20))
        {
            var page = TextDecoder.Decode(b).Text;
            LanguageDetector.Detect(TextCleaner.Clean(extractor.Extract(page).Text));
        }

        // Inputs of each step are prepared untimed; timed steps keep nothing, so that the
        // garbage collector's work on the timing thread is the step's own.
        var n = bytes.Count;
        var html = bytes.Select(b => TextDecoder.Decode(b).Text).ToArray();
        var cut = html.Select(h =>
        {
            var chars = h.ToCharArray();
            return chars.AsMemory(0, RawTextBodies.Remove(chars));
        }).ToArray();
        var raw = html.Select(h => extractor.Extract(h).Text).ToArray();
        var texts = raw.Select(t => TextCleaner.Clean(t.Replace("\r\n", "\n").Replace('\r', '\n'))).ToArray();

        var table = new StepTable(n);
        var rows = table.Rows;

        table.Step("sniff content kind", i => ContentReader.Sniff(bytes[i], ".html"));
        table.Step("decode into a pooled buffer (BOM, meta charset, UTF-8)", i =>
        {
            TextDecoder.DecodeRented(bytes[i]).Return();
            return null;
        });
        table.Step("cut script and style bodies", i =>
        {
            var decoded = TextDecoder.DecodeRented(bytes[i]);
            RawTextBodies.Remove(decoded.Span);
            decoded.Return();
            return null;
        });
        table.Step("HTML parse alone (AngleSharp, bodies cut)", i => parser.ParseDocument(cut[i]));
        table.Step("extract main text + metadata (cut and parse included)", i => extractor.Extract(html[i]));
        table.Step("clean text", i => TextCleaner.Clean(raw[i]));
        table.Step("content hash (SHA-256)", i => Ids.Hash(texts[i]));
        table.Step("language", i => LanguageDetector.Detect(texts[i]));
        var index = new NearDuplicateIndex();
        table.Step("near-duplicate index", i => index.Add(new Document($"doc-{i}", files[i], texts[i], "")));
        var reader = new ContentReader();
        table.Step("whole read (ContentReader.Read = all of the above)", i => reader.Read(bytes[i], files[i]));
        rows.Add(["(once) first language call, process CPU", firstLanguage.TotalMilliseconds, ""]);
        BenchTable.Print($"ingest steps: CPU of one thread per page over {n} pages (average page {bytes.Average(b => b.Length) / 1024:F0} KB)", ["step", "CPU ms/page", "allocated KB/page"], rows);
    }
}

/// <summary>Where the analysis stage's CPU time goes: extraction, resolution, screening, the analysis steps, saving.</summary>
internal static class AnalysisStages
{
    public static void Print(Vigil.Pipeline.Workbench workbench)
    {
        static TimeSpan Cpu() => System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
        var rows = new List<object[]>();
        T Step<T>(string name, Func<T> work)
        {
            GC.Collect();
            var t0 = Cpu();
            var result = work();
            rows.Add([name, Cpu() - t0]);
            return result;
        }
        var documents = Step("read stored documents", () => workbench.Store.GetDocuments());
        // The workbench's extractor, with the cached models: each is read on the first document in its language.
        var extractor = new Vigil.Extraction.Extractor(workbench.Lists.Entries, Vigil.Extraction.ExtractorOptions.WithCachedModels());
        var byLanguage = documents.Select((d, i) => (d.Lang ?? "?", i)).GroupBy(x => x.Item1, x => x.i).OrderByDescending(g => g.Count()).ToList();
        Step("first document of each language (reads its model)", () =>
        {
            foreach (var language in byLanguage) extractor.Extract(documents[language.First()]);
            return 0;
        });
        var extractions = Step("extract (all cores)", () =>
        {
            var x = new Vigil.Extraction.ExtractionResult[documents.Count];
            Parallel.For(0, documents.Count, i => x[i] = extractor.Extract(documents[i]));
            return x;
        });
        foreach (var language in byLanguage)
            Step($"  again, one thread: {language.Key} ({language.Count()} documents, {language.Sum(i => documents[i].Text.Length) / language.Count()} characters each)", () =>
            {
                foreach (var i in language) extractor.Extract(documents[i]);
                return 0;
            });
        var resolver = new Vigil.Analysis.EntityResolver();
        var entities = Step("resolve entities", () => resolver.Resolve(documents, extractions));
        if (workbench.Screener is not null)
            entities = Step("screen entities", () => new Vigil.Pipeline.EntityScreening(workbench.Screener).Attach(entities));
        var result = new AnalysisResult(documents, entities, extractions.SelectMany(x => x.Claims).ToList(), []);
        result = Step("stories, corroboration, provisions", () => Vigil.Analysis.Analyzer.WithDefaultProvisions(resolver).Apply(result, extractions));
        Step("save analysis", () => { workbench.Store.SaveAnalysis(result); return 0; });
        BenchTable.Print($"analysis steps: process CPU over {documents.Count} stored documents", ["step", "CPU"], rows);
    }
}
