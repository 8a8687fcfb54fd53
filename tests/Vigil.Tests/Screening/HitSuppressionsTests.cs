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
    public void A_suppression_needs_a_reviewer_and_a_reason()
    {
        Assert.Throws<ArgumentException>(() => HitSuppressions.Suppress("ent-1", Hit, Entry, "", "x", DateTimeOffset.UnixEpoch));
        Assert.Throws<ArgumentException>(() => HitSuppressions.Suppress("ent-1", Hit, Entry, "r", " ", DateTimeOffset.UnixEpoch));
    }
}
