using Vigil.Model;
using Vigil.Provisions;
using static Vigil.Tests.Analysis.AnalysisFixtures;

namespace Vigil.Tests.Provisions;

public class RegimeBodiesTests
{
    private static readonly RegimeBodies Bodies = RegimeBodies.LoadDefault(new ProvisionMatcher(ProvisionCatalog.LoadDefault()));

    private static string[] Affected(Document d, ClaimType type, params string[] actors) =>
        Bodies.Effects(Claim(d, type, actors)).Select(e => e.Body).ToArray();

    [Fact]
    public void A_veto_ending_the_monitoring_of_the_north_korea_sanctions_ends_the_panel_of_experts()
    {
        var it = Doc("it", "A marzo la Russia ha posto il veto nel Consiglio di sicurezza per porre fine al monitoraggio delle sanzioni contro la Corea del Nord.", "it");
        var effect = Assert.Single(Bodies.Effects(Claim(it, ClaimType.Veto, ["Russia", "Consiglio di sicurezza"])));
        Assert.Equal("UN Panel of Experts", effect.Body);
        Assert.Equal("UNSCR 1874 (2009) para 26", effect.Citation);
        Assert.Contains("30 April 2024", effect.Reason);
        Assert.Contains("monitor", effect.Reason);

        var en = Doc("en", "Russia vetoed the renewal of the mandate of the UN panel of experts monitoring sanctions on North Korea.");
        Assert.Equal(["UN Panel of Experts"], Affected(en, ClaimType.Veto, "Russia", "North Korea"));
        var ru = Doc("ru", "Россия наложила вето на продление мандата группы экспертов по КНДР.", "ru");
        Assert.Equal(["UN Panel of Experts"], Affected(ru, ClaimType.Veto, "Россия"));
    }

    [Fact]
    public void Other_vetoes_and_other_claims_end_nothing()
    {
        var newSanctions = Doc("a", "In May 2022 China and Russia vetoed new sanctions on North Korea after its missile launches.");
        Assert.Empty(Affected(newSanctions, ClaimType.Veto, "China", "Russia", "North Korea"));
        var syria = Doc("b", "Russia vetoed the renewal of the mandate of the panel investigating chemical attacks in Syria.");
        Assert.Empty(Affected(syria, ClaimType.Veto, "Russia", "Syria"));
        var statement = Doc("c", "The panel of experts on North Korea said in its report that arms were shipped.");
        Assert.Empty(Affected(statement, ClaimType.Statement, "UN Panel of Experts", "North Korea"));
    }
}
