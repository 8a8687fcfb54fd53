using System.CommandLine;
using System.Globalization;
using Vigil.Storage;

namespace Vigil.Cli.Commands;

/// <summary>`vigil status`: what is stored, what is queued or failing, and how old the lists are.</summary>
internal static class StatusCommand
{
    public static Command Create()
    {
        var db = CommonOptions.Db();
        var lists = CommonOptions.Lists();
        var command = new Command("status", "Show stored documents, the ingest queue (depth and failures) and the age of the sanctions lists.") { db, lists };
        command.SetAction(parse =>
        {
            var err = Console.Error;
            using var workbench = Services.Open(parse.GetValue(db)!, parse.GetValue(lists), err);
            if (workbench is null) return 2;
            var counts = workbench.Store.Count();
            Console.WriteLine($"documents: {counts.Documents}  entities: {counts.Entities}  hits: {counts.Hits}  claims: {counts.Claims}  stories: {counts.Stories}");
            try
            {
                var q = IngestQueue.For(workbench.Store).Status();
                Console.WriteLine($"queue: {q.Pending} pending, {q.Failed} failed ({q.GivenUp} given up after repeated failures), {q.Done} done");
                foreach (var f in q.Failures)
                    Console.WriteLine($"  failed x{f.Attempts}: {f.Source}: {f.LastError}");
            }
            catch (StoreException e)
            {
                Console.WriteLine($"queue: not available ({e.Message})");
            }
            var today = DateTime.UtcNow.Date;
            foreach (var list in workbench.Lists.Lists)
            {
                var age = File.Exists(list.File) ? $"file {(today - File.GetLastWriteTimeUtc(list.File).Date).TotalDays:0} day(s) old" : "file missing";
                var published = list.Published is null ? "publication date unknown" : $"published {list.Published}";
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"list {list.List}: {list.Count} entries, {published}, {age} ({list.File})"));
            }
            if (workbench.Lists.Lists.Count == 0) Console.WriteLine("lists: none loaded");
            return 0;
        });
        return command;
    }
}
