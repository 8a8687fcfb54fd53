using Vigil.Extraction.Ner;

namespace Vigil.Tests.Extraction.Ner;

public sealed class SequenceTaggerTests
{
    private static TaggedSentence S(string words, string tags) => new(words.Split(' '), tags.Split(' '));

    private static readonly TaggedSentence[] Training =
    [
        S("Mario Rossi vive a Roma", "B-PER I-PER O O B-LOC"),
        S("Luca Bianchi lavora a Milano", "B-PER I-PER O O B-LOC"),
        S("Anna Verdi visita Torino", "B-PER I-PER O B-LOC"),
        S("il presidente Sergio Neri parla a Napoli", "O O B-PER I-PER O O B-LOC"),
        S("la Fiat apre a Torino", "O B-ORG O O B-LOC"),
        S("la Banca Intesa chiude a Milano", "O B-ORG I-ORG O O B-LOC"),
    ];

    [Fact]
    public void Learns_to_tag_unseen_names_from_context_and_shape()
    {
        var tagger = SequenceTagger.Train(Training, null, epochs: 10, bits: 14);
        var tags = tagger.Predict("Paolo Gialli vive a Roma".Split(' '), null);
        Assert.Equal(["B-PER", "I-PER", "O", "O", "B-LOC"], tags);
    }

    [Fact]
    public void Never_emits_an_inside_tag_without_its_beginning()
    {
        var tagger = SequenceTagger.Train(Training, null, epochs: 3, bits: 14);
        var tags = tagger.Predict("Banca Milano Rossi a vive".Split(' '), null);
        for (var i = 0; i < tags.Length; i++)
            if (tags[i].StartsWith("I-")) Assert.True(i > 0 && tags[i - 1][2..] == tags[i][2..] && tags[i - 1] != "O");
    }

    [Fact]
    public void Learns_names_as_BILOU_and_gives_them_back_as_BIO()
    {
        Assert.Equal(["U-PER", "O", "B-ORG", "I-ORG", "L-ORG", "B-LOC", "L-LOC", "U-LOC", "O"],
            SequenceTagger.ToBilou(["B-PER", "O", "B-ORG", "I-ORG", "I-ORG", "B-LOC", "I-LOC", "B-LOC", "O"]));

        var tagger = SequenceTagger.Train(Training, null, epochs: 10, bits: 14);

        Assert.Contains("U-LOC", tagger.Labels);
        Assert.All(tagger.Predict("la Fiat apre a Napoli".Split(' '), null), t => Assert.True(t == "O" || t[0] is 'B' or 'I', t));
    }

    [Fact]
    public void Saves_and_loads_the_same_model()
    {
        var tagger = SequenceTagger.Train(Training, null, epochs: 5, bits: 14);
        var path = Path.Combine(Path.GetTempPath(), $"vigil-test-{Guid.NewGuid():N}.vgnr");
        try
        {
            tagger.Save(path);
            var loaded = SequenceTagger.Load(path);
            var words = "Anna Rossi lavora a Napoli".Split(' ');
            Assert.Equal(tagger.Predict(words, null), loaded.Predict(words, null));
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void A_mean_of_models_from_several_shuffles_tags_as_well_and_is_reproducible()
    {
        static byte[] Saved(SequenceTagger tagger)
        {
            var path = Path.Combine(Path.GetTempPath(), $"vigil-test-{Guid.NewGuid():N}.vgnr");
            try { tagger.Save(path); return File.ReadAllBytes(path); }
            finally { File.Delete(path); }
        }
        var mean = SequenceTagger.Train(Training, null, epochs: 10, bits: 14, members: 3);
        Assert.Equal(["B-PER", "I-PER", "O", "O", "B-LOC"], mean.Predict("Paolo Gialli vive a Roma".Split(' '), null));
        // The same members every time, and not the single model: the other shuffles change the weights.
        Assert.Equal(Saved(mean), Saved(SequenceTagger.Train(Training, null, epochs: 10, bits: 14, members: 3)));
        Assert.NotEqual(Saved(mean), Saved(SequenceTagger.Train(Training, null, epochs: 10, bits: 14)));
    }

    // Running text: one short "document" after another, names repeated in them.
    private static readonly TaggedSentence[] RunningText =
    [
        S("Mario Rossi vive a Roma", "B-PER I-PER O O B-LOC"),
        S("Rossi lavora a Milano", "B-PER O O B-LOC"),
        S("la Fiat apre a Torino", "O B-ORG O O B-LOC"),
        S("Fiat chiude a Napoli", "B-ORG O O B-LOC"),
        S("Anna Verdi visita Torino", "B-PER I-PER O B-LOC"),
        S("Verdi parla a Roma", "B-PER O O B-LOC"),
        S("la Banca Intesa chiude a Milano", "O B-ORG I-ORG O O B-LOC"),
        S("Intesa apre a Torino", "B-ORG O O B-LOC"),
    ];

    [Fact]
    public void A_two_stage_document_model_saves_and_loads_with_its_window_and_first_stage()
    {
        var tagger = SequenceTagger.Train(RunningText, null, epochs: 5, bits: 14, documentWindow: 2, twoStage: true);
        var path = Path.Combine(Path.GetTempPath(), $"vigil-test-{Guid.NewGuid():N}.vgnr");
        try
        {
            tagger.Save(path);
            var loaded = SequenceTagger.Load(path);
            Assert.Equal(2, loaded.DocumentWindow);
            IReadOnlyList<string>[] document = ["Luca Neri vive a Roma".Split(' '), "Neri lavora a Milano".Split(' ')];
            Assert.Equal(tagger.PredictDocument(document, null), loaded.PredictDocument(document, null));
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void A_sentence_model_tags_a_document_sentence_by_sentence()
    {
        var tagger = SequenceTagger.Train(Training, null, epochs: 5, bits: 14);
        Assert.Equal(0, tagger.DocumentWindow);
        IReadOnlyList<string>[] document = ["Anna Rossi lavora a Napoli".Split(' '), "Rossi vive a Roma".Split(' ')];
        Assert.Equal(document.Select(s => tagger.Predict(s, null)), tagger.PredictDocument(document, null));
    }

    [Fact]
    public void Refuses_a_model_written_for_other_features()
    {
        var path = Path.Combine(Path.GetTempPath(), $"vigil-test-{Guid.NewGuid():N}.vgnr");
        try
        {
            // The first format: magic, then the label count straight away.
            using (var w = new BinaryWriter(File.Create(path))) { w.Write(0x5647_4E53); w.Write(7); w.Write("O"); }
            Assert.Throws<StaleModelException>(() => SequenceTagger.Load(path));
        }
        finally { File.Delete(path); }
    }

    private static TaggedSentence Chars(string text, params (string Name, string Type)[] entities)
    {
        var chars = text.Select(c => c == ' ' ? "_" : c.ToString()).ToArray();
        var tags = Enumerable.Repeat("O", chars.Length).ToArray();
        foreach (var (name, type) in entities)
        {
            var at = text.IndexOf(name, StringComparison.Ordinal);
            for (var k = 0; k < name.Length; k++) tags[at + k] = (k == 0 ? "B-" : "I-") + type;
        }
        return new TaggedSentence(chars, tags);
    }

    [Fact]
    public void Tags_Korean_characters_from_the_particles_and_words_around_them()
    {
        var training = new[]
        {
            Chars("서울에서 회의가 열렸다", ("서울", "LOC")),
            Chars("부산에서 회의가 열렸다", ("부산", "LOC")),
            Chars("대구에서 회의가 열렸다", ("대구", "LOC")),
            Chars("김철수 씨가 말했다", ("김철수", "PER")),
            Chars("이영희 씨가 말했다", ("이영희", "PER")),
            Chars("박민수 씨가 말했다", ("박민수", "PER")),
        };
        var tagger = SequenceTagger.Train(training, null, epochs: 10, bits: 16, mode: NerFeatures.FeatureSet.Characters);
        Assert.Equal(NerFeatures.FeatureSet.Characters, tagger.Mode);
        var test = Chars("광주에서 회의가 열렸다");
        Assert.Equal([("LOC", 0, 1)], NerLabels.Spans(tagger.Predict(test.Words, null)));
        test = Chars("최지훈 씨가 말했다");
        Assert.Equal([("PER", 0, 2)], NerLabels.Spans(tagger.Predict(test.Words, null)));
    }

    [Fact]
    public void Reads_entity_spans_from_BIO_tags_as_seqeval_does() =>
        Assert.Equal([("PER", 0, 1), ("LOC", 3, 3), ("ORG", 4, 4)], NerLabels.Spans(["B-PER", "I-PER", "O", "I-LOC", "B-ORG"]));
}
