using System.CommandLine;
using Vigil.Analysis;
using Vigil.Reporting;
using Vigil.Storage;

namespace Vigil.Cli.Commands;

/// <summary>`vigil export --format ftm`: the stored analysis as FollowTheMoney JSON lines (or any report format).</summary>
internal static class ExportCommand
{
    public static Command Create()
    {
        var format = new Option<string>("--format") { Description = "ftm (FollowTheMoney JSON lines), json, md or html.", DefaultValueFactory = _ => "ftm" };
        var output = new Option<string?>("--out") { Description = "File to write (default: standard output)." };
        var db = CommonOptions.Db();
        var command = new Command("export", "Write the stored analysis in an interchange format (FtM JSON lines load into Aleph and OpenSanctions tools).") { format, output, db };
        command.SetAction(parse =>
        {
            var name = parse.GetValue(format)!;
            var writer = ReportWriters.Find(name);
            if (writer is null)
            {
                Console.Error.WriteLine($"Unknown export format '{name}'. Use one of: {string.Join(", ", ReportWriters.All.Select(w => w.Format))}.");
                return 2;
            }
            try
            {
                using var store = StoreFactory.Open(parse.GetValue(db)!);
                store.Migrate();
                var analysis = Analyzer.WithDefaultProvisions().Complete(store.LoadAnalysis());
                var path = parse.GetValue(output);
                if (path is null)
                {
                    writer.Write(analysis, Console.Out);
                    Console.Out.Flush();
                    return 0;
                }
                using (var target = new StreamWriter(path)) writer.Write(analysis, target);
                Console.Error.WriteLine($"Wrote {analysis.Documents.Count} documents, {analysis.Entities.Count} entities, {analysis.Claims.Count} claims, {analysis.Stories.Count} stories to {path}");
                return 0;
            }
            catch (Exception e) when (e is StoreException or IOException or UnauthorizedAccessException or InvalidDataException)
            {
                Console.Error.WriteLine($"Export failed: {e.Message}");
                return 1;
            }
        });
        return command;
    }
}
