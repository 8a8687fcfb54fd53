using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using Vigil.Screening;

namespace Vigil.Cli.Commands;

/// <summary>`vigil lists update [--from DIR]` fills the lists cache; `vigil lists status` shows what is loaded.</summary>
internal static class ListsCommand
{
    public static Command Create()
    {
        var command = new Command("lists", "Download the official sanctions lists into the cache, or show what is loaded.");
        var from = new Option<string?>("--from") { Description = "Copy list files from this folder instead of downloading (offline)." };
        var cache = new Option<string?>("--cache") { Description = $"Cache folder (default {ListSources.CacheDirectory})." };
        var update = new Command("update", "Fetch every official list (conditional requests; each file verified; the previous good copy kept on failure).") { from, cache };
        update.SetAction(parse => Update(parse.GetValue(from), parse.GetValue(cache) ?? ListSources.CacheDirectory));
        var lists = CommonOptions.Lists();
        var status = new Command("status", "Each loaded list's date, entry count, age and source.") { lists };
        status.SetAction(parse => Status(parse.GetValue(lists)));
        command.Subcommands.Add(update);
        command.Subcommands.Add(status);
        return command;
    }

    private static int Update(string? from, string cacheDirectory)
    {
        var err = Console.Error;
        Directory.CreateDirectory(cacheDirectory);
        IReadOnlyList<ListUpdateOutcome> outcomes;
        if (from is not null)
        {
            try { outcomes = new ListUpdater(new HttpClient(), cacheDirectory).UpdateFrom(from); }
            catch (DirectoryNotFoundException e) { err.WriteLine($"error: {e.Message}"); return 2; }
        }
        else
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(5) };
            http.DefaultRequestHeaders.UserAgent.ParseAdd("Vigil/1.0 (+sanctions list update)");
            outcomes = new ListUpdater(http, cacheDirectory).UpdateAsync(ListUpdater.OfficialSources).GetAwaiter().GetResult();
        }
        foreach (var o in outcomes) Console.WriteLine($"{o.Status,-9} {o.Source.Name}: {o.Message}");
        var failed = outcomes.Count(o => o.Status == "failed");
        err.WriteLine($"{outcomes.Count(o => o.Status == "updated")} updated, {outcomes.Count(o => o.Status == "unchanged")} unchanged, {failed} failed; cache: {cacheDirectory}");
        return failed > 0 && failed == outcomes.Count ? 1 : 0;
    }

    private static int Status(string? listsOption)
    {
        var err = Console.Error;
        string? directory;
        try { directory = ListSources.ResolveDirectory(listsOption); }
        catch (DirectoryNotFoundException e) { err.WriteLine($"error: {e.Message}"); return 2; }
        if (directory is null)
        {
            err.WriteLine($"No sanctions lists found. Run `vigil lists update`, or give --lists DIR / set {ListSources.EnvironmentVariable}.");
            return 1;
        }
        var loaded = ListLoader.Load(directory);
        var table = new Table().Title($"Lists in {Markup.Escape(directory)}").AddColumns("list", "entries", "date", "age (days)", "source");
        var today = DateTime.UtcNow.Date;
        foreach (var l in loaded.Lists)
        {
            var provenance = ListUpdater.Provenance(directory, l.File);
            var date = l.Published?.ToString() ?? File.GetLastWriteTimeUtc(l.File).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + " (file)";
            var age = l.Published is { } p ? (today - p.Value.ToDateTimeUnspecified()).Days : (today - File.GetLastWriteTimeUtc(l.File).Date).Days;
            var source = provenance is { } pr ? $"{pr.Url} (fetched {pr.FetchedAt:yyyy-MM-dd})" : l.File;
            table.AddRow(Markup.Escape(l.List), l.Count.ToString(CultureInfo.InvariantCulture), Markup.Escape(date), age.ToString(CultureInfo.InvariantCulture), Markup.Escape(source));
        }
        AnsiConsole.Write(table);
        foreach (var p in loaded.Problems) err.WriteLine($"warning: {p.File}: {p.Message}");
        return 0;
    }
}
