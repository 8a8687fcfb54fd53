using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Vigil.Bench;

/// <summary>
/// The calling thread's CPU time (Linux clock_gettime CLOCK_THREAD_CPUTIME_ID; elsewhere the process's):
/// per-step and per-query costs that hold on a loaded machine, where wall time includes waiting for a core.
/// </summary>
internal static class ThreadCpu
{
    private const int ClockThreadCpuTime = 3;

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec time);

    public static TimeSpan Now()
    {
        if (!OperatingSystem.IsLinux() || ClockGetTime(ClockThreadCpuTime, out var t) != 0)
            return Process.GetCurrentProcess().TotalProcessorTime;
        return TimeSpan.FromTicks(t.Seconds * TimeSpan.TicksPerSecond + t.Nanoseconds / 100);
    }

    public static double Milliseconds() => Now().TotalMilliseconds;
}
