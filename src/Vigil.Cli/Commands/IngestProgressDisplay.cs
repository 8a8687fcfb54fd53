using Spectre.Console;
using Vigil.Ingest;

namespace Vigil.Cli.Commands;

/// <summary>
/// Progress for long ingest runs: a live bar on a terminal, plain "done/known" lines (every
/// tenth of the way, at most once a second) when output goes to a file or a pipe.
/// </summary>
internal sealed class IngestProgressDisplay : IProgress<IngestProgress>, IDisposable
{
    private readonly TextWriter plain;
    private readonly bool interactive = !Console.IsErrorRedirected && AnsiConsole.Profile.Capabilities.Interactive;
    private DateTime lastLine = DateTime.MinValue;
    private int lastDone;

    public IngestProgressDisplay(TextWriter plain) => this.plain = plain;

    public void Report(IngestProgress value)
    {
        if (interactive)
        {
            var width = 30;
            var filled = value.Known == 0 ? 0 : (int)Math.Round(width * (double)value.Done / value.Known);
            var name = value.Current.Length > 40 ? "…" + value.Current[^39..] : value.Current;
            plain.Write($"\r[{new string('#', filled)}{new string('-', width - filled)}] {value.Done}/{value.Known} {name,-40}");
            if (value.Done >= value.Known) plain.WriteLine();
            return;
        }
        var step = Math.Max(1, value.Known / 10);
        if (value.Done == value.Known || (value.Done - lastDone >= step && DateTime.UtcNow - lastLine >= TimeSpan.FromSeconds(1)))
        {
            plain.WriteLine($"progress: {value.Done}/{value.Known} ({value.Current})");
            lastDone = value.Done;
            lastLine = DateTime.UtcNow;
        }
    }

    public void Dispose()
    {
    }
}
