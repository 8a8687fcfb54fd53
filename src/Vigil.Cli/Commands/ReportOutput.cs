using System.CommandLine;
using System.Text;
using Vigil.Model;
using Vigil.Reporting;

namespace Vigil.Cli.Commands;

/// <summary>The --format/--out pair that report-writing commands share, and writing the file safely.</summary>
internal static class ReportOutput
{
    public static Option<string> FormatOption()
    {
        var format = new Option<string>("--format") { Description = "Report format: " + string.Join(", ", ReportWriters.All.Select(w => w.Format)) + ".", DefaultValueFactory = _ => "json" };
        format.AcceptOnlyFromAmong([.. ReportWriters.All.Select(w => w.Format)]);
        return format;
    }

    public static Option<string?> OutOption() => new("--out") { Description = "Report file (default: standard output)." };

    public static void Write(AnalysisResult result, string format, string? output)
    {
        var writer = ReportWriters.Find(format)!;
        if (output is null)
        {
            writer.Write(result, Console.Out);
            return;
        }
        var full = Path.GetFullPath(output);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        // Write beside, then move: a crash never leaves half a report where the old one was.
        var temp = full + ".tmp";
        using (var file = new StreamWriter(temp, append: false, new UTF8Encoding(false))) writer.Write(result, file);
        File.Move(temp, full, overwrite: true);
    }
}
