using System.CommandLine;
using System.Globalization;
using System.Text;
using Spectre.Console;
using Vigil.Evaluation;

namespace Vigil.Cli.Commands;

/// <summary>`vigil eval SUITE`: accuracy on the shared evaluation sets, written to docs/accuracy.md.</summary>
internal static class EvalCommand
{
    public static Command Create()
    {
        var suiteArg = new Argument<string?>("suite") { Description = "Suite to run; omit to list them.", Arity = ArgumentArity.ZeroOrOne };
        var docsOption = new Option<string?>("--write") { Description = "Markdown file to record the figures in (default: docs/accuracy.md when it exists beside the repository)." };
        var command = new Command("eval", "Measure accuracy on the shared evaluation sets (precision, recall, F1 beside a baseline).") { suiteArg, docsOption };
        command.SetAction(parse =>
        {
            var name = parse.GetValue(suiteArg);
            if (string.IsNullOrEmpty(name))
            {
                foreach (var s in EvalSuites.All()) Console.WriteLine($"{s.Name,-16} {s.Description}");
                return 0;
            }
            var suite = EvalSuites.Find(name);
            if (suite is null)
            {
                Console.Error.WriteLine($"No evaluation suite named '{name}'. Known suites: {string.Join(", ", EvalSuites.All().Select(s => s.Name))}.");
                return 2;
            }
            var shared = SharedData.TryFindRoot();
            if (shared is null)
            {
                Console.Error.WriteLine($"The shared evaluation data was not found: put it beside the repository as ../shared or set {SharedData.EnvironmentVariable}.");
                return 2;
            }
            var report = suite.Run(new EvalContext(shared, Console.Error));
            Print(report);
            var target = parse.GetValue(docsOption) ?? DefaultAccuracyFile();
            if (target is not null)
            {
                AccuracyDocument.Update(target, report, $"vigil eval {suite.Name}");
                Console.Error.WriteLine($"Recorded in {target}");
            }
            return 0;
        });
        return command;
    }

    private static void Print(EvalReport report)
    {
        var table = new Table().Title($"{report.Suite}: {report.Dataset}");
        foreach (var h in new[] { "system", "precision", "recall", "F1", "support", "time" }) table.AddColumn(h);
        foreach (var s in report.Scores)
            table.AddRow(Markup.Escape(s.System), F(s.Precision), F(s.Recall), F(s.F1), s.Support.ToString(CultureInfo.InvariantCulture), $"{s.Elapsed.TotalSeconds:F2} s");
        AnsiConsole.Write(table);
        foreach (var s in report.Scores.Where(s => s.Extra is { Count: > 0 }))
            foreach (var (k, v) in s.Extra!) Console.WriteLine($"{s.System}: {k} = {v.ToString("0.####", CultureInfo.InvariantCulture)}");
        foreach (var n in report.Notes) Console.WriteLine(n);
    }

    private static string F(double v) => v.ToString("0.000", CultureInfo.InvariantCulture);

    private static string? DefaultAccuracyFile()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Vigil.slnx"))) return Path.Combine(dir.FullName, "docs", "accuracy.md");
        return null;
    }
}

/// <summary>Keeps one section per suite in docs/accuracy.md, replaced on each run.</summary>
internal static class AccuracyDocument
{
    public static void Update(string path, EvalReport report, string commandLine)
    {
        var begin = $"<!-- suite:{report.Suite} -->";
        var end = $"<!-- /suite:{report.Suite} -->";
        var section = new StringBuilder();
        section.AppendLine(begin);
        section.AppendLine($"## {report.Suite}: {report.Dataset}");
        section.AppendLine();
        section.AppendLine($"Command: `{commandLine}` (run {DateTime.UtcNow:yyyy-MM-dd}).");
        section.AppendLine();
        section.AppendLine("| system | precision | recall | F1 | support | time |");
        section.AppendLine("|---|---|---|---|---|---|");
        foreach (var s in report.Scores)
            section.AppendLine(string.Create(CultureInfo.InvariantCulture, $"| {s.System} | {s.Precision:0.000} | {s.Recall:0.000} | {s.F1:0.000} | {s.Support} | {s.Elapsed.TotalSeconds:F2} s |"));
        foreach (var s in report.Scores.Where(s => s.Extra is { Count: > 0 }))
        {
            section.AppendLine();
            foreach (var (k, v) in s.Extra!) section.AppendLine(string.Create(CultureInfo.InvariantCulture, $"- {s.System}: {k} = {v:0.####}"));
        }
        if (report.Notes.Count > 0)
        {
            section.AppendLine();
            foreach (var n in report.Notes) section.AppendLine($"- {n}");
        }
        section.Append(end);

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var text = File.Exists(path) ? File.ReadAllText(path) : "# Accuracy\n\nFigures measured by `vigil eval` on the shared evaluation sets, as measured.\n";
        var i = text.IndexOf(begin, StringComparison.Ordinal);
        var j = text.IndexOf(end, StringComparison.Ordinal);
        text = i >= 0 && j > i
            ? text[..i] + section + text[(j + end.Length)..]
            : text.TrimEnd() + "\n\n" + section + "\n";
        File.WriteAllText(path, text);
    }
}
