using Vigil.Analysis;
using Vigil.Model;
using static Vigil.Tests.Analysis.AnalysisFixtures;

namespace Vigil.Tests.Analysis;

public class StoryClustererTests
{
    [Fact]
    public void An_italian_and_a_korean_report_of_one_signing_land_in_one_story()
    {
        var it = Doc("it", "Vladimir Putin e Kim Jong-un hanno firmato a Pyongyang il 19 giugno 2024 un trattato di partenariato strategico.", "it");
        var ko = Doc("ko", "푸틴 대통령과 김정은 위원장은 2024년 6월 19일 평양에서 포괄적 전략 동반자 조약에 서명했다.", "ko");
        var other = Doc("x", "Kim Jong-un met Vladimir Putin at Vostochny in September 2023.");
        var extractions = new[]
        {
            Extract(it, [Mention(it, "Vladimir Putin", EntitySchema.Person), Mention(it, "Kim Jong-un", EntitySchema.Person)],
                [Claim(it, ClaimType.TreatySigned, ["Vladimir Putin", "Kim Jong-un"], "2024-06-19")]),
            Extract(ko, [Mention(ko, "푸틴", EntitySchema.Person), Mention(ko, "김정은", EntitySchema.Person)],
                [Claim(ko, ClaimType.TreatySigned, ["푸틴", "김정은"], "2024-06-19")]),
            Extract(other, [Mention(other, "Kim Jong-un", EntitySchema.Person), Mention(other, "Vladimir Putin", EntitySchema.Person)],
                [Claim(other, ClaimType.Meeting, ["Kim Jong-un", "Vladimir Putin"], "2023-09")]),
        };
        var entities = new EntityResolver().Resolve([it, ko, other], extractions);
        var clusterer = new StoryClusterer(new EntityLookup(entities));
        foreach (var x in extractions) clusterer.Add(x.Claims);

        Assert.Equal(2, clusterer.Clusters.Count);
        var signing = clusterer.Clusters[clusterer.ClusterOf(extractions[0].Claims[0].Id)];
        Assert.Equal(["it", "ko"], signing.Claims.Select(c => c.DocumentId).ToArray());
    }

    [Fact]
    public void Claims_without_resolved_parties_in_common_stay_apart_even_with_the_same_words()
    {
        var a = Doc("a", "North Korea shipped artillery shells to Russia.");
        var b = Doc("b", "Iran shipped artillery shells to Sudan.");
        var clusterer = new StoryClusterer(EntityLookup.Empty);
        clusterer.Add([Claim(a, ClaimType.ArmsTransfer, ["North Korea", "Russia"])]);
        clusterer.Add([Claim(b, ClaimType.ArmsTransfer, ["Iran", "Sudan"])]);
        Assert.Equal(2, clusterer.Clusters.Count);
    }

    [Fact]
    public void Contradicting_dates_keep_two_meetings_of_the_same_people_apart()
    {
        var a = Doc("a", "Putin and Kim met in Pyongyang.");
        var b = Doc("b", "Putin and Kim met in Amur.");
        var c = Doc("c", "Putin and Kim met again.");
        var clusterer = new StoryClusterer(EntityLookup.Empty);
        clusterer.Add([Claim(a, ClaimType.Meeting, ["Putin", "Kim"], "2024-06-19")]);
        clusterer.Add([Claim(b, ClaimType.Meeting, ["Putin", "Kim"], "2023-09-13")]);
        clusterer.Add([Claim(c, ClaimType.Meeting, ["Putin", "Kim"], "2024-06")]);
        Assert.Equal(2, clusterer.Clusters.Count);
        Assert.Equal(["a", "c"], clusterer.Clusters[0].Claims.Select(x => x.DocumentId).ToArray());
    }

    [Fact]
    public void A_denial_joins_the_story_of_the_claim_it_denies_not_the_summit_of_the_same_parties()
    {
        var d = Doc("d", "Russia and North Korea signed a treaty. Seoul says North Korea sent 11,000 containers of munitions to Russia. Moscow and Pyongyang deny it.");
        var clusterer = new StoryClusterer(EntityLookup.Empty);
        clusterer.Add([
            Claim(d, ClaimType.TreatySigned, ["Russia", "North Korea"], n: 1),
            Claim(d, ClaimType.ArmsTransfer, ["North Korea", "Russia"], deniedBy: ["Russia", "North Korea"], n: 2),
            Claim(d, ClaimType.Denial, ["Russia", "North Korea"], n: 3),
        ]);
        Assert.Equal(2, clusterer.Clusters.Count);
        Assert.Equal([ClaimType.ArmsTransfer, ClaimType.Denial], clusterer.Clusters[1].Claims.Select(c => c.Type).ToArray());
    }

    [Fact]
    public void A_report_naming_the_leaders_in_its_headline_and_their_countries_in_its_text_makes_one_story()
    {
        var a = Doc("a", "Putin and Kim sign a pact. North Korea and Russia signed a mutual defence agreement on Wednesday.");
        var clusterer = new StoryClusterer(EntityLookup.Empty);
        clusterer.Add([
            Claim(a, ClaimType.TreatySigned, ["Putin", "Kim"], evidence: "Putin and Kim sign a pact.", n: 1),
            Claim(a, ClaimType.TreatySigned, ["North Korea", "Russia", "Kim"], evidence: "North Korea and Russia signed a mutual defence agreement on Wednesday.", n: 2)]);
        Assert.Single(clusterer.Clusters);
    }

    [Fact]
    public void A_dated_older_treaty_in_the_same_report_stays_a_story_of_its_own()
    {
        var a = Doc("a", "Putin and Kim signed a pact. It replaces the treaties Moscow and Pyongyang signed in 1961.");
        var clusterer = new StoryClusterer(EntityLookup.Empty);
        clusterer.Add([
            Claim(a, ClaimType.TreatySigned, ["Putin", "Kim"], evidence: "Putin and Kim signed a pact.", n: 1),
            Claim(a, ClaimType.TreatySigned, ["Moscow", "Pyongyang", "Putin"], "1961", evidence: "It replaces the treaties Moscow and Pyongyang signed in 1961.", n: 2)]);
        Assert.Equal(2, clusterer.Clusters.Count);
    }

    [Fact]
    public void A_report_naming_the_parties_of_two_stories_merges_them_into_the_older_one()
    {
        var a = Doc("a", "Putin and Kim signed a treaty.");
        var b = Doc("b", "Russia and North Korea signed a treaty.");
        var c = Doc("c", "Russia and North Korea signed a treaty, Putin and Kim said.");
        var clusterer = new StoryClusterer(EntityLookup.Empty);
        clusterer.Add([Claim(a, ClaimType.TreatySigned, ["Putin", "Kim"])]);
        clusterer.Add([Claim(b, ClaimType.TreatySigned, ["Russia", "North Korea"])]);
        Assert.Equal(2, clusterer.Clusters.Count);
        var firstId = clusterer.Clusters[0].Id;

        clusterer.Add([Claim(c, ClaimType.TreatySigned, ["Russia", "North Korea", "Putin", "Kim"])]);
        var story = Assert.Single(clusterer.Clusters);
        Assert.Equal(firstId, story.Id);
        Assert.Equal(["a", "b", "c"], story.Claims.Select(x => x.DocumentId).Order().ToArray());
        Assert.Equal(0, clusterer.ClusterOf(story.Claims.First(x => x.DocumentId == "b").Id));
    }

    [Fact]
    public void Stories_whose_dates_disagree_are_not_merged_by_an_undated_claim()
    {
        var a = Doc("a", "Putin and Kim met.");
        var b = Doc("b", "Putin and Kim met.");
        var c = Doc("c", "Putin and Kim met.");
        var clusterer = new StoryClusterer(EntityLookup.Empty);
        clusterer.Add([Claim(a, ClaimType.Meeting, ["Putin", "Kim"], "2023-09-13")]);
        clusterer.Add([Claim(b, ClaimType.Meeting, ["Putin", "Kim"], "2024-06-19")]);
        clusterer.Add([Claim(c, ClaimType.Meeting, ["Putin", "Kim"])]);
        Assert.Equal(2, clusterer.Clusters.Count);
    }

    [Fact]
    public void A_dated_claim_joins_an_undated_story_only_when_the_story_holds_all_its_parties()
    {
        var a = Doc("a", "Putin and Kim signed a treaty in Pyongyang.");
        var b = Doc("b", "Putin and Kim signed the treaty on 19 June 2024.");
        var c = Doc("c", "It replaces the treaty Moscow and Pyongyang signed in 1961, Putin said.");
        var clusterer = new StoryClusterer(EntityLookup.Empty);
        clusterer.Add([Claim(a, ClaimType.TreatySigned, ["Putin", "Kim", "Pyongyang"])]);
        clusterer.Add([Claim(b, ClaimType.TreatySigned, ["Putin", "Kim"], "2024-06-19")]);
        Assert.Single(clusterer.Clusters);

        var other = new StoryClusterer(EntityLookup.Empty);
        other.Add([Claim(a, ClaimType.TreatySigned, ["Putin", "Kim", "Pyongyang"])]);
        other.Add([Claim(c, ClaimType.TreatySigned, ["Moscow", "Pyongyang", "Putin"], "1961")]);
        Assert.Equal(2, other.Clusters.Count);
    }
}
