using Vigil.Model;
using Vigil.Screening;

namespace Vigil.Tests.Screening;

public sealed class HitSuppressionsTests
{
    private static readonly ListEntry Entry = new()
    {
        List = "US-OFAC", ListId = "23092", Schema = EntitySchema.Person, Name = "KIM, Min Chol",
        BirthDates = [FuzzyDate.Year(1968)], Nationalities = ["KP"],
    };

    private static readonly SanctionHit Hit = new("US-OFAC", "23092", "KIM, Min Chol", 0.81, true, [], "name 0.81", []);
    private static readonly SanctionHit Other = new("UN-SC", "KPi.001", "OTHER", 0.9, true, [], "name 0.90", []);

    [Fact]
    public void A_false_positive_stays_suppressed_for_that_entity_with_who_when_why()
    {
        var s = HitSuppressions.Suppress("ent-1", Hit, Entry, "a.reviewer", "different person: born 1990 in Seoul", DateTimeOffset.UnixEpoch);
        var result = HitSuppressions.Apply([Hit, Other], "ent-1", [s], (_, _) => Entry);
        Assert.Equal([Other], result.Active);
        var (hit, by) = Assert.Single(result.Suppressed);
        Assert.Equal(Hit, hit);
        Assert.Equal("a.reviewer", by.Reviewer);
        Assert.Equal("different person: born 1990 in Seoul", by.Reason);
        // Another entity with the same hit is not affected.
        Assert.Equal(2, HitSuppressions.Apply([Hit, Other], "ent-2", [s], (_, _) => Entry).Active.Count);
    }

    [Fact]
    public void A_change_to_the_list_entry_brings_the_hit_back()
    {
        var s = HitSuppressions.Suppress("ent-1", Hit, Entry, "a.reviewer", "not him", DateTimeOffset.UnixEpoch);
        var changed = Entry with { Aliases = ["KIM Min-chol"] };
        var result = HitSuppressions.Apply([Hit], "ent-1", [s], (_, _) => changed);
        Assert.Equal([Hit], result.Active);
        Assert.Single(result.Reopened);
        Assert.Empty(result.Suppressed);
    }

    [Fact]
    public void The_fingerprint_ignores_the_order_of_names_and_sees_a_new_date_of_birth()
    {
        var two = Entry with { Aliases = ["KIM Min-chol", "Kim Min Chol"] };
        var swapped = Entry with { Aliases = ["Kim Min Chol", "KIM Min-chol"] };
        Assert.Equal(HitSuppressions.Fingerprint(two), HitSuppressions.Fingerprint(swapped));
        Assert.NotEqual(HitSuppressions.Fingerprint(Entry), HitSuppressions.Fingerprint(Entry with { BirthDates = [FuzzyDate.Year(1968), FuzzyDate.Year(1969)] }));
    }

    [Fact]
    public void The_latest_decision_holds_and_a_delisted_entry_is_reopened()
    {
        var first = HitSuppressions.Suppress("ent-1", Hit, Entry, "a.reviewer", "not him", DateTimeOffset.UnixEpoch);
        var later = HitSuppressions.Suppress("ent-1", Hit, Entry, "b.reviewer", "checked the passport", DateTimeOffset.UnixEpoch.AddDays(1));
        var (_, by) = Assert.Single(HitSuppressions.Apply([Hit], "ent-1", [later, first], (_, _) => Entry).Suppressed);
        Assert.Equal("b.reviewer", by.Reviewer);
        var delisted = HitSuppressions.Apply([Hit], "ent-1", [first], (_, _) => null);
        Assert.Equal([Hit], delisted.Active);
        Assert.Single(delisted.Reopened);
    }

    [Fact]
    public void A_suppression_needs_a_reviewer_and_a_reason()
    {
        Assert.Throws<ArgumentException>(() => HitSuppressions.Suppress("ent-1", Hit, Entry, "", "x", DateTimeOffset.UnixEpoch));
        Assert.Throws<ArgumentException>(() => HitSuppressions.Suppress("ent-1", Hit, Entry, "r", " ", DateTimeOffset.UnixEpoch));
    }
}
