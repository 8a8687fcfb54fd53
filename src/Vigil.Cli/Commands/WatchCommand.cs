using System.CommandLine;
using Vigil.Pipeline;

namespace Vigil.Cli.Commands;

/// <summary>`vigil watch SOURCES...`: poll feeds and folders, ingest what is new, analyse, alert once per finding.</summary>
internal static class WatchCommand
{
    public static Command Create()
    {
        var sources = new Argument<string[]>("sources") { Description = "Folders, feed URLs or files, page URLs, or a .txt file listing them one per line.", Arity = ArgumentArity.OneOrMore };
        var interval = new Option<int>("--interval") { Description = "Seconds between polls.", DefaultValueFactory = _ => 300 };
        var once = new Option<bool>("--once") { Description = "Poll once, process the queue, alert, and exit." };
        var entities = new Option<string[]>("--entity") { Description = "Watched entity name (repeatable): alert on new claims that involve it.", AllowMultipleArgumentsPerToken = true };
        var jsonl = new Option<string?>("--alerts") { Description = "Also append alerts as JSON lines to this file." };
        var webhook = new Option<string?>("--webhook") { Description = "Also POST each alert as JSON to this URL." };
        var db = CommonOptions.Db();
        var lists = CommonOptions.Lists();
        var command = new Command("watch", "Keep polling feeds and folders; ingest new items, analyse, and alert on new sanctions hits and claims about watched entities.")
        {
            sources, interval, once, entities, jsonl, webhook, db, lists,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var err = Console.Error;
            using var workbench = Services.Open(parse.GetValue(db)!, parse.GetValue(lists), err);
            if (workbench is null) return Task.FromResult(2);
            var sinks = new List<IAlertSink> { new ConsoleAlertSink(Console.Out) };
            if (parse.GetValue(jsonl) is { } file) sinks.Add(new JsonLinesAlertSink(file));
            if (parse.GetValue(webhook) is { } url) sinks.Add(new WebhookAlertSink(url, err));
            using var progress = new IngestProgressDisplay(err);
            var watcher = new Watcher(workbench, Watcher.ExpandSources(parse.GetValue(sources)!), parse.GetValue(entities) ?? [], sinks, err, progress: progress);
            if (parse.GetValue(once))
            {
                var cycle = watcher.RunOnce(cancellationToken);
                err.WriteLine($"watch: {cycle.Discovered} new item(s), {cycle.Ingested} document(s) stored, {cycle.Failed} failed, {cycle.Alerts} alert(s)");
                return Task.FromResult(0);
            }
            err.WriteLine($"watching {string.Join(", ", parse.GetValue(sources)!)} every {parse.GetValue(interval)} s; Ctrl+C stops (nothing committed is lost)");
            watcher.Run(TimeSpan.FromSeconds(Math.Max(1, parse.GetValue(interval))), cancellationToken);
            return Task.FromResult(0);
        });
        return command;
    }
}
