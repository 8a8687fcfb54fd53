using System.Diagnostics;
using System.IO.Compression;
using System.Xml;
using Vigil.Evaluation;
using Vigil.Screening;
using Vigil.Screening.Lists;

namespace Vigil.Bench;

/// <summary>
/// `lists`: loading every list in ../shared/data/sanctions. First the whole folder, cold (the first
/// load in this process, so JIT included, and the process's peak working set after it) and warm;
/// then each file on its own, cold and warm, with its CPU time and allocations, beside a plain read
/// of the same file (XmlDocument.Load for XML, every line for CSV, every ZIP entry for XLSX) as the
/// baseline measured in the same run.
/// </summary>
public sealed class ListsBench : IBench
{
    public string Name => "lists";

    public string Description => "List load time (cold/warm), CPU and memory, whole folder and per file, beside a plain XmlDocument/read baseline; args: [runs=3]";

    public int Run(string[] args)
    {
        var runs = args.Length > 0 && int.TryParse(args[0], out var r) ? Math.Max(1, r) : 3;
        var folder = Path.Combine(SharedData.FindRoot(), "data", "sanctions");
        var before = BenchTable.ManagedMegabytes();

        var cold = Measure(() => ListLoader.Load(folder));
        var result = cold.Result;
        var retained = BenchTable.ManagedMegabytes() - before;
        var peakAfterLoad = BenchTable.PeakWorkingSetMegabytes();
        var warm = Enumerable.Range(0, runs).Select(_ => Measure(() => ListLoader.Load(folder))).MinBy(m => m.Wall)!;
        BenchTable.Print($"Whole folder: {result.Entries.Count} entries, {result.Lists.Count} lists, {result.Problems.Count} problems ({Environment.ProcessorCount} cores)",
            ["load", "wall", "CPU s", "allocated MB", "retained MB", "peak working set MB"],
            [
                ["cold (first in process)", cold.Wall, cold.Cpu.TotalSeconds, cold.AllocatedMb, retained, peakAfterLoad],
                [$"warm (best of {runs})", warm.Wall, warm.Cpu.TotalSeconds, warm.AllocatedMb, "", ""],
            ]);

        var files = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Select(ListFile.Open).ToList();
        var rows = new List<object[]>();
        double totalParse = 0, totalBaseline = 0;
        foreach (var file in files)
        {
            var parser = ListParsers.All.FirstOrDefault(p => p.CanParse(file));
            if (parser is null) continue;
            var first = Measure(() => parser.Parse(file, files));
            var best = Enumerable.Range(0, runs).Select(_ => Measure(() => parser.Parse(file, files))).MinBy(m => m.Wall)!;
            var plain = Enumerable.Range(0, runs).Select(_ => Measure(() => PlainRead(file.Path))).MinBy(m => m.Wall)!;
            totalParse += best.Cpu.TotalMilliseconds;
            totalBaseline += plain.Cpu.TotalMilliseconds;
            rows.Add([Path.GetRelativePath(folder, file.Path), first.Result.Entries.Count, first.Wall.TotalMilliseconds, best.Wall.TotalMilliseconds, best.Cpu.TotalMilliseconds,
                best.AllocatedMb, plain.Wall.TotalMilliseconds, plain.AllocatedMb, best.Cpu.TotalMilliseconds / Math.Max(0.001, plain.Cpu.TotalMilliseconds)]);
        }
        rows.Add(["all files (sum)", "", "", "", totalParse, "", "", "", totalParse / Math.Max(0.001, totalBaseline)]);
        BenchTable.Print($"Per file (parser alone, one thread; warm = best of {runs}; baseline = {BaselineName})",
            ["file", "entries", "cold ms", "warm ms", "warm CPU ms", "alloc MB", "baseline ms", "baseline alloc MB", "CPU / baseline"], rows);
        Console.WriteLine($"goal: all lists loaded in < 2 s and < 500 MB: cold {cold.Wall.TotalSeconds:0.00} s, warm {warm.Wall.TotalSeconds:0.00} s, peak {peakAfterLoad:0} MB");
        return 0;
    }

    private const string BaselineName = "XmlDocument.Load for XML, File.ReadAllLines for CSV/JSON lines, every ZIP entry read for XLSX";

    private sealed record Measurement<T>(T Result, TimeSpan Wall, TimeSpan Cpu, double AllocatedMb);

    private static Measurement<T> Measure<T>(Func<T> work)
    {
        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var sw = Stopwatch.StartNew();
        var result = work();
        sw.Stop();
        process.Refresh();
        return new Measurement<T>(result, sw.Elapsed, process.TotalProcessorTime - cpu, (GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1024.0 / 1024.0);
    }

    /// <summary>The least any reader must do with the file: parse the XML into a DOM, split the lines, or inflate the ZIP.</summary>
    private static long PlainRead(string path)
    {
        var head = ListFile.Open(path);
        if (head.LooksLikeXml)
        {
            var doc = new XmlDocument();
            doc.Load(path);
            return doc.DocumentElement?.ChildNodes.Count ?? 0;
        }
        if (head.Head.StartsWith("PK", StringComparison.Ordinal))
        {
            using var zip = ZipFile.OpenRead(path);
            long total = 0;
            foreach (var entry in zip.Entries)
            {
                using var s = entry.Open();
                var buffer = new byte[81920];
                int n;
                while ((n = s.Read(buffer)) > 0) total += n;
            }
            return total;
        }
        return File.ReadAllLines(path).Length;
    }
}
