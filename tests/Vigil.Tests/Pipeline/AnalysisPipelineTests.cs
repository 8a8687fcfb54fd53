using Vigil.Analysis;
using Vigil.Extraction;
using Vigil.Model;
using Vigil.Pipeline;
using Vigil.Screening;

namespace Vigil.Tests.Pipeline;

public class AnalysisPipelineTests
{
    /// <summary>Finds every occurrence of the given names, as Person or Location.</summary>
    private sealed class NameFinder(params (string Name, EntitySchema Schema)[] names) : IExtractor
    {
        public ExtractionResult Extract(Document d) => new(d.Id,
            names.SelectMany(n => AllIndexes(d.Text, n.Name).Select(i => new Mention(new Span(d.Id, i, i + n.Name.Length), n.Name, n.Schema, n.Name))).ToList(),
            [], [], []);

        private static IEnumerable<int> AllIndexes(string text, string s)
        {
            for (var i = text.IndexOf(s, StringComparison.Ordinal); i >= 0; i = text.IndexOf(s, i + 1, StringComparison.Ordinal)) yield return i;
        }
    }

    private sealed class GroupByName : IEntityResolver
    {
        public IReadOnlyList<Entity> Resolve(IReadOnlyList<Document> documents, IReadOnlyList<ExtractionResult> extractions) =>
            extractions.SelectMany(x => x.Mentions).GroupBy(m => (m.Name, m.Schema))
                .Select(g => new Entity(Ids.Derive("ent", g.Key.Name), g.Key.Schema, g.Key.Name, [], g.ToList(), [])).ToList();
    }

    /// <summary>Screens by exact name, recording what it was asked.</summary>
    private sealed class ExactScreener(string listed) : IScreener
    {
        public List<ScreeningQuery> Queries { get; } = [];

        public IReadOnlyList<SanctionHit> Screen(ScreeningQuery query, int limit = 10, double minScore = 0.5)
        {
            lock (Queries) Queries.Add(query);
            return query.Name == listed ? [new SanctionHit("US-OFAC", "1", listed, 1.0, true, [], "exact", [])] : [];
        }
    }

    [Fact]
    public void Entities_are_screened_but_places_never_are()
    {
        var screener = new ExactScreener("Russia");
        var pipeline = new AnalysisPipeline(new NameFinder(("Putin", EntitySchema.Person), ("Russia", EntitySchema.Location)), new GroupByName(), new EntityScreening(screener));
        var result = pipeline.Analyze([TestData.Doc("Putin flew from Russia. Putin landed.")]);

        Assert.All(result.Entities, e => Assert.Empty(e.Sanctions));
        Assert.DoesNotContain(screener.Queries, q => q.Name == "Russia");
        Assert.Equal(2, result.Entities.Single(e => e.Name == "Putin").Mentions.Count);
    }

    [Fact]
    public void Each_entity_keeps_one_hit_per_list_entry_across_documents()
    {
        var pipeline = new AnalysisPipeline(new NameFinder(("Putin", EntitySchema.Person)), new GroupByName(), new EntityScreening(new ExactScreener("Putin")));
        var result = pipeline.Analyze([TestData.Doc("Putin spoke."), TestData.Doc("Later Putin left.")]);
        var putin = Assert.Single(result.Entities);
        Assert.Single(putin.Sanctions);
        Assert.Equal(2, result.Documents.Count);
    }

    [Fact]
    public void A_part_of_a_fuller_name_of_the_same_entity_is_not_screened_alone()
    {
        // "Kim Jong" (a text that cut the name short) belongs to Kim Jong Un; screened alone it would find Kim Jung Jong.
        var entity = new Entity("e1", EntitySchema.Person, "Kim Jong Un", ["Kim Jong", "Kim Jong-un", "Kim", "Ким Чен Ын", "Jong Un Kim"], [], []);
        var names = EntityScreening.NamesToScreen(entity);
        Assert.Equal(["Kim Jong Un", "Kim Jong-un", "Ким Чен Ын", "Jong Un Kim"], names);
        Assert.Equal(["Kim Jong Un"], EntityScreening.NamesToScreen(entity with { Name = "Kim Jong", Aliases = ["Kim Jong Un"] }));
    }

    [Fact]
    public void A_shorter_name_that_is_no_part_of_another_is_screened()
    {
        var entity = new Entity("e1", EntitySchema.Organization, "Korea Mining Development Trading Corporation", ["KOMID", "Mining Development Bank", "Корея Майнинг"], [], []);
        Assert.Equal(["Korea Mining Development Trading Corporation", "Mining Development Bank", "Корея Майнинг"], EntityScreening.NamesToScreen(entity));
    }

    [Fact]
    public void A_name_of_unknown_kind_in_one_word_is_not_screened_but_in_several_it_is()
    {
        Assert.Empty(EntityScreening.NamesToScreen(new Entity("e1", EntitySchema.LegalEntity, "Jupiter", [], [], [])));
        Assert.Equal(["Mossack Fonseca"], EntityScreening.NamesToScreen(new Entity("e2", EntitySchema.LegalEntity, "Mossack Fonseca", ["Mossack"], [], [])));
        Assert.Equal(["Sputnik"], EntityScreening.NamesToScreen(new Entity("e3", EntitySchema.Organization, "Sputnik", [], [], [])));
    }
}
