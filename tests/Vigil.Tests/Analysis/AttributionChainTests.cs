using Vigil.Analysis;

namespace Vigil.Tests.Analysis;

public class AttributionChainTests
{
    [Theory]
    [InlineData("Yonhap, citing the NIS", "NIS", "Yonhap")]
    [InlineData("Vladimir Putin, as reported by TASS", "Vladimir Putin", "TASS")]
    [InlineData("Yuri Ushakov, to TASS", "Yuri Ushakov", "TASS")]
    [InlineData("Matthew Miller, US State Department spokesperson", "Matthew Miller", null)]
    [InlineData("Reuters citing diplomats, quoting a UN report", "UN report", "Reuters")]
    [InlineData("according to South Korean intelligence sources", "South Korean intelligence sources", null)]
    [InlineData("Ansa, secondo fonti dell'intelligence sudcoreana", "fonti dell'intelligence sudcoreana", "Ansa")]
    public void The_origin_is_the_innermost_cited_party(string attribution, string origin, string? via)
    {
        var o = Assert.Single(AttributionChain.Parse(attribution));
        Assert.Equal(origin, o.Origin);
        Assert.Equal(via, o.Via);
    }

    [Fact]
    public void Several_parties_are_several_origins()
    {
        Assert.Equal(["Pentagon", "NATO"], AttributionChain.Parse("Pentagon; NATO").Select(o => o.Origin).ToArray());
        Assert.Empty(AttributionChain.Parse(null));
    }
}
