using Vigil.Analysis;
using Vigil.Model;
using static Vigil.Tests.Analysis.AnalysisFixtures;

namespace Vigil.Tests.Analysis;

public class CorroboratorTests
{
    private const string Wire = "SEOUL (AP) North Korea has shipped at least 10,000 containers of munitions to Russia since August, " +
        "South Korea's defence ministry said on Tuesday, adding that the shipments appeared to continue through the autumn despite sanctions.";

    private static Corroborator For(params Document[] docs) => new(EntityLookup.Empty, new SourceGroups(docs));

    [Fact]
    public void Two_copies_of_one_wire_story_count_as_one_source()
    {
        var a = Doc("a", Wire, outlet: null);
        var b = Doc("b", "World news | " + Wire + " Read more on our site.");
        var c = Doc("c", "Ukraine's intelligence says North Korean shells keep arriving at Russian depots by rail.");
        var claims = new[] { Claim(a, ClaimType.ArmsTransfer, ["North Korea", "Russia"]), Claim(b, ClaimType.ArmsTransfer, ["North Korea", "Russia"]) };

        var twoCopies = For(a, b, c).Assess(claims, claims);
        Assert.Equal(1, twoCopies.IndependentSources);
        Assert.Equal("low", twoCopies.Confidence);
        Assert.Contains(twoCopies.Reasons!, r => r.Contains("2 documents reduce to 1 origin"));

        var withThird = claims.Append(Claim(c, ClaimType.ArmsTransfer, ["North Korea", "Russia"])).ToList();
        var three = For(a, b, c).Assess(withThird, withThird);
        Assert.Equal(2, three.IndependentSources);
        Assert.Equal("medium", three.Confidence);
    }

    [Fact]
    public void A_republished_excerpt_linked_at_ingest_and_its_original_count_as_one_source()
    {
        var original = Doc("orig", Wire + " The ministry added that satellite images showed trains loading at Rajin port every week. " +
            "Officials in Kyiv said the shells had a high failure rate, while analysts in Seoul expected the trade to grow next year. " +
            "Pyongyang has denied any arms dealings with Moscow and called the reports a smear campaign.", outlet: "Wire Agency");
        var excerptText = "From our partners: " + Wire;
        var unlinked = Doc("copy", excerptText, outlet: "Daily Herald");
        var linked = unlinked with { DuplicateOf = original.Id };
        var claims = new[] { Claim(original, ClaimType.ArmsTransfer, ["North Korea", "Russia"]), Claim(unlinked, ClaimType.ArmsTransfer, ["North Korea", "Russia"]) };

        // Without the link the excerpt shares too few shingles with the whole story to be taken for a copy.
        Assert.Equal(2, For(original, unlinked).Assess(claims, claims).IndependentSources);
        var result = For(original, linked).Assess(claims, claims);
        Assert.Equal(1, result.IndependentSources);
        Assert.Contains(result.Reasons!, r => r.Contains("2 documents reduce to 1 origin"));
    }

    [Fact]
    public void A_relay_citing_a_party_and_that_party_are_one_origin()
    {
        var a = Doc("a", "Yonhap, citing the NIS, said 3,000 troops had left.");
        var b = Doc("b", "The NIS told lawmakers 3,000 troops had left.");
        var claims = new[]
        {
            Claim(a, ClaimType.TroopDeployment, ["North Korea", "Russia"], attribution: "Yonhap, citing the NIS"),
            Claim(b, ClaimType.TroopDeployment, ["North Korea", "Russia"], attribution: "NIS"),
        };
        var result = For(a, b).Assess(claims, claims);
        Assert.Equal(1, result.IndependentSources);
        var origin = Assert.Single(result.Sources);
        Assert.Equal("NIS", origin.Label);
        Assert.Equal("Yonhap", origin.Via);
        Assert.Equal(["a", "b"], origin.DocumentIds.ToArray());
    }

    [Fact]
    public void A_denial_lowers_the_confidence_and_names_the_denier()
    {
        var a = Doc("a", "The Pentagon said North Korean missiles were fired at Kharkiv.", outlet: "Outlet A");
        var b = Doc("b", "Kyiv said debris of North Korean missiles was found in Kharkiv.", outlet: "Outlet B");
        var c = Doc("c", "Moscow denied using North Korean missiles.", outlet: "Outlet C");
        var claims = new List<Claim>
        {
            Claim(a, ClaimType.ArmsTransfer, ["North Korea", "Russia"], attribution: "Pentagon"),
            Claim(b, ClaimType.ArmsTransfer, ["North Korea", "Russia"], attribution: "Ukraine"),
        };
        var corroborator = For(a, b, c);
        var before = corroborator.Assess(claims, claims);
        var denial = Claim(c, ClaimType.Denial, ["Russia"]);
        var after = corroborator.Assess(claims, [.. claims, denial]);

        Assert.Equal("medium", before.Confidence);
        Assert.Equal("low", after.Confidence);
        Assert.Equal(["Russia"], after.DeniedBy.ToArray());
        Assert.Contains(after.Reasons!, r => r == "denied by Russia");
    }

    [Fact]
    public void Different_figures_for_one_measure_are_shown_side_by_side_as_a_conflict()
    {
        var a = Doc("a", "Seoul: 10,000 containers.", outlet: "A");
        var b = Doc("b", "Washington: 13,000 containers.", outlet: "B");
        var c = Doc("c", "Kyiv: 13,000 containers.", outlet: "C");
        var claims = new[]
        {
            Claim(a, ClaimType.ArmsTransfer, ["North Korea", "Russia"], quantity: new Quantity(10000, "containers")),
            Claim(b, ClaimType.ArmsTransfer, ["North Korea", "Russia"], quantity: new Quantity(13000, "container")),
            Claim(c, ClaimType.ArmsTransfer, ["North Korea", "Russia"], quantity: new Quantity(13000, "container")),
        };
        var result = For(a, b, c).Assess(claims, claims);
        Assert.Equal(["10,000 vs 13,000 containers"], result.Conflicts.ToArray());
        var figures = Assert.Single(result.Figures);
        Assert.True(figures.IsConflict);
        Assert.Equal([1, 2], figures.Values.Select(v => v.ClaimIds.Count).ToArray());
        Assert.Equal(["B", "C"], figures.Values[1].Sources.ToArray());
    }

    [Fact]
    public void Agreeing_figures_are_no_conflict()
    {
        var a = Doc("a", "11,000 containers.", outlet: "A");
        var b = Doc("b", "11,000 containers again.", outlet: "B");
        var claims = new[]
        {
            Claim(a, ClaimType.ArmsTransfer, ["North Korea", "Russia"], quantity: new Quantity(11000, "containers")),
            Claim(b, ClaimType.ArmsTransfer, ["North Korea", "Russia"], quantity: new Quantity(11000, "containers")),
        };
        Assert.Empty(For(a, b).Assess(claims, claims).Conflicts);
    }

    [Fact]
    public void A_report_restating_in_its_own_voice_what_it_attributes_to_a_party_is_one_source()
    {
        var a = Doc("a", "Putin and Kim sign a pact. North Korea and Russia signed a pact, Putin said.");
        var b = Doc("b", "Russia and North Korea signed a treaty in Pyongyang.");
        var claims = new[]
        {
            Claim(a, ClaimType.TreatySigned, ["Putin", "Kim"], evidence: "Putin and Kim sign a pact.", n: 1),
            Claim(a, ClaimType.TreatySigned, ["North Korea", "Russia"], attribution: "Putin", stance: Stance.Reported,
                evidence: "North Korea and Russia signed a pact, Putin said.", n: 2),
            Claim(b, ClaimType.TreatySigned, ["Russia", "North Korea"]),
        };
        var result = For(a, b).Assess(claims, claims);
        Assert.Equal(2, result.IndependentSources);
        Assert.Equal(["Putin", "b"], result.Sources.Select(s => s.Label).ToArray());
    }
}
