using Vigil.Evaluation;
using Vigil.Model;
using Vigil.Pipeline.Evaluation;

namespace Vigil.Tests.Pipeline.Evaluation;

public class SeedGoldScoreTests
{
    private const string Text = "Mosca. Putin ha incontrato Kim a Pyongyang. Secondo la Tass, Putin ha firmato il trattato. Seguici su Google News.";

    private static readonly GoldDocument Gold = new("a.txt",
    [
        new GoldEntity("Vladimir Putin", "PER", ["Putin"], ["US-OFAC", "EU"], false),
        new GoldEntity("Kim Jong Un", "PER", ["Kim"], ["US-OFAC"], false),
        new GoldEntity("Pyongyang", "LOC", ["Pyongyang"], null, false),
        new GoldEntity("Moscow", "LOC", ["Mosca"], null, false),
        new GoldEntity("TASS", "ORG", ["Tass"], [], false),
        new GoldEntity("Google News", "ORG", ["Google News"], [], true),
    ],
    [
        new GoldEvent("meeting", ["Vladimir Putin", "Kim Jong Un"], null, null, [], "Putin ha incontrato Kim a Pyongyang."),
        new GoldEvent("treaty_signed", ["Vladimir Putin"], "2024-06-19", "Vladimir Putin, as reported by TASS", [], "Putin ha firmato il trattato"),
    ]);

    private static Mention M(Document d, string text, EntitySchema schema, int occurrence = 0)
    {
        var at = -1;
        for (var k = 0; k <= occurrence; k++) at = d.Text.IndexOf(text, at + 1, StringComparison.Ordinal);
        return new Mention(new Span(d.Id, at, at + text.Length), text, schema, text);
    }

    private static SanctionHit Hit(string list, bool match) => new(list, "1", "X", match ? 0.9 : 0.5, match, [], "", []);

    private static Claim C(Document d, ClaimType type, string evidence, string? attribution = null, FuzzyDate? date = null)
    {
        var at = d.Text.IndexOf(evidence, StringComparison.Ordinal);
        return new Claim("c" + at, d.Id, type, [], null, date is { } v ? new DateMention(new Span(d.Id, at, at), v.ToString(), v) : null,
            attribution, attribution is null ? Stance.Asserted : Stance.Reported, [], [], new Span(d.Id, at, at + evidence.Length), evidence);
    }

    [Fact]
    public void Counts_entities_by_exact_surface_and_type_and_ignores_page_chrome()
    {
        var d = TestData.Doc(Text);
        Entity E(string name, EntitySchema schema, params Mention[] mentions) => new(name, schema, name, [], mentions, []);
        var entities = new[]
        {
            E("putin", EntitySchema.Person, M(d, "Putin", EntitySchema.Person), M(d, "Putin", EntitySchema.Person, 1)),
            E("kim", EntitySchema.Organization, M(d, "Kim", EntitySchema.Organization)),        // wrong type
            E("pyongyang", EntitySchema.Location, M(d, "Pyongyang.", EntitySchema.Location)),  // boundary off by one
            E("google", EntitySchema.Organization, M(d, "Google News", EntitySchema.Organization)), // page chrome: neither right nor wrong
        };
        var c = SeedGoldScore.Compare(Gold, d, entities, []);
        Assert.Equal(new GoldCount(1, 3, 1, 5), c.Entities);
        Assert.Equal(new GoldCount(2, 3, 2, 5), c.EntitiesOverlap);
    }

    [Fact]
    public void Claims_need_the_type_and_overlapping_evidence_and_attribution_is_compared_by_name()
    {
        var d = TestData.Doc(Text);
        var claims = new[]
        {
            C(d, ClaimType.Meeting, "Putin ha incontrato Kim a Pyongyang."),
            C(d, ClaimType.TreatySigned, "Secondo la Tass, Putin ha firmato il trattato.", attribution: "Vladimir Putin", date: FuzzyDate.Day(new NodaTime.LocalDate(2024, 6, 19))),
            C(d, ClaimType.Statement, "Mosca."),
        };
        var c = SeedGoldScore.Compare(Gold, d, [], claims);
        Assert.Equal(new GoldCount(2, 3, 2, 2), c.Claims);
        Assert.Equal(2, c.Matched);
        Assert.Equal(2, c.AttributionAgrees);
        Assert.Equal((1, 1), (c.DatedGold, c.DatedFound));

        var mistyped = SeedGoldScore.Compare(Gold, d, [], [C(d, ClaimType.Statement, "Putin ha incontrato Kim a Pyongyang.")]);
        Assert.Equal(new GoldCount(0, 1, 0, 2), mistyped.Claims);
        Assert.Equal(new GoldCount(1, 1, 1, 2), mistyped.ClaimSentences);
    }

    [Fact]
    public void Attribution_in_the_texts_own_voice_does_not_agree_with_a_named_source()
    {
        var d = TestData.Doc(Text);
        var claim = C(d, ClaimType.TreatySigned, "Putin ha firmato il trattato", attribution: null);
        Assert.False(SeedGoldScore.AttributionAgrees("Vladimir Putin, as reported by TASS", claim, Gold.Entities));
        Assert.True(SeedGoldScore.AttributionAgrees(null, claim, Gold.Entities));
        // The claim names the source as the text does (Tass); the annotation's label names its entity (TASS).
        Assert.True(SeedGoldScore.AttributionAgrees("TASS", claim with { Attribution = "la Tass" }, Gold.Entities));
        Assert.False(SeedGoldScore.AttributionAgrees("Yuri Ushakov", claim with { Attribution = "Tass" }, Gold.Entities));
    }

    [Fact]
    public void Screening_counts_matches_on_the_annotated_lists_and_on_entities_known_to_be_unlisted()
    {
        var d = TestData.Doc(Text);
        var putin = new Entity("putin", EntitySchema.Person, "Vladimir Putin", [], [M(d, "Putin", EntitySchema.Person)], [Hit("US-OFAC", true)]);
        var kim = new Entity("kim", EntitySchema.Person, "Kim", [], [M(d, "Kim", EntitySchema.Person)], [Hit("US-OFAC", false)]);
        var tass = new Entity("tass", EntitySchema.Organization, "TASS", [], [M(d, "Tass", EntitySchema.Organization)], [Hit("AU", true)]);
        var c = SeedGoldScore.Compare(Gold, d, [putin, kim, tass], []);
        // Putin: right; Kim: listed but not matched (a miss); TASS: matched though the annotator is sure it is unlisted (wrong).
        Assert.Equal(new GoldCount(1, 2, 1, 2), c.Screening);
    }

    [Fact]
    public void Reads_the_five_seed_annotations_in_place()
    {
        var gold = SeedGold.Load(SharedData.FindRoot());
        Assert.Equal(5, gold.Count);
        Assert.Equal(110, gold.Sum(g => g.Entities.Count));
        Assert.Equal(54, gold.Sum(g => g.Events.Count));
        Assert.Equal(10, gold.Sum(g => g.Entities.Count(e => e.BoilerplateOnly)));
        Assert.Contains(gold.SelectMany(g => g.Events), e => e.Type == "veto");
    }

    [Fact]
    public void A_broken_annotation_file_is_named_in_the_error()
    {
        var path = Path.Combine(Path.GetTempPath(), $"seed-gold-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, "{\"doc\": \"x.txt\", \"entities\": [");
        try
        {
            var e = Assert.Throws<InvalidDataException>(() => SeedGold.Read(path));
            Assert.Contains(path, e.Message);
        }
        finally { File.Delete(path); }
    }
}
