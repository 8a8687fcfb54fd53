using System.Diagnostics;
using System.Globalization;

namespace Vigil.Bench;

/// <summary>Timing and memory helpers shared by the throughput benchmarks, and a plain table printer.</summary>
public static class BenchTable
{
    public static (TimeSpan Elapsed, T Result) Time<T>(Func<T> work)
    {
        var sw = Stopwatch.StartNew();
        var result = work();
        return (sw.Elapsed, result);
    }

    public static double ManagedMegabytes()
    {
        GC.Collect(); GC.WaitForPendingFinalizers(); GC.Collect();
        return GC.GetTotalMemory(forceFullCollection: true) / 1024.0 / 1024.0;
    }

    public static double PeakWorkingSetMegabytes() => Process.GetCurrentProcess().PeakWorkingSet64 / 1024.0 / 1024.0;

    public static double Percentile(IReadOnlyList<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

    public static void Print(string title, string[] headers, IEnumerable<object[]> rows)
    {
        var cells = rows.Select(r => r.Select(Format).ToArray()).ToList();
        var widths = headers.Select((h, i) => Math.Max(h.Length, cells.Count == 0 ? 0 : cells.Max(r => r[i].Length))).ToArray();
        Console.WriteLine();
        Console.WriteLine(title);
        Console.WriteLine("| " + string.Join(" | ", headers.Select((h, i) => h.PadRight(widths[i]))) + " |");
        Console.WriteLine("|" + string.Join("|", widths.Select(w => new string('-', w + 2))) + "|");
        foreach (var r in cells) Console.WriteLine("| " + string.Join(" | ", r.Select((c, i) => c.PadRight(widths[i]))) + " |");
    }

    private static string Format(object o) => o switch
    {
        double d => d.ToString(d >= 100 ? "0" : "0.###", CultureInfo.InvariantCulture),
        float f => f.ToString("0.###", CultureInfo.InvariantCulture),
        TimeSpan t => t.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " s",
        _ => Convert.ToString(o, CultureInfo.InvariantCulture) ?? "",
    };
}
