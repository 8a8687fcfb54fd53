using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Vigil.Evaluation;
using Vigil.Ingest;
using Vigil.Pipeline;
using Vigil.Storage;
using Vigil.Tests.Ingest;
using Vigil.Tests.TestSupport;

namespace Vigil.Tests.Pipeline;

public class WatcherTests
{
    private static string Article(int n) =>
        $"Report number {n} on the port of Rajin\n\nSatellite images taken on day {n} show a cargo ship loading containers at the port of Rajin, analysts said on Monday.\nThe vessel left the harbour two days later and was seen again off Vostochny, according to the same analysts, who asked not to be named in report {n}.";

    private static Workbench Open(TempFolder tmp) =>
        Workbench.Open(new WorkbenchOptions(Path.Combine(tmp.Path, "vigil.db"), tmp.Folder("no-lists")));

    private static Workbench Open(TempFolder tmp, TestDatabase db) => Workbench.Open(new WorkbenchOptions(db.Db, tmp.Folder("no-lists")));

    [Theory, SqliteBackend, PostgresBackend]
    public void A_watched_folder_yields_only_the_files_added_since_the_last_poll(DbBackend backend)
    {
        using var tmp = new TempFolder();
        var inbox = tmp.Folder("inbox");
        File.WriteAllText(Path.Combine(inbox, "1.txt"), Article(1));
        using var db = TestDatabase.Create(backend);
        using var workbench = Open(tmp, db);
        var watcher = new Watcher(workbench, [inbox], [], [], TextWriter.Null);

        var first = watcher.RunOnce();
        File.WriteAllText(Path.Combine(inbox, "2.txt"), Article(2));
        var second = watcher.RunOnce();
        var third = watcher.RunOnce();

        Assert.Equal((1, 1), (first.Discovered, first.Ingested));
        Assert.Equal((1, 1), (second.Discovered, second.Ingested));
        Assert.Equal((0, 0), (third.Discovered, third.Ingested));
        Assert.Equal(2, workbench.Store.Count().Documents);
    }

    [Theory, SqliteBackend, PostgresBackend]
    public void A_feed_with_new_and_already_seen_items_ingests_only_the_new_ones(DbBackend backend)
    {
        var items = 2;
        string? baseUrl = null;
        using var server = new LocalServer(ctx =>
        {
            var path = ctx.Request.Url!.AbsolutePath.Trim('/');
            if (path == "feed")
            {
                var entries = string.Concat(Enumerable.Range(1, items).Select(i =>
                    $"<item><title>Item {i}</title><link>{baseUrl}a{i}</link><pubDate>Wed, 19 Jun 2024 08:00:00 GMT</pubDate></item>"));
                return LocalServer.Send(ctx, $"<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Wire</title>{entries}</channel></rss>", "application/rss+xml");
            }
            return LocalServer.Send(ctx, $"<html><body><article><p>{Article(int.Parse(path[1..], System.Globalization.CultureInfo.InvariantCulture)).Replace("\n", "</p><p>")}</p></article></body></html>");
        });
        baseUrl = server.BaseUrl;
        using var tmp = new TempFolder();
        using var db = TestDatabase.Create(backend);
        using var workbench = Open(tmp, db);
        using var web = new WebFetcher(new WebFetcherOptions { Timeout = TimeSpan.FromSeconds(5) });
        var watcher = new Watcher(workbench, [server.Url("feed")], [], [], TextWriter.Null, web);

        var first = watcher.RunOnce();
        items = 3;
        var second = watcher.RunOnce();

        Assert.Equal((2, 2), (first.Discovered, first.Ingested));
        Assert.Equal((1, 1), (second.Discovered, second.Ingested));
        var stored = workbench.Store.GetDocuments();
        Assert.Equal(3, stored.Count);
        Assert.Contains(stored, d => d.Title == "Item 3" && d.Outlet == "Wire");
    }

    [Theory, SqliteBackend, PostgresBackend]
    public void A_failed_item_is_recorded_with_its_reason_and_not_retried_at_once(DbBackend backend)
    {
        using var tmp = new TempFolder();
        var inbox = tmp.Folder("inbox");
        File.WriteAllBytes(Path.Combine(inbox, "empty.txt"), []);
        File.WriteAllText(Path.Combine(inbox, "good.txt"), Article(7));
        using var db = TestDatabase.Create(backend);
        using var workbench = Open(tmp, db);
        var watcher = new Watcher(workbench, [inbox], [], [], TextWriter.Null);

        var first = watcher.RunOnce();
        var second = watcher.RunOnce();

        Assert.Equal(1, first.Failed);
        Assert.Equal(0, second.Failed);
        var status = watcher.Queue.Status();
        Assert.Equal(1, status.Failed);
        var failure = Assert.Single(status.Failures);
        Assert.EndsWith("empty.txt", failure.Source, StringComparison.Ordinal);
        Assert.Contains("empty", failure.LastError, StringComparison.Ordinal);
        Assert.Equal(1, failure.Attempts);
    }

    [Fact]
    public void Sanctions_hits_on_the_seeds_are_alerted_once_across_polls_and_restarts()
    {
        using var tmp = new TempFolder();
        var alerts = Path.Combine(tmp.Path, "alerts.jsonl");
        var db = Path.Combine(tmp.Path, "vigil.db");
        int first, again;
        using (var workbench = Workbench.Open(new WorkbenchOptions(db)))
        {
            var watcher = new Watcher(workbench, [SharedData.Path("seeds")], [], [new JsonLinesAlertSink(alerts)], TextWriter.Null);
            first = watcher.RunOnce().Alerts;
            again = watcher.RunOnce().Alerts;
        }
        int afterRestart;
        using (var workbench = Workbench.Open(new WorkbenchOptions(db)))
            afterRestart = new Watcher(workbench, [SharedData.Path("seeds")], [], [new JsonLinesAlertSink(alerts)], TextWriter.Null).RunOnce().Alerts;

        Assert.True(first > 0);
        Assert.Equal(0, again);
        Assert.Equal(0, afterRestart);
        var lines = File.ReadAllLines(alerts);
        Assert.Equal(first, lines.Length);
        Assert.Contains(lines, l => l.Contains("\"sanctions_hit\"", StringComparison.Ordinal) && l.Contains("Kim Jong", StringComparison.Ordinal));
    }

    [Fact]
    public void A_process_killed_mid_ingest_loses_nothing_and_resumes_without_duplicates()
    {
        using var tmp = new TempFolder();
        var inbox = tmp.Folder("inbox");
        const int files = 400;
        for (var i = 0; i < files; i++) File.WriteAllText(Path.Combine(inbox, $"{i:D4}.txt"), Article(i));
        var db = Path.Combine(tmp.Path, "vigil.db");
        var lists = tmp.Folder("no-lists");
        string[] args = ["watch", inbox, "--once", "--db", db, "--lists", lists];

        using (var victim = StartVigil(args))
        {
            var sw = Stopwatch.StartNew();
            while (CountDocuments(db) < 5 && sw.Elapsed < TimeSpan.FromSeconds(60) && !victim.HasExited) Thread.Sleep(20);
            Assert.False(victim.HasExited, "the ingest finished before it could be killed; make the batch larger");
            victim.Kill(entireProcessTree: true);
            victim.WaitForExit();
        }
        var partial = CountDocuments(db);
        Assert.InRange(partial, 5, files - 1);

        using (var resumed = StartVigil(args))
        {
            Assert.True(resumed.WaitForExit(TimeSpan.FromMinutes(3)));
            Assert.Equal(0, resumed.ExitCode);
        }

        using var c = new SqliteConnection($"Data Source={db}");
        c.Open();
        Assert.Equal(files, Scalar(c, "SELECT COUNT(*) FROM documents"));
        Assert.Equal(files, Scalar(c, "SELECT COUNT(DISTINCT content_hash) FROM documents"));
        Assert.Equal(files, Scalar(c, "SELECT COUNT(*) FROM ingest_items WHERE state = 'done'"));
    }

    private static Process StartVigil(string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "vigil.dll"));
        foreach (var a in args) psi.ArgumentList.Add(a);
        var p = Process.Start(psi)!;
        p.OutputDataReceived += (_, _) => { };
        p.ErrorDataReceived += (_, _) => { };
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        return p;
    }

    private static long CountDocuments(string db)
    {
        if (!File.Exists(db)) return 0;
        try
        {
            using var c = new SqliteConnection($"Data Source={db};Mode=ReadOnly;Pooling=False");
            c.Open();
            return Scalar(c, "SELECT COUNT(*) FROM documents");
        }
        catch (SqliteException)
        {
            return 0;
        }
    }

    private static long Scalar(SqliteConnection c, string sql)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToInt64(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
