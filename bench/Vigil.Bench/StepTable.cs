namespace Vigil.Bench;

/// <summary>
/// Rows of "step, CPU ms per item, allocated KB per item" for the step benches: each step runs
/// over every item (for some rounds) on the calling thread, timed with its CPU clock after a full
/// collection, and keeps nothing, so that the collector's work on the thread is the step's own.
/// </summary>
internal sealed class StepTable(int items, int rounds = 1)
{
    public List<object[]> Rows { get; } = [];

    public void Step(string name, Func<int, object?> work)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var a0 = GC.GetAllocatedBytesForCurrentThread();
        var t0 = ThreadCpu.Now();
        for (var r = 0; r < rounds; r++)
            for (var i = 0; i < items; i++) GC.KeepAlive(work(i));
        var cpu = ThreadCpu.Now() - t0;
        var count = (double)items * rounds;
        Rows.Add([name, cpu.TotalMilliseconds / count, (GC.GetAllocatedBytesForCurrentThread() - a0) / 1024.0 / count]);
    }
}
