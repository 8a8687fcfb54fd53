using Vigil.Model;
using Vigil.Screening;

namespace Vigil.Tests.Screening;

public sealed class EntryFingerprintTests
{
    private static readonly ListEntry Entry = new()
    {
        List = "US-OFAC", ListId = "23092", Schema = EntitySchema.Person, Name = "KIM, Min Chol",
        BirthDates = [FuzzyDate.Year(1968)], Nationalities = ["KP"],
    };

    [Fact]
    public void The_fingerprint_ignores_the_order_of_names_and_sees_a_new_date_of_birth_or_identifier()
    {
        var two = Entry with { Aliases = ["KIM Min-chol", "Kim Min Chol"] };
        var swapped = Entry with { Aliases = ["Kim Min Chol", "KIM Min-chol"] };
        Assert.Equal(EntryFingerprint.Of(two), EntryFingerprint.Of(swapped));
        Assert.NotEqual(EntryFingerprint.Of(Entry), EntryFingerprint.Of(Entry with { BirthDates = [FuzzyDate.Year(1968), FuzzyDate.Year(1969)] }));
        Assert.NotEqual(EntryFingerprint.Of(Entry), EntryFingerprint.Of(Entry with { Identifiers = [new EntryIdentifier("passport", "836110034")] }));
    }

    [Fact]
    public void The_lookup_reads_the_entries_only_when_asked_and_knows_a_delisted_entry()
    {
        var reads = 0;
        var lookup = EntryFingerprint.Lookup(() => { reads++; return [Entry]; });
        Assert.Equal(0, reads);

        Assert.Equal(EntryFingerprint.Of(Entry), lookup("US-OFAC", "23092"));
        Assert.Null(lookup("US-OFAC", "99999"));
        Assert.Equal(1, reads);
    }
}
