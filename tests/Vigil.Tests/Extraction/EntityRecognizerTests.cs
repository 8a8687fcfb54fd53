using Vigil.Model;

namespace Vigil.Tests.Extraction;

/// <summary>Names the gazetteer would misread, on sentences written for the tests.</summary>
public sealed class EntityRecognizerTests(ExtractorFixture fixture) : IClassFixture<ExtractorFixture>
{
    private IReadOnlyList<Mention> Mentions(string text) =>
        fixture.Extractor.Extract(new Document("d", "t", text, Ids.Hash(text), Lang: "it")).Mentions;

    [Fact]
    public void A_given_name_that_is_also_a_city_before_a_surname_is_a_person()
    {
        var mentions = Mentions("Secondo il rapporto, Vladimir Smirnov ha incontrato i giornalisti a Vladimir.");
        Assert.Contains(mentions, m => m.Text == "Vladimir Smirnov" && m.Schema == EntitySchema.Person);
        // The city alone stays a place.
        Assert.Contains(mentions, m => m.Text == "Vladimir" && m.Schema == EntitySchema.Location);
    }

    [Fact]
    public void A_listed_name_glued_to_the_next_word_is_still_found()
    {
        var mentions = Mentions("Durante la visita a Pyongyang Vladimir PutinChi ringraziato il leader.");
        var putin = Assert.Single(mentions, m => m.Name == "Vladimir Putin");
        Assert.Equal("Vladimir Putin", putin.Text);
        Assert.Equal(EntitySchema.Person, putin.Schema);
        Assert.DoesNotContain(mentions, m => m.Text == "Vladimir" && m.Schema == EntitySchema.Location);
    }

    [Fact]
    public void A_glued_auxiliary_is_cut_from_a_name_written_alone_elsewhere()
    {
        var mentions = Mentions("Il ministro della Difesa Mario Bellandiha avvertito gli alleati. Bellandi ha parlato a lungo.");
        Assert.Contains(mentions, m => m.Text == "Mario Bellandi" && m.Schema == EntitySchema.Person);
        Assert.Contains(mentions, m => m.Text == "Bellandi" && m.Name == "Mario Bellandi");
    }

    [Fact]
    public void A_plain_word_opening_a_sentence_is_not_an_accented_place_name_with_the_same_key()
    {
        var mentions = Mentions("Come noto, la delegazione è partita ieri. Il vertice si terrà a Como.");
        Assert.DoesNotContain(mentions, m => m.Text == "Come");
        Assert.Contains(mentions, m => m.Text == "Como" && m.Schema == EntitySchema.Location);

        // Written with its accent, the French name is the place.
        Assert.Contains(Mentions("Côme accueille le sommet."), m => m.Text == "Côme" && m.Name == "Como");
    }

    [Fact]
    public void A_russian_word_opening_a_sentence_is_a_place_only_when_the_dictionary_reads_it_as_a_name()
    {
        // "Более" (more) shares its stem with the Turkish town Болу; "Москва" opening a sentence is still Moscow.
        var mentions = fixture.Extractor.Extract(new Document("d", "t", "Более десяти тысяч снарядов прибыли в Россию. Москва это подтвердила.", "h-ru", Lang: "ru")).Mentions;
        Assert.DoesNotContain(mentions, m => m.Text == "Более");
        Assert.Contains(mentions, m => m.Text == "Москва" && m.Schema == EntitySchema.Location);
    }
}
