using System.CommandLine;
using Vigil.Reporting.Ftm;
using Vigil.Storage;

namespace Vigil.Cli.Commands;

/// <summary>
/// `vigil import --format ftm FILE`: reads FollowTheMoney JSON lines (Vigil's own exports
/// losslessly, other FtM data as far as Vigil models it), adds the documents and replaces the
/// stored analysis with the imported one.
/// </summary>
internal static class ImportCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "FtM JSON lines file (- for standard input)." };
        var format = new Option<string>("--format") { Description = "Input format: ftm.", DefaultValueFactory = _ => "ftm" };
        var db = CommonOptions.Db();
        var command = new Command("import", "Read FollowTheMoney JSON lines into the store (documents, entities, mentions, sanctions, claims, stories).") { file, format, db };
        command.SetAction(parse =>
        {
            if (!string.Equals(parse.GetValue(format), "ftm", StringComparison.OrdinalIgnoreCase))
            {
                Console.Error.WriteLine($"Unknown import format '{parse.GetValue(format)}'. Only ftm (FollowTheMoney JSON lines) can be imported.");
                return 2;
            }
            var path = parse.GetValue(file)!;
            if (path != "-" && !File.Exists(path))
            {
                Console.Error.WriteLine($"The file {path} does not exist. Give the path of an FtM JSON lines file, or - to read standard input.");
                return 2;
            }
            try
            {
                using var reader = path == "-" ? Console.In : new StreamReader(path);
                var imported = FtmReader.Read(reader, path);
                using var store = StoreFactory.Open(parse.GetValue(db)!);
                store.Migrate();
                var added = imported.Analysis.Documents.Count(store.AddDocument);
                store.SaveAnalysis(imported.Analysis);
                var a = imported.Analysis;
                Console.WriteLine($"Imported {a.Documents.Count} documents ({added} new), {a.Entities.Count} entities, {a.Entities.Sum(e => e.Mentions.Count)} mentions, " +
                                  $"{a.Entities.Sum(e => e.Sanctions.Count)} sanctions, {a.Claims.Count} claims, {a.Stories.Count} stories from {path}.");
                foreach (var p in imported.Problems) Console.Error.WriteLine(p.Line > 0 ? $"{path}, line {p.Line}: {p.Message}" : $"{path}: {p.Message}");
                return 0;
            }
            catch (Exception e) when (e is InvalidDataException or StoreException or IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"Import failed: {e.Message}");
                return 1;
            }
        });
        return command;
    }
}
