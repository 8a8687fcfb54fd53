using Vigil.Extraction.Ner;

namespace Vigil.Tests.Extraction.Ner;

public sealed class DocumentContextTests
{
    private static NerFeatures.SentenceView[] Views(params string[] sentences) =>
        sentences.Select(s => NerFeatures.View(s.Split(' '), null)).ToArray();

    [Fact]
    public void A_sentence_initial_word_learns_that_the_document_writes_it_mid_sentence_at_the_end_of_a_name()
    {
        var views = Views("Lee ha detto che", "il professor Simon Lee lavora a Nottingham");
        DocumentContext.Annotate(views, window: 5);

        Assert.Contains("capmid", views[0].Elsewhere[0]);
        Assert.Contains("run:L", views[0].Elsewhere[0]);
        Assert.DoesNotContain("lower", views[0].Elsewhere[0]);
        // Lower-case words get no hints; a word seen nowhere else gets none either.
        Assert.Empty(views[0].Elsewhere[1]);
        Assert.Empty(views[1].Elsewhere[6]);
    }

    [Fact]
    public void An_index_built_once_for_the_document_gives_the_same_hints_as_one_built_per_call()
    {
        string[] text = ["Lee ha detto che", "il professor Simon Lee lavora a Nottingham", "Nottingham e Lee"];
        var alone = Views(text);
        var shared = Views(text);
        string[][] labels = [["B-PER", "O", "O", "O"], ["O", "O", "B-PER", "I-PER", "O", "O", "B-LOC"], ["B-ORG", "O", "B-PER"]];
        DocumentContext.Annotate(alone, window: 5, labels);
        var index = DocumentContext.Index(shared);
        DocumentContext.Annotate(shared, window: 5, occurrences: index);
        DocumentContext.Annotate(shared, window: 5, labels, index);

        for (var s = 0; s < text.Length; s++)
            for (var i = 0; i < alone[s].Words.Length; i++) Assert.Equal(alone[s].Elsewhere[i], shared[s].Elsewhere[i]);
        Assert.Contains("y:B-PER", shared[0].Elsewhere[0]);
    }

    [Fact]
    public void A_title_case_word_learns_that_the_document_also_writes_it_in_lower_case()
    {
        var views = Views("Nuovo Governo a Roma", "il nuovo governo giura");
        DocumentContext.Annotate(views, window: 5);

        Assert.Contains("lower", views[0].Elsewhere[0]);
        Assert.Contains("lower", views[0].Elsewhere[1]);
        Assert.DoesNotContain("capmid", views[0].Elsewhere[0]);
    }

    [Fact]
    public void Reads_only_the_sentences_within_the_window()
    {
        var views = Views(["Lee ha detto che", .. Enumerable.Repeat("e poi altro", 3), "parla Simon Lee"]);
        DocumentContext.Annotate(views, window: 3);
        Assert.Empty(views[0].Elsewhere[0]);

        DocumentContext.Annotate(views, window: 4);
        Assert.Contains("run:L", views[0].Elsewhere[0]);
    }

    [Fact]
    public void Gives_the_labels_another_stage_gave_the_other_occurrences()
    {
        var views = Views("la Georgia ha replicato", "la Georgia e la Russia");
        string[][] labels = [["O", "B-ORG", "O", "O"], ["O", "B-LOC", "O", "O", "B-LOC"]];
        DocumentContext.Annotate(views, window: 5, labels);

        Assert.Contains("y:B-LOC", views[0].Elsewhere[1]);
        Assert.DoesNotContain("y:B-ORG", views[0].Elsewhere[1]);
        Assert.Contains("y:B-ORG", views[1].Elsewhere[1]);
    }

    [Fact]
    public void Document_hints_become_features_of_the_word()
    {
        var alone = NerFeatures.View("Lee ha detto".Split(' '), null);
        var withContext = Views("Lee ha detto", "parla Simon Lee");
        DocumentContext.Annotate(withContext, window: 5);
        var a = new List<uint>(); var b = new List<uint>();
        NerFeatures.Extract(alone, 0, a);
        NerFeatures.Extract(withContext[0], 0, b);
        Assert.True(b.Count > a.Count);
        Assert.Equal(a, b.Take(a.Count));
    }
}
