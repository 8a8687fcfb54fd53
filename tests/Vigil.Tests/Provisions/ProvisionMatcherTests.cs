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
    public void Technical_assistance_from_the_dprk_breaches_8c_but_a_plain_arms_sale_does_not()
    {
        // 1718 para 8(c) covers transfers of technical assistance to or from the DPRK.
        var help = Doc("h", "North Korea sent engineers to give Iran technical assistance with its missile engines.");
        Assert.Contains("UNSCR 1718 (2006) para 8(c)", Citations(Claim(help, ClaimType.ArmsTransfer, ["North Korea", "Iran"])));
        var rifles = Doc("r", "North Korea shipped rifles to Iran.");
        Assert.DoesNotContain("UNSCR 1718 (2006) para 8(c)", Citations(Claim(rifles, ClaimType.ArmsTransfer, ["North Korea", "Iran"])));
    }

    [Fact]
    public void Dprk_bank_provisions_need_banking_words_not_look_alikes()
    {
        // "per conto di" (on behalf of), "за счёт" (at the expense of) and a news correspondent are not bank accounts.
        var onBehalf = Doc("c", "Una società cinese ha pagato il carico per conto della Corea del Nord, secondo un corrispondente.", "it");
        Assert.DoesNotContain("UNSCR 2270 (2016) para 33", Citations(Claim(onBehalf, ClaimType.Payment, ["Cina", "Corea del Nord"])));
        var reporter = Doc("j", "A Reuters correspondent said China paid North Korea for the cargo.");
        Assert.DoesNotContain("UNSCR 2270 (2016) para 33", Citations(Claim(reporter, ClaimType.Payment, ["China", "North Korea"])));
        var account = Doc("a", "Una banca di Vladivostok ha aperto un conto bancario per una banca nordcoreana.", "it");
        Assert.Contains("UNSCR 2270 (2016) para 33", Citations(Claim(account, ClaimType.Payment, ["banca di Vladivostok", "Corea del Nord"])));
    }

    [Fact]
    public void Helicopters_fishing_rights_and_dprk_exports_of_wood_map_to_their_2016_and_2017_paragraphs()
    {
        var heli = Doc("h", "Russia delivered two helicopters to North Korea.");
        Assert.Contains("UNSCR 2321 (2016) para 30", Citations(Claim(heli, ClaimType.Other, ["Russia", "North Korea"])));
        var tanker = Doc("t", "A tanker transferred oil to a North Korean vessel at sea.");
        var stsCitations = Citations(Claim(tanker, ClaimType.ShipToShipTransfer, ["Tanker X", "North Korea"]));
        Assert.DoesNotContain("UNSCR 2397 (2017) para 14", stsCitations);
        Assert.DoesNotContain("UNSCR 2397 (2017) para 6", stsCitations);
        // 2397 para 6 extends the seafood ban of 2371 para 9 to fishing rights; "fish" alone would not match "fishing".
        var fishing = Doc("f", "North Korea sold fishing rights to Chinese trawler owners.");
        Assert.Contains("UNSCR 2371 (2017) para 9", Citations(Claim(fishing, ClaimType.Other, ["North Korea", "China"])));
        var timber = Doc("w", "North Korea sold timber to a Chinese trading house.");
        Assert.Contains("UNSCR 2397 (2017) para 6", Citations(Claim(timber, ClaimType.Other, ["North Korea", "China"])));
        var wooden = Doc("x", "North Korea sent wooden toys to China.");
        Assert.DoesNotContain("UNSCR 2397 (2017) para 6", Citations(Claim(wooden, ClaimType.Other, ["North Korea", "China"])));
    }

    [Fact]
    public void Every_checked_note_names_a_source_and_every_provision_has_a_summary()
    {
        var catalog = ProvisionCatalog.LoadDefault();
        Assert.All(catalog.Entries.Where(e => e.Checked is not null), e => Assert.DoesNotContain("not confirmed", e.Checked!));
        Assert.Equal(catalog.Entries.Count, catalog.Entries.Select(e => e.Provision.Id).Distinct().Count());
        Assert.All(catalog.Provisions, p => Assert.EndsWith(".", p.Prohibits));
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

    [Fact]
    public void A_reason_says_when_the_paragraph_number_has_not_been_checked_against_the_resolution()
    {
        var catalog = ProvisionCatalog.LoadDefault();
        var d = Doc("d", "Russia supplied fighter jets and air-defence missiles to North Korea.");
        var matches = Matcher.Match(Claim(d, ClaimType.ArmsTransfer, ["Russia", "North Korea"]));
        Assert.NotEmpty(matches);
        foreach (var m in matches)
        {
            var entry = catalog.Entries.Single(e => e.Provision.Id == m.ProvisionId);
            Assert.Equal(entry.Checked is null, m.Reason.Contains("not yet checked"));
        }
        Assert.Contains(matches, m => catalog.Entries.Single(e => e.Provision.Id == m.ProvisionId).Checked is not null);
    }
}
