using Vigil.Model;
using Vigil.Screening;
using Vigil.Storage;
using Vigil.Storage.Reviews;
using Vigil.Tests.TestSupport;

namespace Vigil.Tests.Storage.Reviews;

/// <summary>The review trail on both backends: a false positive holds while the list entry is the one the reviewer saw.</summary>
public sealed class ReviewLogTests
{
    private static readonly ListEntry Entry = new()
    {
        List = "US-OFAC", ListId = "20193", Schema = EntitySchema.Person, Name = "KIM, Song", Programs = ["DPRK2"],
    };

    private static HitReview Review(string verdict, DateTimeOffset at, string? fingerprint, string reviewer = "Ana") =>
        new(Guid.NewGuid().ToString("N"), "ent-kim", Entry.List, Entry.ListId, verdict, reviewer, "a different Kim", at, fingerprint);

    [Theory, SqliteBackend, PostgresBackend]
    public void A_false_positive_holds_until_the_list_entry_changes_and_the_trail_keeps_who_when_why(DbBackend backend)
    {
        using var db = TestDatabase.Create(backend);
        TestDatabase.Migrate(db.Db);
        using var log = StoreFactory.OpenReviews(db.Db);
        var seen = EntryFingerprint.Of(Entry);
        var at = new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
        log.Add(Review(ReviewVerdicts.FalsePositive, at, seen));

        var stored = Assert.Single(log.History("ent-kim"));
        Assert.Equal((seen, "Ana", "a different Kim", at), (stored.EntryFingerprint, stored.Reviewer, stored.Note, stored.At));

        var unchanged = log.Suppressed(currentFingerprint: (_, _) => seen);
        Assert.Contains(("ent-kim", "US-OFAC", "20193"), unchanged);

        var amended = EntryFingerprint.Of(Entry with { BirthDates = [FuzzyDate.Year(1984)] });
        Assert.NotEqual(seen, amended);
        Assert.Empty(log.Suppressed(currentFingerprint: (_, _) => amended));
        Assert.Empty(log.Suppressed(currentFingerprint: (_, _) => null));
    }

    [Theory, SqliteBackend, PostgresBackend]
    public void The_latest_verdict_is_in_force_and_an_old_review_without_a_fingerprint_still_holds(DbBackend backend)
    {
        using var db = TestDatabase.Create(backend);
        TestDatabase.Migrate(db.Db);
        using var log = StoreFactory.OpenReviews(db.Db);
        var at = new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
        log.Add(Review(ReviewVerdicts.FalsePositive, at, null));
        Assert.Single(log.Suppressed(currentFingerprint: (_, _) => "anything"));

        log.Add(Review(ReviewVerdicts.Reopened, at.AddMinutes(5), null, "Ben"));
        Assert.Empty(log.Suppressed());
        Assert.Equal(["Ana", "Ben"], log.History().Select(r => r.Reviewer).ToArray());
    }
}
