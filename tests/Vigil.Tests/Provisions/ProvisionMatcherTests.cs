using Vigil.Model;
using Vigil.Provisions;
using static Vigil.Tests.Analysis.AnalysisFixtures;

namespace Vigil.Tests.Provisions;

public class ProvisionMatcherTests
{
    private static readonly ProvisionMatcher Matcher = new(ProvisionCatalog.LoadDefault());

    private static string[] Citations(Claim c) => Matcher.Match(c).Select(m => m.Citation).ToArray();

    [Fact]
    public void The_shipped_catalogue_covers_every_resolution_from_1718_to_2397_with_source_and_paragraphs()
    {
        var catalog = ProvisionCatalog.LoadDefault();
        Assert.Equal(["1718", "1874", "2087", "2094", "2270", "2321", "2371", "2375", "2397"],
            catalog.Provisions.Select(p => p.Resolution).Distinct().Order().ToArray());
        Assert.All(catalog.Provisions, p => Assert.False(string.IsNullOrWhiteSpace(p.Paragraph + p.Prohibits + p.Source)));
        foreach (var category in new[] { "arms_to_dprk", "arms_from_dprk", "technical_assistance", "luxury_goods", "coal_iron_exports", "seafood_exports",
                     "refined_petroleum", "joint_ventures", "dprk_workers_abroad", "ship_to_ship_transfers", "financial_services" })
            Assert.Contains(catalog.Provisions, p => p.Category == category);
    }

    [Fact]
    public void Arms_from_north_korea_breach_the_export_ban_and_not_the_import_ban()
    {
        var d = Doc("d", "Secondo l'intelligence sudcoreana, la Corea del Nord ha fornito alla Russia 11.000 container di armi.", "it");
        var citations = Citations(Claim(d, ClaimType.ArmsTransfer, ["Corea del Nord", "Russia"]));
        Assert.Contains("UNSCR 1718 (2006) para 8(b)", citations);
        Assert.Contains("UNSCR 1874 (2009) para 9", citations);
        Assert.DoesNotContain("UNSCR 1874 (2009) para 10", citations);
    }

    [Fact]
    public void A_claim_naming_the_dprk_twice_is_an_export_not_an_import()
    {
        var d = Doc("d", "North Korea ships weapons from Pyongyang to Moscow.");
        var citations = Citations(Claim(d, ClaimType.ArmsTransfer, ["North Korea", "Ukraine", "Moscow", "Pyongyang"]));
        Assert.Contains("UNSCR 1874 (2009) para 9", citations);
        Assert.DoesNotContain("UNSCR 1874 (2009) para 10", citations);
    }

    [Fact]
    public void Arms_to_north_korea_breach_the_import_ban()
    {
        var d = Doc("d", "Russia delivered fighter jets to North Korea.");
        var citations = Citations(Claim(d, ClaimType.ArmsTransfer, ["Russia", "North Korea"]));
        Assert.Contains("UNSCR 1874 (2009) para 10", citations);
        Assert.Contains("UNSCR 2270 (2016) para 6", citations);
        Assert.DoesNotContain("UNSCR 1718 (2006) para 8(b)", citations);
    }

    [Fact]
    public void Goods_provisions_need_the_text_to_name_the_goods()
    {
        var fuel = Doc("f", "In cambio la Russia avrebbe dato alla Corea del Nord container di aiuti e carburante.", "it");
        var aid = Doc("a", "In cambio la Russia avrebbe dato alla Corea del Nord container di aiuti.", "it");
        var withFuel = Matcher.Match(Claim(fuel, ClaimType.Payment, ["Russia", "Corea del Nord"]));
        Assert.Contains(withFuel, m => m.Citation == "UNSCR 2397 (2017) para 5" && m.Reason.Contains("carburant"));
        Assert.Empty(Citations(Claim(aid, ClaimType.Payment, ["Russia", "Corea del Nord"])));
    }

    [Fact]
    public void Coal_exports_and_ship_to_ship_transfers_map_to_their_paragraphs()
    {
        var coal = Doc("c", "North Korean coal was unloaded at a Chinese port.");
        Assert.Contains("UNSCR 2371 (2017) para 8", Citations(Claim(coal, ClaimType.Other, ["North Korea", "China"])));
        var sts = Doc("s", "A tanker transferred oil to a North Korean ship at sea.");
        var stsCitations = Citations(Claim(sts, ClaimType.ShipToShipTransfer, ["Tanker X", "North Korea"]));
        Assert.Contains("UNSCR 2375 (2017) para 11", stsCitations);
    }

    [Fact]
    public void Statements_meetings_treaties_and_claims_without_the_dprk_breach_nothing()
    {
        var d = Doc("d", "Putin and Kim signed a treaty; Iran sent missiles to Russia.");
        Assert.Empty(Citations(Claim(d, ClaimType.TreatySigned, ["Russia", "North Korea"])));
        Assert.Empty(Citations(Claim(d, ClaimType.Meeting, ["Vladimir Putin", "Kim Jong Un"])));
        Assert.Empty(Citations(Claim(d, ClaimType.Statement, ["North Korea"])));
        Assert.Empty(Citations(Claim(d, ClaimType.ArmsTransfer, ["Iran", "Russia"])));
    }

    [Fact]
    public void Short_keywords_match_whole_words_only()
    {
        Assert.True(ProvisionMatcher.Contains("north korean coal exports", "coal"));
        Assert.True(ProvisionMatcher.Contains("two coals", "coal"));
        Assert.False(ProvisionMatcher.Contains("the coalition said", "coal"));
        Assert.True(ProvisionMatcher.Contains("북한산 석탄을", "석탄"));
    }

    [Fact]
    public void A_broken_catalogue_names_the_file_and_the_fix()
    {
        using var dir = new TempDir();
        var path = dir.File("bad.json");
        File.WriteAllText(path, "{ \"provisions\": [ { \"id\": \"x\", \"resolution\": \"1\", \"year\": 1, \"paragraph\": \"1\", \"match\": { \"types\": [], \"direction\": \"sideways\" } } ] }");
        var e = Assert.Throws<InvalidDataException>(() => ProvisionCatalog.Load(path));
        Assert.Contains(path, e.Message);
        Assert.Contains("sideways", e.Message);
    }
}
