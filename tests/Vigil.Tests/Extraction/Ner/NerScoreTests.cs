using Vigil.Extraction.Ner;

namespace Vigil.Tests.Extraction.Ner;

public sealed class NerScoreTests
{
    [Fact]
    public void Entity_scores_count_exact_spans_and_average_types_as_seqeval_does()
    {
        var score = new NerScore();
        // PER: 1 right of 1 predicted, 2 gold. LOC: 1 predicted with the wrong boundary, 1 gold.
        score.Add(["B-PER", "I-PER", "O", "B-PER", "O", "B-LOC", "I-LOC"],
                  ["B-PER", "I-PER", "O", "O", "O", "B-LOC", "O"]);

        Assert.Equal(1.0 / 2, score.Precision, 6);
        Assert.Equal(1.0 / 3, score.Recall, 6);
        var (precision, recall, f1) = score.Macro();
        Assert.Equal((1.0 + 0) / 2, precision, 6);
        Assert.Equal((0.5 + 0) / 2, recall, 6);
        Assert.Equal((2 * 1 * 0.5 / 1.5 + 0) / 2, f1, 6);
    }

    [Fact]
    public void Tag_scores_average_every_label_and_skip_what_they_are_told()
    {
        var score = new TagScore();
        score.Add(["B-PS", "I-PS", "O", "O"], ["B-PS", "O", "O", "I-PS"], skip: i => i == 3);

        // B-PS: P 1 R 1 → 1. I-PS: never predicted (counted positions), P = 1 by convention, R 0 → 0. O: P 1/2, R 1 → 2/3.
        Assert.Equal((1 + 0 + 2.0 / 3) / 3, score.MacroF1, 6);
    }
}
