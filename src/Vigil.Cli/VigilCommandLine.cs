using System.CommandLine;
using Vigil.Cli.Commands;

namespace Vigil.Cli;

/// <summary>The `vigil` command tree. Tests build it too, so they run exactly what a user runs.</summary>
public static class VigilCommandLine
{
    public static RootCommand Build()
    {
        var root = new RootCommand("Vigil: a sanctions-monitoring workbench for multilingual open-source reporting.");
        // One file per command under Commands/; each registers here with one line.
        root.Subcommands.Add(IngestCommand.Create());
        root.Subcommands.Add(AnalyzeCommand.Create());
        root.Subcommands.Add(ReportCommand.Create());
        root.Subcommands.Add(EvalCommand.Create());
        root.Subcommands.Add(ScreenCommand.Create());
        root.Subcommands.Add(ListsCommand.Create());
        root.Subcommands.Add(TrainCommand.Create());
        root.Subcommands.Add(ExtractTextCommand.Create());
        root.Subcommands.Add(ExportCommand.Create());
        root.Subcommands.Add(ImportCommand.Create());
        root.Subcommands.Add(ServeCommand.Create());
        root.Subcommands.Add(WorkerCommand.Create());
        root.Subcommands.Add(WatchCommand.Create());
        root.Subcommands.Add(StatusCommand.Create());
        root.Subcommands.Add(ReviewCommand.Create());
        return root;
    }
}
