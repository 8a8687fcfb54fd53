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
        var command = new Command("report", "Write a report of the last stored analysis.") { db, format, output };
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
                ReportOutput.Write(analysis, parse.GetValue(format)!, parse.GetValue(output));
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
