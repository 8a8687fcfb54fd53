using Vigil.Extraction.Gazetteers;

namespace Vigil.Tests.Extraction.Gazetteers;

/// <summary>hunspell's stems and affix rules, on a dictionary written for the tests.</summary>
public sealed class EnglishWordsTests
{
    private static readonly string[] Affixes =
    [
        "SET UTF-8",
        "PFX U Y 1", "PFX U   0     un         .",
        "SFX Y Y 1", "SFX Y   0     ly         .",
        "SFX D Y 2", "SFX D   0     d          e", "SFX D   0     ed         [^e]",
        "SFX M Y 1", "SFX M   0     's         .",
    ];

    private static readonly EnglishWords Words = new(["on/Y", "link/DU", "bake/D", "Moscow/M", "kind/UY"], Affixes);

    [Theory]
    [InlineData("on")]
    [InlineData("Only")]
    [InlineData("linked")]
    [InlineData("unlinked")]
    [InlineData("baked")]
    [InlineData("unkindly")]
    public void Forms_made_by_the_affix_rules_are_common_words(string word) => Assert.True(Words.IsCommon(word));

    [Fact]
    public void A_proper_noun_is_listed_but_not_common_and_a_rule_applies_only_where_its_condition_holds()
    {
        Assert.True(Words.IsListed("Moscow’s"));
        Assert.False(Words.IsCommon("Moscow"));
        Assert.False(Words.IsListed("Wirecard"));
        Assert.False(Words.IsCommon("bakeed"));
        Assert.False(Words.IsCommon("unon"));
    }
}
