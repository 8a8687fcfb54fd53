using Vigil.Extraction.Ner;

namespace Vigil.Tests.Extraction.Ner;

public sealed class AveragedPerceptronTests
{
    private static AveragedPerceptron Trained()
    {
        var model = new AveragedPerceptron(classes: 3, bits: 10);
        var rng = new Random(7);
        for (var i = 0; i < 500; i++)
        {
            var features = Enumerable.Range(0, 6).Select(_ => (uint)rng.Next()).ToArray();
            var (truth, guess) = (rng.Next(3), rng.Next(3));
            model.Tick();
            if (truth == guess) continue;
            foreach (var f in features) { model.Adjust(f, truth, 1f); model.Adjust(f, guess, -1f); }
        }
        model.Average();
        return model;
    }

    private static float[] Scores(AveragedPerceptron model, uint[] features)
    {
        var scores = new float[model.Classes];
        model.Score(features, scores);
        return scores;
    }

    [Fact]
    public void Frozen_and_reloaded_models_score_exactly_as_the_full_table_did()
    {
        var model = Trained();
        var probes = Enumerable.Range(0, 200).Select(i => new[] { (uint)i * 2654435761u, (uint)i, (uint)(i * 7 + 3) }).ToList();
        var before = probes.Select(p => Scores(model, p)).ToList();
        var weightsBefore = probes.Select(p => model.Weight(p[0], 1)).ToList();

        model.Freeze();
        using var file = new MemoryStream();
        model.Save(file);
        file.Position = 0;
        var loaded = AveragedPerceptron.Load(file);

        Assert.Contains(before, s => s.Any(v => v != 0));
        Assert.Equal(before, probes.Select(p => Scores(model, p)).ToList());
        Assert.Equal(before, probes.Select(p => Scores(loaded, p)).ToList());
        Assert.Equal(weightsBefore, probes.Select(p => loaded.Weight(p[0], 1)).ToList());
    }

    [Fact]
    public void A_weight_changed_after_freezing_counts()
    {
        var model = Trained();
        model.Freeze();
        const uint unseen = 0x3FF; // bucket 1023 of 1024
        var before = model.Weight(unseen, 2);

        model.Shift(unseen, 2, 1.5f);
        Assert.Equal(before + 1.5f, model.Weight(unseen, 2));
        model.Freeze();
        Assert.Equal(before + 1.5f, Scores(model, [unseen])[2]);
    }

    [Fact]
    public void A_model_file_with_weights_out_of_order_is_refused()
    {
        using var file = new MemoryStream();
        using (var gz = new System.IO.Compression.GZipStream(file, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true))
        using (var w = new BinaryWriter(gz))
        {
            w.Write(3); w.Write(10); w.Write(2);
            w.Write(9); w.Write(1f);
            w.Write(4); w.Write(1f);
        }
        file.Position = 0;
        Assert.Throws<InvalidDataException>(() => AveragedPerceptron.Load(file));
    }

    [Fact]
    public void Adds_and_scales_weights_into_a_mean_of_models()
    {
        var a = new AveragedPerceptron(classes: 2, bits: 8);
        var b = new AveragedPerceptron(classes: 2, bits: 8);
        a.Shift(7, 0, 3f); a.Shift(9, 1, -2f);
        b.Shift(7, 0, 1f); b.Shift(7, 1, 4f);
        b.Freeze();

        a.AddScaled(b, 1f);
        a.Scale(0.5f);

        Assert.Equal(2f, a.Weight(7, 0));
        Assert.Equal(2f, a.Weight(7, 1));
        Assert.Equal(-1f, a.Weight(9, 1));
        Assert.Equal(0f, a.Weight(9, 0));
        Assert.Throws<ArgumentException>(() => a.AddScaled(new AveragedPerceptron(classes: 3, bits: 8), 1f));
    }

    [Theory]
    [InlineData(3)]
    [InlineData(13)]
    [InlineData(17)]
    public void Scores_are_the_same_to_the_bit_as_summing_each_class_one_feature_at_a_time(int classes)
    {
        // Weights of mixed magnitude, so that a different order of addition would round differently.
        var model = new AveragedPerceptron(classes, bits: 10);
        var rng = new Random(7);
        var features = Enumerable.Range(0, 60).Select(_ => (uint)rng.Next()).ToArray();
        foreach (var f in features)
            for (var c = 0; c < classes; c++) model.Shift(f, c, (float)((rng.NextDouble() - 0.5) * Math.Pow(10, rng.Next(-4, 4))));

        var scores = new float[classes];
        model.Score(features, scores);
        var packed = new float[classes];
        model.Freeze();
        model.Score(features, packed);

        for (var c = 0; c < classes; c++)
        {
            var expected = 0f;
            foreach (var f in features) expected += model.Weight(f, c);
            Assert.Equal(BitConverter.SingleToInt32Bits(expected), BitConverter.SingleToInt32Bits(scores[c]));
            Assert.Equal(BitConverter.SingleToInt32Bits(expected), BitConverter.SingleToInt32Bits(packed[c]));
        }
    }
}
