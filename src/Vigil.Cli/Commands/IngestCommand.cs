using System.CommandLine;
using Vigil.Ingest;
using Vigil.Pipeline;
using Vigil.Storage;

namespace Vigil.Cli.Commands;

/// <summary>`vigil ingest INPUTS...`: read, clean and store documents without analysing them yet.</summary>
internal static class IngestCommand
{
    public static Command Create()
    {
        var inputs = new Argument<string[]>("inputs") { Description = "Files, folders or JSONL manifests.", Arity = ArgumentArity.OneOrMore };
        var db = CommonOptions.Db();
        var command = new Command("ingest", "Read, clean and store documents (a document already stored is skipped).") { inputs, db };
        command.SetAction(parse =>
        {
            var err = Console.Error;
            IStore store;
            try
            {
                store = StoreFactory.Open(parse.GetValue(db)!);
                store.Migrate();
            }
            catch (StoreException e)
            {
                err.WriteLine($"error: {e.Message}");
                return 2;
            }
            using (store)
            {
                var batch = new Ingestor().Ingest(parse.GetValue(inputs)!);
                var (added, known) = store.AddDocuments(batch.Documents);
                foreach (var p in batch.Problems) err.WriteLine($"warning: {p.Input}: {p.Message}");
                foreach (var d in batch.Documents) Console.WriteLine($"{d.Id}\t{d.Lang ?? "?"}\t{d.Chars}\t{d.Title}");
                err.WriteLine($"ingested {added} new document(s), {known} already stored, {batch.Problems.Count} problem(s)");
                return batch.Documents.Count == 0 ? 1 : 0;
            }
        });
        return command;
    }
}
