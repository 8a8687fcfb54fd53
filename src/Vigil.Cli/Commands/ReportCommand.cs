using System.CommandLine;
using Vigil.Reporting;
using Vigil.Storage;

namespace Vigil.Cli.Commands;

/// <summary>`vigil report --format html|md|json`: the stored analysis as a report, without analysing again.</summary>
internal static class ReportCommand
{
    public static Command Create()
    {
        var db = CommonOptions.Db();
        var format = ReportOutput.FormatOption();
        var output = ReportOutput.OutOption();
        var lists = CommonOptions.Lists();
        var command = new Command("report", "Write a report of the last stored analysis (hits reviewed as false positives left out).") { db, format, output, lists };
        command.SetAction(parse =>
        {
            try
            {
                using var store = StoreFactory.Open(parse.GetValue(db)!);
                store.Migrate();
                var analysis = store.LoadAnalysis();
                if (analysis.Documents.Count == 0)
                {
                    Console.Error.WriteLine($"error: the database '{parse.GetValue(db)}' holds no documents yet. Run `vigil analyze FILES...` first.");
                    return 1;
                }
                var (reviewed, suppressed) = ReviewCommand.Apply(analysis, parse.GetValue(db)!, ReviewCommand.CurrentEntries(parse.GetValue(lists), Console.Error));
                ReportOutput.Write(reviewed, parse.GetValue(format)!, parse.GetValue(output));
                if (suppressed > 0) Console.Error.WriteLine($"{suppressed} hit(s) left out: reviewed as false positives (vigil review trail)");
                return 0;
            }
            catch (StoreException e)
            {
                Console.Error.WriteLine($"error: {e.Message}");
                return 2;
            }
        });
        return command;
    }
}
