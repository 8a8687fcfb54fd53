using System.Diagnostics;
using System.IO.Compression;
using System.Xml;
using Vigil.Evaluation;
using Vigil.Screening;
using Vigil.Screening.Lists;

namespace Vigil.Bench;

/// <summary>
/// `lists`: loading every list in ../shared/data/sanctions. The whole folder in a new process (as a
/// command or the server starts: JIT included, peak working set of the load alone) by the parsers,
/// by the parsers while writing the snapshot cache, and from the snapshot cache; then warm in this
/// process; then each file on its own, first and warm, with CPU time and allocations, beside a
/// plain read of the same file (XmlDocument.Load for XML, every line for CSV, every ZIP entry for
/// XLSX) as the baseline measured in the same run.
/// </summary>
public sealed class ListsBench : IBench
{
    public string Name => "lists";

    public string Description => "List load time (new process / warm, parsers / snapshot cache), CPU and peak memory, whole folder and per file beside a plain XmlDocument/read baseline; args: [runs=3]";

    public int Run(string[] args)
    {
        if (args.Length == 3 && args[0] == "--child") return ChildLoad(args[1], args[2]);
        var runs = args.Length > 0 && int.TryParse(args[0], out var r) ? Math.Max(1, r) : 3;
        var folder = Path.Combine(SharedData.FindRoot(), "data", "sanctions");
        var snapshots = Directory.CreateTempSubdirectory("vigil-bench-snapshots-").FullName;
        try
        {
            // Each in a fresh process, as `vigil serve` or `vigil screen` starts: JIT, first file reads, peak memory of the load alone.
            var coldParse = Child(folder, "off");
            var coldBuild = Child(folder, snapshots);
            var coldSnapshot = Child(folder, snapshots);

            var before = BenchTable.ManagedMegabytes();
            var first = Measure(() => ListLoader.Load(folder, ListLoadOptions.NoCache));
            var retained = BenchTable.ManagedMegabytes() - before;
            var result = first.Result;
            var warmParse = Best(runs, () => ListLoader.Load(folder, ListLoadOptions.NoCache));
            var warmSnapshot = Best(runs, () => ListLoader.Load(folder, new ListLoadOptions(snapshots)));
            BenchTable.Print($"Whole folder: {result.Entries.Count} entries, {result.Lists.Count} lists, {result.Problems.Count} problems ({Environment.ProcessorCount} cores; managed heap held by the loaded lists: {retained:0} MB)",
                ["load", "wall", "CPU s", "allocated MB", "peak working set MB", "CPU / parse"],
                [
                    ["new process, parsers (no snapshot cache)", coldParse.Wall, coldParse.Cpu, "", coldParse.PeakMb, 1.0],
                    ["new process, parsers + snapshot written", coldBuild.Wall, coldBuild.Cpu, "", coldBuild.PeakMb, coldBuild.Cpu / coldParse.Cpu],
                    ["new process, from snapshots", coldSnapshot.Wall, coldSnapshot.Cpu, "", coldSnapshot.PeakMb, coldSnapshot.Cpu / coldParse.Cpu],
                    [$"warm process, parsers (best of {runs})", warmParse.Wall, warmParse.Cpu.TotalSeconds, warmParse.AllocatedMb, "", warmParse.Cpu.TotalSeconds / Math.Max(0.001, warmParse.Cpu.TotalSeconds)],
                    [$"warm process, from snapshots (best of {runs})", warmSnapshot.Wall, warmSnapshot.Cpu.TotalSeconds, warmSnapshot.AllocatedMb, "", warmSnapshot.Cpu.TotalSeconds / Math.Max(0.001, warmParse.Cpu.TotalSeconds)],
                ]);
            Console.WriteLine($"goal: all lists loaded in < 2 s and < 500 MB: new process {coldParse.Wall.TotalSeconds:0.00} s / {coldParse.PeakMb:0} MB parsing, {coldSnapshot.Wall.TotalSeconds:0.00} s / {coldSnapshot.PeakMb:0} MB from snapshots");
            PerFile(folder, runs);
        }
        finally { Directory.Delete(snapshots, recursive: true); }
        return 0;
    }

    private sealed record ChildResult(TimeSpan Wall, double Cpu, double PeakMb, int Entries);

    /// <summary>Runs this benchmark in a new process that loads the folder once and reports wall, CPU and peak working set.</summary>
    private static ChildResult Child(string folder, string snapshots)
    {
        var info = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true };
        foreach (var a in new[] { typeof(ListsBench).Assembly.Location, "lists", "--child", folder, snapshots }) info.ArgumentList.Add(a);
        using var child = Process.Start(info)!;
        var output = child.StandardOutput.ReadToEnd();
        child.WaitForExit();
        var line = output.Split('\n').Last(l => l.StartsWith("child ", StringComparison.Ordinal)).Split(' ');
        var ci = System.Globalization.CultureInfo.InvariantCulture;
        return new ChildResult(TimeSpan.FromSeconds(double.Parse(line[1], ci)), double.Parse(line[2], ci), double.Parse(line[3], ci), int.Parse(line[4], ci));
    }

    private static int ChildLoad(string folder, string snapshots)
    {
        var m = Measure(() => ListLoader.Load(folder, new ListLoadOptions(snapshots == "off" ? null : snapshots)));
        var ci = System.Globalization.CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(ci, $"child {m.Wall.TotalSeconds} {m.Cpu.TotalSeconds} {BenchTable.PeakWorkingSetMegabytes()} {m.Result.Entries.Count}"));
        return 0;
    }

    private static Measurement<T> Best<T>(int runs, Func<T> work) => Enumerable.Range(0, runs).Select(_ => Measure(work)).MinBy(m => m.Wall)!;

    private static void PerFile(string folder, int runs)
    {
        var files = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Select(ListFile.Open).ToList();
        var rows = new List<object[]>();
        double totalParse = 0, totalBaseline = 0;
        foreach (var file in files)
        {
            var parser = ListParsers.All.FirstOrDefault(p => p.CanParse(file));
            if (parser is null) continue;
            var firstParse = Measure(() => parser.Parse(file, files));
            var best = Enumerable.Range(0, runs).Select(_ => Measure(() => parser.Parse(file, files))).MinBy(m => m.Wall)!;
            var plain = Enumerable.Range(0, runs).Select(_ => Measure(() => PlainRead(file.Path))).MinBy(m => m.Wall)!;
            totalParse += best.Cpu.TotalMilliseconds;
            totalBaseline += plain.Cpu.TotalMilliseconds;
            rows.Add([Path.GetRelativePath(folder, file.Path), firstParse.Result.Entries.Count, firstParse.Wall.TotalMilliseconds, best.Wall.TotalMilliseconds, best.Cpu.TotalMilliseconds,
                best.AllocatedMb, plain.Wall.TotalMilliseconds, plain.AllocatedMb, best.Cpu.TotalMilliseconds / Math.Max(0.001, plain.Cpu.TotalMilliseconds)]);
        }
        rows.Add(["all files (sum)", "", "", "", totalParse, "", "", "", totalParse / Math.Max(0.001, totalBaseline)]);
        BenchTable.Print($"Per file (parser alone, one thread; warm = best of {runs}; baseline = {BaselineName})",
            ["file", "entries", "first ms", "warm ms", "warm CPU ms", "alloc MB", "baseline ms", "baseline alloc MB", "CPU / baseline"], rows);
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
