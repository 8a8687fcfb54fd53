using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json;
using System.Text.RegularExpressions;
using Vigil.Ingest;
using Vigil.Ingest.Html;

namespace Vigil.Evaluation;

/// <summary>
/// The article-extraction benchmark's score, re-implemented: texts become `\w+` tokens, tokens
/// become 4-gram shingles counted as a multiset, and each document's true positives, false
/// positives and false negatives are normalised to sum to one (so long articles do not weigh
/// more) before being summed over documents.
/// </summary>
public static partial class ShingleScore
{
    public readonly record struct Counts(double Tp, double Fp, double Fn)
    {
        public static Counts operator +(Counts a, Counts b) => new(a.Tp + b.Tp, a.Fp + b.Fp, a.Fn + b.Fn);
        public double Precision => Tp + Fp == 0 ? 0 : Tp / (Tp + Fp);
        public double Recall => Tp + Fn == 0 ? 0 : Tp / (Tp + Fn);
        public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
    }

    public static Counts Document(string truth, string predicted)
    {
        var t = Shingles(truth);
        var p = Shingles(predicted);
        double tp = 0, fp = 0, fn = 0;
        foreach (var (key, tc) in t)
        {
            var pc = p.GetValueOrDefault(key);
            tp += Math.Min(tc, pc);
            fn += Math.Max(0, tc - pc);
        }
        foreach (var (key, pc) in p) fp += Math.Max(0, pc - t.GetValueOrDefault(key));
        var sum = tp + fp + fn;
        return sum == 0 ? default : new Counts(tp / sum, fp / sum, fn / sum);
    }

    private static Dictionary<string, int> Shingles(string text)
    {
        var tokens = Word().Matches(text).Select(m => m.Value).ToList();
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        // As upstream: a text shorter than four tokens is one shingle of all its tokens.
        for (var i = 0; i < Math.Max(1, tokens.Count - 3); i++)
        {
            var shingle = string.Join(' ', tokens.Skip(i).Take(4));
            if (shingle.Length == 0) continue;
            counts[shingle] = counts.GetValueOrDefault(shingle) + 1;
        }
        return counts;
    }

    /// <summary>Standard deviation of F1 over bootstrap resamples of the documents.</summary>
    public static double BootstrapF1StdDev(IReadOnlyList<Counts> perDocument, int resamples = 1000, int seed = 17)
    {
        var random = new Random(seed);
        var f1s = new double[resamples];
        for (var r = 0; r < resamples; r++)
        {
            var sum = default(Counts);
            for (var i = 0; i < perDocument.Count; i++) sum += perDocument[random.Next(perDocument.Count)];
            f1s[r] = sum.F1;
        }
        var mean = f1s.Average();
        return Math.Sqrt(f1s.Sum(f => (f - mean) * (f - mean)) / (resamples - 1));
    }

    [GeneratedRegex(@"\w+")]
    private static partial Regex Word();
}

/// <summary>The benchmark's pages and ground truth, read in place from ../shared.</summary>
public sealed record ArticleBenchmark(IReadOnlyList<ArticleBenchmark.Page> Pages)
{
    public sealed record Page(string Id, string Url, string Html, string Truth);

    public const string Folder = "data/eval/article_extraction_benchmark";

    public static ArticleBenchmark Load(string sharedRoot)
    {
        var root = Path.Combine(sharedRoot, Folder);
        using var truth = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(root, "ground-truth.json")));
        var pages = new List<Page>();
        foreach (var item in truth.RootElement.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            var file = Path.Combine(root, "html", item.Name + ".html.gz");
            if (!File.Exists(file)) continue;
            using var gz = new GZipStream(File.OpenRead(file), CompressionMode.Decompress);
            using var buffer = new MemoryStream();
            gz.CopyTo(buffer);
            var html = TextDecoder.Decode(buffer.ToArray()).Text;
            pages.Add(new Page(item.Name, item.Value.GetProperty("url").GetString() ?? "", html,
                item.Value.TryGetProperty("articleBody", out var body) ? body.GetString() ?? "" : ""));
        }
        return new ArticleBenchmark(pages);
    }

    /// <summary>A stored system output (keys as the ground truth), for checking the scorer against published figures.</summary>
    public static IReadOnlyDictionary<string, string> LoadOutput(string sharedRoot, string system)
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(sharedRoot, Folder, "output", system + ".json")));
        var root = doc.RootElement.TryGetProperty("output", out var wrapped) && wrapped.ValueKind == JsonValueKind.Object ? wrapped : doc.RootElement;
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var item in root.EnumerateObject())
            result[item.Name] = item.Value.ValueKind == JsonValueKind.Object && item.Value.TryGetProperty("articleBody", out var b) && b.ValueKind == JsonValueKind.String ? b.GetString()! : "";
        return result;
    }
}

/// <summary>
/// `vigil eval boilerplate`: main-text extraction on the 181 pages of the article-extraction
/// benchmark, Vigil beside SmartReader in the same run, scored as the benchmark scores.
/// </summary>
public sealed class BoilerplateSuite : IEvalSuite
{
    public string Name => "boilerplate";

    public string Description => "Main-text extraction from HTML (article-extraction-benchmark, 181 pages): Vigil vs SmartReader.";

    /// <summary>Stored outputs scored with this implementation, to show it reproduces the published figures.</summary>
    private static readonly string[] ReferenceSystems = ["trafilatura", "readability_js", "goose3"];

    public EvalReport Run(EvalContext context)
    {
        var bench = ArticleBenchmark.Load(context.SharedRoot);
        context.Log.WriteLine($"boilerplate: {bench.Pages.Count} pages");
        var vigil = new HtmlArticleExtractor();
        var scores = new List<EvalScore>
        {
            Score("Vigil", bench, page => TextCleaner.Clean(vigil.Extract(page.Html).Text)),
            Score("SmartReader 0.11.1", bench, page => SmartReaderText(page)),
        };
        var notes = new List<string>
        {
            "Score as upstream evaluate.py: \\w+ tokens, 4-gram shingles as multisets, per-document TP/FP/FN normalised to sum 1, summed over documents; f1_std by 1000 bootstrap resamples.",
            "Time is extraction only (pages decompressed and decoded beforehand), one thread, after a warm-up pass over 10 pages; cpu_seconds is the process CPU time of the same pass.",
        };
        foreach (var system in ReferenceSystems)
        {
            var output = ArticleBenchmark.LoadOutput(context.SharedRoot, system);
            var sum = bench.Pages.Aggregate(default(ShingleScore.Counts), (acc, p) => acc + ShingleScore.Document(p.Truth, output.GetValueOrDefault(p.Id, "")));
            notes.Add($"Stored output of {system} scored by this implementation: P {sum.Precision:0.000}, R {sum.Recall:0.000}, F1 {sum.F1:0.000}.");
        }
        return new EvalReport(Name, $"article-extraction-benchmark ({bench.Pages.Count} pages)", scores, notes);
    }

    private static EvalScore Score(string system, ArticleBenchmark bench, Func<ArticleBenchmark.Page, string> extract)
    {
        foreach (var page in bench.Pages.Take(10)) extract(page);
        var outputs = new string[bench.Pages.Count];
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var sw = Stopwatch.StartNew();
        for (var i = 0; i < bench.Pages.Count; i++) outputs[i] = extract(bench.Pages[i]);
        sw.Stop();
        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        var perDocument = bench.Pages.Select((p, i) => ShingleScore.Document(p.Truth, outputs[i])).ToList();
        var sum = perDocument.Aggregate(default(ShingleScore.Counts), (a, b) => a + b);
        var extra = new Dictionary<string, double>
        {
            ["f1_std"] = ShingleScore.BootstrapF1StdDev(perDocument),
            ["pages_per_second"] = bench.Pages.Count / sw.Elapsed.TotalSeconds,
            // Wall time swings on a shared machine; the process's CPU time is the steadier measure.
            ["cpu_seconds"] = cpu.TotalSeconds,
        };
        return new EvalScore(system, sum.Precision, sum.Recall, sum.F1, bench.Pages.Count, sw.Elapsed, extra);
    }

    /// <summary>SmartReader's text for a page; an exception counts as an empty extraction.</summary>
    public static string SmartReaderText(ArticleBenchmark.Page page)
    {
        try
        {
            // The (uri, text) constructor parses the given HTML; ParseArticle(uri, x) would download the uri.
            var article = new SmartReader.Reader(string.IsNullOrEmpty(page.Url) ? "https://example.org/" : page.Url, page.Html).GetArticle();
            return article.TextContent ?? "";
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return "";
        }
    }
}
