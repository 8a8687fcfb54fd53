using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Vigil.Model;
using Vigil.Model.Wire;
using Vigil.Screening;
using Vigil.Storage;
using Vigil.Storage.Reviews;

namespace Vigil.Cli.Commands;

/// <summary>
/// `vigil review add ENTITY LIST LIST_ID --verdict false_positive --reviewer NAME --note WHY` records a
/// reviewer's verdict on a sanctions hit; `vigil review trail` prints the audit trail. Reports from
/// `vigil analyze` and `vigil report` leave out hits marked false positive while the list entry is unchanged.
/// </summary>
internal static class ReviewCommand
{
    public static Command Create()
    {
        var command = new Command("review", "Record reviewers' verdicts on sanctions hits (false positive, confirmed, reopened) and show the audit trail.");
        command.Subcommands.Add(Add());
        command.Subcommands.Add(Trail());
        return command;
    }

    private static Command Add()
    {
        var entity = new Argument<string>("entity") { Description = "The entity's id, as the report gives it (entities[].id)." };
        var list = new Argument<string>("list") { Description = "The list of the hit (e.g. US-OFAC, UN-SC)." };
        var listId = new Argument<string>("list-id") { Description = "The list's own reference of the entry (e.g. KPi.033, an OFAC ent_num)." };
        var verdict = new Option<string>("--verdict") { Description = "false_positive, confirmed or reopened.", Required = true };
        verdict.AcceptOnlyFromAmong([.. ReviewVerdicts.All]);
        var reviewer = new Option<string>("--reviewer") { Description = "Who decides; kept in the audit trail.", Required = true };
        var note = new Option<string?>("--note") { Description = "Why (e.g. 'different person: born 1990 in Seoul')." };
        var db = CommonOptions.Db();
        var lists = CommonOptions.Lists();
        var command = new Command("add", "Record a verdict on one entity's hit.") { entity, list, listId, verdict, reviewer, note, db, lists };
        command.SetAction(parse =>
        {
            var err = Console.Error;
            try
            {
                using var store = StoreFactory.Open(parse.GetValue(db)!);
                store.Migrate();
                using var log = StoreFactory.OpenReviews(parse.GetValue(db)!);
                var input = new ReviewInput(parse.GetValue(entity)!, parse.GetValue(list)!, parse.GetValue(listId)!, parse.GetValue(verdict)!,
                    parse.GetValue(reviewer)!, parse.GetValue(note));
                var outcome = HitReviews.Record(log, store.LoadAnalysis(), input, CurrentEntries(parse.GetValue(lists), err), DateTimeOffset.UtcNow);
                if (outcome.Recorded is not { } review)
                {
                    err.WriteLine($"error: {outcome.Problem}" + (outcome.NotFound ? " Run `vigil report --format json` to see the stored entities and their hits." : ""));
                    return 1;
                }
                err.WriteLine(review.EntryFingerprint is null
                    ? $"recorded {review.Verdict} on {review.List} {review.ListId} for {review.EntityId}; warning: the entry is not in the loaded lists, so a later change to it cannot reopen the hit."
                    : $"recorded {review.Verdict} on {review.List} {review.ListId} for {review.EntityId}; it holds until the list changes that entry.");
                return 0;
            }
            catch (StoreException e)
            {
                err.WriteLine($"error: {e.Message}");
                return 2;
            }
        });
        return command;
    }

    private static Command Trail()
    {
        var entity = new Option<string?>("--entity") { Description = "Only this entity's reviews." };
        var format = new Option<string>("--format") { Description = "table or json.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var db = CommonOptions.Db();
        var command = new Command("trail", "Print every verdict, oldest first: who, when, which hit, why.") { entity, format, db };
        command.SetAction(parse =>
        {
            try
            {
                using var store = StoreFactory.Open(parse.GetValue(db)!);
                store.Migrate();
                using var log = StoreFactory.OpenReviews(parse.GetValue(db)!);
                var trail = log.History(parse.GetValue(entity));
                if (parse.GetValue(format) == "json")
                {
                    Console.WriteLine(JsonSerializer.Serialize(trail, WireFormat.Options));
                    return 0;
                }
                foreach (var r in trail)
                    Console.WriteLine(string.Join('\t', r.At.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                        r.Reviewer, r.EntityId, $"{r.List} {r.ListId}", r.Verdict, r.Note ?? ""));
                if (trail.Count == 0) Console.Error.WriteLine("no reviews recorded");
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

    /// <summary>The entries' fingerprints as the lists hold them now; the lists are read only if a lookup is made.</summary>
    internal static Func<string, string, string?> CurrentEntries(string? listsOption, TextWriter err) => EntryFingerprint.Lookup(() =>
    {
        var dir = ListSources.ResolveDirectory(listsOption);
        if (dir is null)
        {
            err.WriteLine("warning: no sanctions lists found, so reviews cannot be checked against the entries as listed now.");
            return [];
        }
        return ListLoader.Load(dir).Entries;
    });

    /// <summary>The analysis without the hits reviewers marked false positive (while their entries are unchanged), and how many were left out.</summary>
    internal static (AnalysisResult Analysis, int Suppressed) Apply(AnalysisResult analysis, string db, Func<string, string, string?> fingerprintOf)
    {
        using var log = StoreFactory.OpenReviews(db);
        var suppressed = log.Suppressed(null, fingerprintOf);
        var kept = HitReviews.WithoutSuppressed(analysis, suppressed);
        return (kept, analysis.Entities.Sum(e => e.Sanctions.Count) - kept.Entities.Sum(e => e.Sanctions.Count));
    }
}
