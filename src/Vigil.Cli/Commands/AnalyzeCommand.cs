using System.CommandLine;
using Vigil.Ingest;
using Vigil.Pipeline;
using Vigil.Screening;

namespace Vigil.Cli.Commands;

/// <summary>
/// `vigil analyze [INPUTS...]`: ingest the inputs (files, folders, JSONL manifests), then analyse
/// everything stored — extraction, entity resolution, screening — and write the report.
/// With no inputs it re-analyses what is already stored.
/// </summary>
internal static class AnalyzeCommand
{
    public static Command Create()
    {
        var inputs = new Argument<string[]>("inputs") { Description = "Files, folders or JSONL manifests to ingest first.", Arity = ArgumentArity.ZeroOrMore };
        var db = CommonOptions.Db();
        var lists = CommonOptions.Lists();
        var format = ReportOutput.FormatOption();
        var output = ReportOutput.OutOption();
        var command = new Command("analyze", "Ingest inputs, analyse every stored document and write a report.") { inputs, db, lists, format, output };
        command.SetAction(parse => Run(parse.GetValue(inputs) ?? [], parse.GetValue(db)!, parse.GetValue(lists), parse.GetValue(format)!, parse.GetValue(output)));
        return command;
    }

    private static int Run(string[] inputs, string db, string? listsOption, string format, string? output)
    {
        var err = Console.Error;
        using var services = Services.Open(db, listsOption, err);
        if (services is null) return 2;

        if (inputs.Length > 0)
        {
            var batch = new Ingestor().Ingest(inputs);
            var outcome = services.Workflow.Store(batch);
            foreach (var p in outcome.Problems) err.WriteLine($"warning: {p.Input}: {p.Message}");
            err.WriteLine($"ingested {outcome.Added} new document(s), {outcome.AlreadyStored} already stored, {outcome.Problems.Count} problem(s)");
            // Non-zero only when nothing at all could be processed.
            if (batch.Documents.Count == 0)
            {
                err.WriteLine("error: none of the inputs could be read; nothing was analysed (see the warnings above).");
                return 1;
            }
        }

        var stored = services.Store.Count().Documents;
        if (stored == 0)
        {
            err.WriteLine($"error: the database '{db}' holds no documents yet. Give files or folders to ingest: vigil analyze ../shared/seeds");
            return 1;
        }

        var (result, suppressed) = ReviewCommand.Apply(services.Workflow.AnalyzeStored(), db,
            EntryFingerprint.Lookup(() => services.Lists.Entries));
        ReportOutput.Write(result, format, output);
        err.WriteLine($"analysed {result.Documents.Count} document(s): {result.Entities.Count} entities, " +
                      $"{result.Entities.Count(e => e.Sanctions.Count > 0)} with sanctions hits, {result.Claims.Count} claims, {result.Stories.Count} stories" +
                      (suppressed > 0 ? $" ({suppressed} hit(s) reviewed as false positives left out)" : "") +
                      (output is null ? "" : $"; report written to {output}"));
        return 0;
    }
}
