using Vigil.Model;
using Vigil.Pipeline;
using Vigil.Tests.Screening;

namespace Vigil.Tests.Pipeline;

/// <summary>Entity screening against the real lists in ../shared.</summary>
public sealed class EntityScreeningTests(SanctionsListsFixture lists) : IClassFixture<SanctionsListsFixture>
{
    [Fact]
    public void Kim_Jong_Un_mentioned_once_as_Kim_Jong_gets_his_own_listing_and_not_Kim_Jung_Jongs()
    {
        var entity = new Entity("e1", EntitySchema.Person, "Kim Jong Un", ["Kim Jong", "Kim Jong-un", "Kim"], [], []);
        var hits = new EntityScreening(lists.Screener).Attach([entity]).Single().Sanctions;
        Assert.Contains(hits, h => h.List == "US-OFAC" && h.ListId == "20157");
        // KIM JUNG JONG (UN KPi.021) shares "Kim" and "Jong" with the partial form only.
        Assert.DoesNotContain(hits, h => h.ListId == "KPi.021");
        Assert.DoesNotContain(hits, h => h.Name.Contains("Jung Jong", StringComparison.OrdinalIgnoreCase));
    }
}
