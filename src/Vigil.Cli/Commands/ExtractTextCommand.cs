using System.CommandLine;
using Vigil.Ingest;

namespace Vigil.Cli.Commands;

/// <summary>`vigil extract-text FILE|URL`: the cleaned main text exactly as Vigil would store it.</summary>
internal static class ExtractTextCommand
{
    public static Command Create()
    {
        var input = new Argument<string>("input") { Description = "A file (HTML, text, PDF) or an http(s) URL." };
        var meta = new Option<bool>("--meta") { Description = "Print title, language, date and outlet before the text." };
        var command = new Command("extract-text", "Print the cleaned main text of a page, PDF or text file (boilerplate removed).") { input, meta };
        command.SetAction(parse =>
        {
            var source = parse.GetValue(input)!;
            using var web = ContentReader.IsUrl(source) ? new WebFetcher() : null;
            var batch = new Ingestor(new IngestOptions { Web = web }).Ingest([source]);
            foreach (var p in batch.Problems) Console.Error.WriteLine($"{p.Input}: {p.Message}");
            if (batch.Documents.Count == 0) return 1;
            foreach (var doc in batch.Documents)
            {
                if (parse.GetValue(meta))
                {
                    Console.WriteLine($"title: {doc.Title}");
                    Console.WriteLine($"lang: {doc.Lang}");
                    Console.WriteLine($"published: {doc.Published?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)}");
                    Console.WriteLine($"outlet: {doc.Outlet}");
                    Console.WriteLine($"id: {doc.Id}");
                    Console.WriteLine();
                }
                Console.WriteLine(doc.Text);
            }
            return 0;
        });
        return command;
    }
}
