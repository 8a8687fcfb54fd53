using Vigil.Analysis;
using Vigil.Model;
using static Vigil.Tests.Analysis.AnalysisFixtures;

namespace Vigil.Tests.Analysis;

public class EntityResolverTests
{
    private static IReadOnlyList<Entity> Resolve(params (Document doc, Mention[] mentions)[] input) =>
        new EntityResolver().Resolve(input.Select(i => i.doc).ToList(), input.Select(i => Extract(i.doc, i.mentions)).ToList());

    [Fact]
    public void One_person_written_in_four_ways_and_three_scripts_is_one_entity_with_every_alias()
    {
        var it = Doc("it", "Kim Jong-un ha ricevuto Putin. Kim Jong Un ha detto che...", "it");
        var ko = Doc("ko", "김정은 위원장은 푸틴 대통령을 맞았다.", "ko");
        var ru = Doc("ru", "Ким Чен Ын встретил Путина.", "ru");
        var entities = Resolve(
            (it, [Mention(it, "Kim Jong-un", EntitySchema.Person), Mention(it, "Kim Jong Un", EntitySchema.Person), Mention(it, "Putin", EntitySchema.Person)]),
            (ko, [Mention(ko, "김정은", EntitySchema.Person), Mention(ko, "푸틴", EntitySchema.Person)]),
            (ru, [Mention(ru, "Ким Чен Ын", EntitySchema.Person), Mention(ru, "Путина", EntitySchema.Person, name: "Путин")]));

        var kim = Assert.Single(entities, e => e.Mentions.Any(m => m.Text == "김정은"));
        Assert.Equal(4, kim.Mentions.Count);
        Assert.Contains(kim.Name, new[] { "Kim Jong-un", "Kim Jong Un" });
        foreach (var form in new[] { "Kim Jong-un", "Kim Jong Un", "김정은", "Ким Чен Ын" })
            Assert.True(kim.Name == form || kim.Aliases.Contains(form), form);
        var putin = Assert.Single(entities, e => e.Mentions.Any(m => m.Text == "푸틴"));
        Assert.Equal(3, putin.Mentions.Count);
        Assert.Equal(2, entities.Count);
    }

    [Fact]
    public void Korean_transcriptions_split_into_syllables_meet_the_latin_name()
    {
        // 평양 romanises syllable by syllable (pyeong·yang) and 블라디미르 repeats the l across syllables (beul·la):
        // a consonant doubled only at a syllable boundary is the one consonant of Pyongyang and Vladimir.
        var en = Doc("en", "Vladimir Putin landed in Pyongyang.", "en");
        var ko = Doc("ko", "블라디미르 푸틴 대통령이 평양에 도착했다.", "ko");
        var entities = Resolve(
            (en, [Mention(en, "Vladimir Putin", EntitySchema.Person), Mention(en, "Pyongyang", EntitySchema.Location)]),
            (ko, [Mention(ko, "블라디미르 푸틴", EntitySchema.Person), Mention(ko, "평양", EntitySchema.Location)]));
        Assert.Equal(2, entities.Count);
        Assert.Contains("블라디미르 푸틴", Assert.Single(entities, e => e.Name == "Vladimir Putin").Aliases);
        Assert.Contains("평양", Assert.Single(entities, e => e.Name == "Pyongyang").Aliases);
    }

    [Fact]
    public void Different_people_with_similar_latin_names_stay_apart()
    {
        var d = Doc("d", "Kim Jong Un met Kim Jong Il's widow; Kim Jin Un was absent.");
        var entities = Resolve((d, [Mention(d, "Kim Jong Un", EntitySchema.Person), Mention(d, "Kim Jong Il", EntitySchema.Person), Mention(d, "Kim Jin Un", EntitySchema.Person)]));
        Assert.Equal(3, entities.Count);
    }

    [Fact]
    public void A_surname_joins_the_full_name_in_its_document_and_the_most_mentioned_one_when_ambiguous()
    {
        var d = Doc("d", "Vladimir Putin met Kim Jong-un in piazza Kim Il-Sung. Kim Jong-un smiled; Putin and Kim spoke.");
        var entities = Resolve((d, [
            Mention(d, "Vladimir Putin", EntitySchema.Person), Mention(d, "Kim Jong-un", EntitySchema.Person),
            Mention(d, "piazza Kim Il-Sung", EntitySchema.Location), Mention(d, "Kim Il-Sung", EntitySchema.Person),
            Mention(d, "Kim Jong-un", EntitySchema.Person, from: 40), Mention(d, "Putin", EntitySchema.Person, from: 40),
            Mention(d, "Kim", EntitySchema.Person, from: d.Text.IndexOf("and Kim"))]));

        var kim = Assert.Single(entities, e => e.Name == "Kim Jong-un");
        Assert.Contains("Kim", kim.Aliases);
        Assert.Equal(3, kim.Mentions.Count);
        Assert.Contains("Putin", Assert.Single(entities, e => e.Name == "Vladimir Putin").Aliases);
        Assert.Single(Assert.Single(entities, e => e.Name == "Kim Il-Sung").Mentions);
        Assert.Single(entities, e => e.Schema == EntitySchema.Location);
    }

    [Fact]
    public void A_surname_alone_in_one_document_joins_the_only_full_name_elsewhere()
    {
        var a = Doc("a", "Vladimir Putin arrived.");
        var b = Doc("b", "Putin left.");
        var entities = Resolve((a, [Mention(a, "Vladimir Putin", EntitySchema.Person)]), (b, [Mention(b, "Putin", EntitySchema.Person)]));
        var e = Assert.Single(entities);
        Assert.Equal("Vladimir Putin", e.Name);
    }

    [Fact]
    public void Schema_is_the_majority_and_ids_are_stable_and_depend_on_the_name()
    {
        var d = Doc("d", "The Kremlin said. Kremlin sources. The kremlin denied.");
        Mention[] ms = [Mention(d, "Kremlin", EntitySchema.Organization), Mention(d, "Kremlin", EntitySchema.Location, from: 10),
            Mention(d, "kremlin", EntitySchema.Organization, name: "Kremlin")];
        var first = Assert.Single(Resolve((d, ms)));
        var again = Assert.Single(Resolve((d, ms.Reverse().ToArray())));
        Assert.Equal(EntitySchema.Organization, first.Schema);
        Assert.Equal(first.Id, again.Id);
        Assert.StartsWith(EntityResolver.IdPrefix + "-", first.Id);
        Assert.NotEqual(first.Id, EntityResolver.IdFor(EntitySchema.Organization, "Kremlin Palace"));
    }

    [Fact]
    public void Name_is_the_most_frequent_full_form()
    {
        var d = Doc("d", "Kim Jong Un. Kim Jong-un. Kim Jong-un. Kim.");
        var e = Assert.Single(Resolve((d, [Mention(d, "Kim Jong Un", EntitySchema.Person), Mention(d, "Kim Jong-un", EntitySchema.Person),
            Mention(d, "Kim Jong-un", EntitySchema.Person, from: 20), Mention(d, "Kim", EntitySchema.Person, from: 38)])));
        Assert.Equal("Kim Jong-un", e.Name);
        Assert.Equal(["Kim Jong Un", "Kim"], e.Aliases.OrderByDescending(a => a.Length).ToArray());
    }

    [Fact]
    public void A_name_of_unknown_kind_takes_the_kind_another_document_gives_it()
    {
        // English capitals find "Subhash Kapoor" without saying what it is; a title elsewhere says it is a person.
        var a = Doc("a", "Statues were seized from Subhash Kapoor in 2011, and Subhash Kapoor sold them.", "en");
        var b = Doc("b", "The dealer Subhash Kapoor was convicted.", "en");
        var entities = Resolve(
            (a, [Mention(a, "Subhash Kapoor", EntitySchema.LegalEntity), Mention(a, "Subhash Kapoor", EntitySchema.LegalEntity, from: 40)]),
            (b, [Mention(b, "Subhash Kapoor", EntitySchema.Person)]));
        var kapoor = Assert.Single(entities);
        Assert.Equal(EntitySchema.Person, kapoor.Schema);
        Assert.Equal(3, kapoor.Mentions.Count);
    }
}
