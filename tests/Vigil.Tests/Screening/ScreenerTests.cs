using Vigil.Model;
using Vigil.Screening;

namespace Vigil.Tests.Screening;

public sealed class ScreenerTests(SanctionsListsFixture lists) : IClassFixture<SanctionsListsFixture>
{
    private IReadOnlyList<SanctionHit> Screen(string name, EntitySchema? schema = null, FuzzyDate? dob = null, string? country = null) =>
        lists.Screener.Screen(new ScreeningQuery(name, schema, dob, country));

    private SanctionHit? TopMatch(string name, EntitySchema? schema = null) => Screen(name, schema).FirstOrDefault(h => h.IsMatch);

    [Theory]
    [InlineData("Vladimir Putin")]
    [InlineData("Putin Vladimir")]
    [InlineData("PUTIN, Vladimir Vladimirovich")]
    [InlineData("Путин Владимир Владимирович")]
    [InlineData("Wladimir Putin")]
    public void Finds_Putin_on_OFAC_in_any_order_and_script(string query)
    {
        var hit = Screen(query, EntitySchema.Person).FirstOrDefault(h => h.IsMatch && h.List == "US-OFAC" && h.ListId == "35096");
        Assert.NotNull(hit);
        Assert.InRange(hit.Score, 0, 1);
        Assert.False(string.IsNullOrWhiteSpace(hit.Explanation));
        Assert.Contains(hit.Features, f => f.Name == "name");
    }

    [Theory]
    [InlineData("블라디미르 푸틴", "35096")]
    [InlineData("세르게이 라브로프", "35233")]
    [InlineData("谢尔盖·拉夫罗夫", "35233")]
    [InlineData("セルゲイ・ラブロフ", "35233")]
    public void Finds_foreign_names_written_sound_by_sound_in_hangul_chinese_and_kana(string query, string ofacId)
    {
        // These scripts write a foreign name syllable by syllable (v as ㅂ or ブ, added vowels; pinyin x for the s of
        // Sergey): the consonants are what carries over.
        var hit = Screen(query, EntitySchema.Person).FirstOrDefault(h => h.IsMatch && h.List == "US-OFAC" && h.ListId == ofacId);
        Assert.NotNull(hit);
        Assert.Contains("(consonants)", hit.Explanation);
    }

    [Fact]
    public void Labials_are_one_only_for_names_in_syllabic_scripts()
    {
        // Persian writes p and f apart, so پارسا (Parsa) is not Firas; the Hangul 파라스 could be either.
        Assert.True(lists.Screener.CompareNames("파라스 아흐마드", "Firas Ahmad", EntitySchema.Person) >= Screener.MatchThreshold);
        Assert.True(lists.Screener.CompareNames("پارسا احمدی", "Firas Ahmad", EntitySchema.Person) < Screener.MatchThreshold);
    }

    [Theory]
    [InlineData("Kim Jong-un")]
    [InlineData("Kim Jong Un")]
    [InlineData("Kim Jongun")]
    [InlineData("KIM JONG UN")]
    [InlineData("김정은")]
    [InlineData("Ким Чен Ын")]
    [InlineData("Kim Chŏng-ŭn")]
    public void Finds_Kim_Jong_Un_on_OFAC(string query)
    {
        var hits = Screen(query, EntitySchema.Person);
        Assert.Contains(hits, h => h.IsMatch && h.List == "US-OFAC" && h.ListId == "20157");
    }

    [Theory]
    [InlineData("Russia", EntitySchema.Person)]
    [InlineData("Russia", EntitySchema.Organization)]
    [InlineData("North Korea", EntitySchema.Person)]
    [InlineData("North Korea", EntitySchema.Organization)]
    [InlineData("Corea del Nord", EntitySchema.Organization)]
    [InlineData("Corea del Nord", EntitySchema.Person)]
    [InlineData("Trading Co Ltd", EntitySchema.Company)]
    [InlineData("Trading Co Ltd", null)]
    [InlineData("Kim Min-jun", EntitySchema.Person)]
    [InlineData("Park Ji-hoon", EntitySchema.Person)]
    [InlineData("John Smith", EntitySchema.Person)]
    [InlineData("Maria Rossi", EntitySchema.Person)]
    public void Ordinary_names_and_country_names_make_no_match(string query, EntitySchema? schema)
    {
        Assert.DoesNotContain(Screen(query, schema), h => h.IsMatch);
    }

    [Fact]
    public void A_conflicting_date_of_birth_lowers_the_score_and_an_agreeing_one_raises_it()
    {
        var plain = TopMatch("Kim Jong Un", EntitySchema.Person)!;
        var agree = Screen("Kim Jong Un", EntitySchema.Person, FuzzyDate.Year(1984)).First(h => h.ListId == plain.ListId);
        var conflict = Screen("Kim Jong Un", EntitySchema.Person, FuzzyDate.Year(1950)).First(h => h.ListId == plain.ListId);
        Assert.True(agree.Score >= plain.Score);
        Assert.True(conflict.Score < plain.Score);
        Assert.Contains(conflict.Features, f => f.Name == "birth_date" && f.Value < 0);
    }

    [Fact]
    public void Results_are_sorted_and_deterministic()
    {
        var a = Screen("Kim Jong", EntitySchema.Person);
        var b = Screen("Kim Jong", EntitySchema.Person);
        Assert.Equal(a.Select(h => (h.List, h.ListId, h.Score)), b.Select(h => (h.List, h.ListId, h.Score)));
        Assert.Equal(a.Select(h => h.Score).OrderByDescending(s => s), a.Select(h => h.Score));
    }

    [Fact]
    public void Finds_a_UN_DPRK_entity_by_name_and_its_acronym()
    {
        var hit = TopMatch("Korea Mining Development Trading Corporation", EntitySchema.Organization);
        Assert.NotNull(hit);
        Assert.Contains(Screen("KOMID", EntitySchema.Organization), h => h.IsMatch && h.Name.Contains("MINING", StringComparison.OrdinalIgnoreCase));
    }
}
