using Vigil.Extraction;
using Vigil.Extraction.Ner;
using Vigil.Model;

namespace Vigil.Tests.Extraction;

public sealed class ExtractorModelTests(ExtractorFixture fixture) : IClassFixture<ExtractorFixture>
{
    private static TaggedSentence S(string words, string tags) => new(words.Split(' '), tags.Split(' '));

    [Fact]
    public void A_statistical_model_adds_names_the_gazetteer_lacks_with_exact_offsets()
    {
        var model = SequenceTagger.Train(
        [
            S("ieri Mario Rossi ha parlato", "O B-PER I-PER O O"),
            S("ieri Luca Bianchi ha parlato", "O B-PER I-PER O O"),
            S("ieri Anna Verdi ha parlato", "O B-PER I-PER O O"),
            S("ieri ha parlato", "O O O"),
        ], fixture.Extractor.Gazetteer, epochs: 10, bits: 14);
        var extractor = new Extractor(fixture.Extractor.Gazetteer, new ExtractorOptions { NerModels = new Dictionary<string, SequenceTagger> { ["it"] = model } });
        const string text = "A Mosca ieri Paolo Neri ha parlato.";
        var mentions = extractor.Extract(new Document("d", "t", text, Ids.Hash(text), Lang: "it")).Mentions;
        var person = Assert.Single(mentions, m => m.Schema == EntitySchema.Person);
        Assert.Equal("Paolo Neri", person.Text);
        Assert.Equal(text[person.Span.Start..person.Span.End], person.Text);
        Assert.Contains(mentions, m => m.Name == "Moscow");
        // Without the model the same text has no person: the model is what found it.
        Assert.DoesNotContain(fixture.Extractor.Extract(new Document("d", "t", text, Ids.Hash(text), Lang: "it")).Mentions, m => m.Schema == EntitySchema.Person);
    }
}
