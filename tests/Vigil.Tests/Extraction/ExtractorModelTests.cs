using Vigil.Analysis;
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

    /// <summary>A Korean sentence as the character tagger reads it (spaces as "_"), with one person spelt out in it.</summary>
    private static TaggedSentence Characters(string sentence, string person)
    {
        var words = sentence.Select(c => c == ' ' ? "_" : c.ToString()).ToList();
        var tags = Enumerable.Repeat("O", words.Count).ToArray();
        var at = sentence.IndexOf(person, StringComparison.Ordinal);
        for (var k = 0; at >= 0 && k < person.Length; k++) tags[at + k] = (k == 0 ? "B-" : "I-") + "PER";
        return new TaggedSentence(words, tags);
    }

    [Fact]
    public void A_person_whose_first_name_is_a_city_is_the_tagger_s_person_not_the_gazetteer_s_city()
    {
        var model = SequenceTagger.Train(
        [
            Characters("블라디미르 푸틴 대통령이 말했다", "블라디미르 푸틴"),
            Characters("도널드 트럼프 대통령이 말했다", "도널드 트럼프"),
            Characters("대통령이 말했다", "-"),
        ], fixture.Extractor.Gazetteer, epochs: 10, bits: 14, mode: NerFeatures.FeatureSet.Characters);
        var extractor = new Extractor(fixture.Extractor.Gazetteer, new ExtractorOptions { NerModels = new Dictionary<string, SequenceTagger> { ["ko"] = model } });
        const string text = "블라디미르 푸틴 대통령이 말했다.";
        // The gazetteer alone reads 블라디미르 as the Russian city of Vladimir.
        Assert.Contains(fixture.Extractor.Extract(new Document("d", "t", text, Ids.Hash(text), Lang: "ko")).Mentions, m => m.Text == "블라디미르" && m.Schema == EntitySchema.Location);
        var mentions = extractor.Extract(new Document("d", "t", text, Ids.Hash(text), Lang: "ko")).Mentions;
        Assert.Equal("블라디미르 푸틴", Assert.Single(mentions, m => m.Schema == EntitySchema.Person).Text);
        Assert.DoesNotContain(mentions, m => m.Schema == EntitySchema.Location);
    }

    [Fact]
    public void A_russian_adjective_the_tagger_marks_as_a_place_is_no_mention()
    {
        var model = SequenceTagger.Train(
        [
            S("Южнокорейская разведка сообщила", "B-LOC O O"),
            S("Москва сообщила", "B-LOC O"),
            S("разведка сообщила", "O O"),
        ], fixture.Extractor.Gazetteer, epochs: 10, bits: 14);
        var extractor = new Extractor(fixture.Extractor.Gazetteer, new ExtractorOptions { NerModels = new Dictionary<string, SequenceTagger> { ["ru"] = model } });
        Assert.Equal(["B-LOC", "O", "O", "O"], model.Predict("Южнокорейская разведка сообщила .".Split(' '), fixture.Extractor.Gazetteer));
        const string text = "Южнокорейская разведка сообщила.";
        Assert.DoesNotContain(extractor.Extract(new Document("d", "t", text, Ids.Hash(text), Lang: "ru")).Mentions, m => m.Text == "Южнокорейская");
    }

    [Fact]
    public void A_model_source_is_asked_only_for_the_languages_of_the_documents()
    {
        var model = SequenceTagger.Train(
        [
            S("ieri Mario Rossi ha parlato", "O B-PER I-PER O O"),
            S("ieri ha parlato", "O O O"),
        ], fixture.Extractor.Gazetteer, epochs: 10, bits: 14);
        var asked = new List<string>();
        var extractor = new Extractor(fixture.Extractor.Gazetteer, new ExtractorOptions
        {
            ModelSource = lang => { lock (asked) asked.Add(lang); return lang == "it" ? model : null; },
        });
        const string text = "ieri Paolo Neri ha parlato.";
        Assert.Contains(extractor.Extract(new Document("d", "t", text, Ids.Hash(text), Lang: "it")).Mentions, m => m.Text == "Paolo Neri");
        extractor.Extract(new Document("e", "t", "Yesterday nobody spoke.", Ids.Hash("Yesterday nobody spoke."), Lang: "en"));
        Assert.Equal(["it", "en"], asked);
        // A model the caller gives comes before the source.
        var given = new Extractor(fixture.Extractor.Gazetteer, new ExtractorOptions { NerModels = new Dictionary<string, SequenceTagger> { ["it"] = model }, ModelSource = _ => throw new InvalidOperationException() });
        Assert.Contains(given.Extract(new Document("d", "t", text, Ids.Hash(text), Lang: "it")).Mentions, m => m.Text == "Paolo Neri");
    }

    [Fact]
    public void A_document_context_model_tags_the_document_sentences_together()
    {
        TaggedSentence[] running =
        [
            S("ieri Mario Rossi ha parlato", "O B-PER I-PER O O"),
            S("Rossi ha detto no", "B-PER O O O"),
            S("ieri Luca Bianchi ha parlato", "O B-PER I-PER O O"),
            S("Bianchi ha detto no", "B-PER O O O"),
            S("ieri ha parlato", "O O O"),
            S("ha detto no", "O O O"),
        ];
        var model = SequenceTagger.Train(running, fixture.Extractor.Gazetteer, epochs: 10, bits: 14, documentWindow: 3, twoStage: true);
        var extractor = new Extractor(fixture.Extractor.Gazetteer, new ExtractorOptions { NerModels = new Dictionary<string, SequenceTagger> { ["it"] = model } });
        const string text = "Ieri Paolo Neri ha parlato. Neri ha detto no.";
        var found = extractor.Extract(new Document("d", "t", text, Ids.Hash(text), Lang: "it")).Mentions
            .Where(m => m.Confidence == 0.6).Select(m => m.Text).ToList();

        IReadOnlyList<string>[] sentences = ["Ieri Paolo Neri ha parlato .".Split(' '), "Neri ha detto no .".Split(' ')];
        var expected = model.PredictDocument(sentences, fixture.Extractor.Gazetteer)
            .SelectMany((tags, k) => NerLabels.Spans(tags).Select(s => string.Join(' ', sentences[k].Skip(s.First).Take(s.Last - s.First + 1))))
            .ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, found);
    }

    private static TaggedSentence Chars(string text, string name, string type)
    {
        var chars = text.Select(c => c == ' ' ? "_" : c.ToString()).ToArray();
        var tags = Enumerable.Repeat("O", chars.Length).ToArray();
        var at = text.IndexOf(name, StringComparison.Ordinal);
        for (var k = 0; k < name.Length; k++) tags[at + k] = (k == 0 ? "B-" : "I-") + type;
        return new TaggedSentence(chars, tags);
    }

    [Fact]
    public void A_Korean_character_model_adds_names_at_their_character_offsets()
    {
        var model = SequenceTagger.Train(
        [
            Chars("어제 김철수 씨가 말했다", "김철수", "PER"),
            Chars("오늘 이영희 씨가 말했다", "이영희", "PER"),
            Chars("그때 박민수 씨가 말했다", "박민수", "PER"),
            Chars("어제 정수진 씨가 왔다", "정수진", "PER"),
            Chars("오늘 3명이 말했다", "3명", "QT"),
        ], null, epochs: 10, bits: 16, mode: NerFeatures.FeatureSet.Characters);
        var extractor = new Extractor(fixture.Extractor.Gazetteer, new ExtractorOptions { NerModels = new Dictionary<string, SequenceTagger> { ["ko"] = model } });
        const string text = "어제 최지훈 씨가 말했다.";
        var mentions = extractor.Extract(new Document("d", "t", text, Ids.Hash(text), Lang: "ko")).Mentions;
        var person = Assert.Single(mentions, m => m.Schema == EntitySchema.Person);
        Assert.Equal("최지훈", person.Text);
        Assert.Equal(text[person.Span.Start..person.Span.End], person.Text);
    }

    [Fact]
    public void Inflected_Russian_names_from_a_model_resolve_to_one_entity()
    {
        // The model only finds the mentions (it is trained on these very words); the point is their names.
        var model = SequenceTagger.Train(
        [
            S("Губернатор Ленинградской области заявил .", "O B-LOC I-LOC O O"),
            S("Губернатор Тверской области заявил .", "O B-LOC I-LOC O O"),
            S("Вчера в Ленинградскую область прибыл министр .", "O O B-LOC I-LOC O O O"),
            S("Вчера в Тверскую область прибыл министр .", "O O B-LOC I-LOC O O O"),
            S("Министр Сидоров заявил .", "O B-PER O O"),
            S("Министру Сидорову сказали .", "O B-PER O O"),
            S("Министр Петров заявил .", "O B-PER O O"),
            S("Министру Петрову сказали .", "O B-PER O O"),
            S("Вчера министр заявил .", "O O O O"),
        ], fixture.Extractor.Gazetteer, epochs: 10, bits: 14);
        var extractor = new Extractor(fixture.Extractor.Gazetteer, new ExtractorOptions { NerModels = new Dictionary<string, SequenceTagger> { ["ru"] = model } });
        Document Doc(string id, string text) => new(id, "t", text, Ids.Hash(text), Lang: "ru");
        Document[] docs = [Doc("a", "Губернатор Ленинградской области заявил. Министр Сидоров заявил."), Doc("b", "Вчера в Ленинградскую область прибыл министр. Министру Сидорову сказали.")];
        var extractions = docs.Select(extractor.Extract).ToList();
        var places = extractions.SelectMany(x => x.Mentions).Where(m => m.Schema == EntitySchema.Location).ToList();
        Assert.Equal(["Ленинградской области", "Ленинградскую область"], places.Select(m => m.Text));
        Assert.All(places, m => Assert.Equal("Ленинградская область", m.Name));
        var entities = new EntityResolver().Resolve(docs, extractions);
        Assert.Equal(2, Assert.Single(entities, e => e.Schema == EntitySchema.Location).Mentions.Count);
        var person = Assert.Single(entities, e => e.Schema == EntitySchema.Person);
        Assert.Equal("Сидоров", person.Name);
        Assert.Equal(["Сидоров", "Сидорову"], person.Mentions.Select(m => m.Text));
    }
}
