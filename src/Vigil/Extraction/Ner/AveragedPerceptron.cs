using System.IO.Compression;
using System.Numerics;
using System.Runtime.Intrinsics;

namespace Vigil.Extraction.Ner;

/// <summary>
/// A multi-class averaged perceptron over hashed features (Collins 2002; the tagger design of
/// Honnibal's "A good part-of-speech tagger in about 200 lines"). While it trains, weights live in one
/// flat array of <c>buckets × classes</c>; averaging is lazy (per-weight timestamps), so an update costs
/// only the active features. A trained model is <see cref="Freeze"/>d into <see cref="Packed"/> rows for
/// scoring. Written here rather than taken from a library because no maintained .NET package offers a
/// small sequence tagger, and this one is about a hundred lines.
/// </summary>
public sealed class AveragedPerceptron
{
    public int Classes { get; }
    public int Bits { get; }
    private readonly int _mask;
    /// <summary>The full table while the weights may change; null once frozen (rebuilt from the packed rows if changed again).</summary>
    private float[]? _weights;
    private float[]? _totals;
    private int[]? _stamps;
    private int _instances;
    /// <summary>The weights packed for scoring; null while they may change.</summary>
    private Packed? _packed;

    /// <summary>
    /// The rows of the weight table that are not all zero, stored one after another and found by rank: a bit per bucket
    /// says whether its row is kept, and the row's place is the number of kept rows before it (a count per 64 buckets
    /// plus a popcount). Scoring reads one row per feature; in the full table (a hundred megabytes for a two-million-bucket
    /// model) each read is a cache miss, while here the index fits in the processor's cache, the rows take a tenth of the
    /// memory, and a feature never seen in training reads no weights at all.
    /// </summary>
    private sealed record Packed(ulong[] Kept, int[] KeptBefore, float[] Rows)
    {
        /// <summary>Room for the rows whose bits are set in <paramref name="kept"/> (zero-filled), with their rank counts.</summary>
        public static Packed Over(ulong[] kept, int classes)
        {
            var keptBefore = new int[kept.Length];
            var rows = 0;
            for (var w = 0; w < kept.Length; w++) { keptBefore[w] = rows; rows += BitOperations.PopCount(kept[w]); }
            return new Packed(kept, keptBefore, new float[rows * classes]);
        }

        public int RowOf(int bucket)
        {
            var word = Kept[bucket >> 6];
            var bit = 1UL << (bucket & 63);
            return (word & bit) == 0 ? -1 : KeptBefore[bucket >> 6] + BitOperations.PopCount(word & (bit - 1));
        }
    }

    public AveragedPerceptron(int classes, int bits = 20)
    {
        Classes = classes;
        Bits = bits;
        _mask = (1 << bits) - 1;
        _weights = new float[(1 << bits) * classes];
    }

    private AveragedPerceptron(int classes, int bits, Packed packed)
    {
        Classes = classes; Bits = bits; _mask = (1 << bits) - 1; _packed = packed;
    }

    public void Score(ReadOnlySpan<uint> features, Span<float> scores)
    {
        scores.Clear();
        scores = scores[..Classes];
        if (_packed is { } packed)
        {
            // The same sums as from the full table: a row left out is all zero.
            foreach (var f in features)
            {
                var r = packed.RowOf((int)(f & (uint)_mask));
                if (r >= 0) AddRow(scores, packed.Rows.AsSpan(r * Classes, Classes));
            }
            return;
        }
        var weights = _weights.AsSpan();
        foreach (var f in features) AddRow(scores, weights.Slice((int)(f & (uint)_mask) * Classes, Classes));
    }

    /// <summary>
    /// Adds one feature's row of class weights as vectors: each class's sum still takes the features in the same order,
    /// so the scores are the same to the bit as one class at a time. Tagging spends most of its time here.
    /// </summary>
    private static void AddRow(Span<float> scores, ReadOnlySpan<float> row)
    {
        var c = 0;
        for (; c + Vector256<float>.Count <= row.Length; c += Vector256<float>.Count)
            (Vector256.Create<float>(scores[c..]) + Vector256.Create<float>(row[c..])).CopyTo(scores[c..]);
        if (c + Vector128<float>.Count <= row.Length)
        {
            (Vector128.Create<float>(scores[c..]) + Vector128.Create<float>(row[c..])).CopyTo(scores[c..]);
            c += Vector128<float>.Count;
        }
        for (; c < row.Length; c++) scores[c] += row[c];
    }

    /// <summary>Counts one training instance (for averaging) without changing any weight.</summary>
    public void Tick() => _instances++;

    /// <summary>Adds <paramref name="delta"/> to one feature's weight for one class.</summary>
    public void Adjust(uint feature, int cls, float delta) => Bump((int)(feature & (uint)_mask) * Classes + cls, delta);

    /// <summary>Adds <paramref name="delta"/> to a trained (averaged) weight, outside the averaging.</summary>
    public void Shift(uint feature, int cls, float delta) => Writable()[(int)(feature & (uint)_mask) * Classes + cls] += delta;

    /// <summary>One feature's weight for one class.</summary>
    public float Weight(uint feature, int cls)
    {
        var bucket = (int)(feature & (uint)_mask);
        if (_packed is not { } packed) return _weights![bucket * Classes + cls];
        var r = packed.RowOf(bucket);
        return r < 0 ? 0f : packed.Rows[r * Classes + cls];
    }

    private void Bump(int i, float delta)
    {
        var weights = Writable();
        _totals ??= new float[weights.Length];
        _stamps ??= new int[weights.Length];
        _totals[i] += (_instances - _stamps[i]) * weights[i];
        _stamps[i] = _instances;
        weights[i] += delta;
    }

    /// <summary>The full table, to change: unpacked again if the model was frozen.</summary>
    private float[] Writable()
    {
        if (_packed is { } packed) { _weights ??= Unpack(packed); _packed = null; }
        return _weights!;
    }

    /// <summary>Adds another trained model's weights, scaled (for a mean of models trained on other shuffles).</summary>
    public void AddScaled(AveragedPerceptron other, float scale)
    {
        if (other.Classes != Classes || other.Bits != Bits) throw new ArgumentException("Models of other shapes cannot be added.");
        var weights = Writable();
        var theirs = other._weights ?? other.Unpack(other._packed!);
        for (var i = 0; i < weights.Length; i++) weights[i] += theirs[i] * scale;
    }

    /// <summary>Multiplies every weight.</summary>
    public void Scale(float factor)
    {
        var weights = Writable();
        for (var i = 0; i < weights.Length; i++) weights[i] *= factor;
    }

    /// <summary>Replaces each weight by its average over all updates seen (call once, after training).</summary>
    public void Average()
    {
        if (_totals is null || _stamps is null || _instances == 0) return;
        var weights = Writable();
        for (var i = 0; i < weights.Length; i++)
        {
            var total = _totals[i] + (_instances - _stamps[i]) * weights[i];
            weights[i] = total / _instances;
        }
        _totals = null; _stamps = null;
    }

    /// <summary>Packs the weights for scoring and lets the full table go; changing a weight later unpacks them again.</summary>
    public void Freeze()
    {
        if (_packed is not null) return;
        var weights = _weights!;
        var buckets = 1 << Bits;
        var kept = new ulong[(buckets + 63) / 64];
        for (var b = 0; b < buckets; b++)
            if (weights.AsSpan(b * Classes, Classes).ContainsAnyExcept(0f)) kept[b >> 6] |= 1UL << (b & 63);
        var packed = Packed.Over(kept, Classes);
        for (var b = 0; b < buckets; b++)
            if (packed.RowOf(b) is var r and >= 0) weights.AsSpan(b * Classes, Classes).CopyTo(packed.Rows.AsSpan(r * Classes));
        _packed = packed;
        _weights = null;
    }

    private float[] Unpack(Packed packed)
    {
        var weights = new float[(1 << Bits) * Classes];
        for (var b = 0; b < 1 << Bits; b++)
            if (packed.RowOf(b) is var r and >= 0) packed.Rows.AsSpan(r * Classes, Classes).CopyTo(weights.AsSpan(b * Classes));
        return weights;
    }

    public void Save(Stream stream)
    {
        var weights = _weights ?? Unpack(_packed!);
        using var gz = new GZipStream(stream, CompressionLevel.SmallestSize, leaveOpen: true);
        using var w = new BinaryWriter(gz);
        w.Write(Classes); w.Write(Bits);
        // Sparse: most buckets stay zero.
        var nonZero = 0;
        foreach (var v in weights) if (v != 0) nonZero++;
        w.Write(nonZero);
        for (var i = 0; i < weights.Length; i++)
            if (weights[i] != 0) { w.Write(i); w.Write(weights[i]); }
    }

    /// <summary>Reads a model <see cref="Save"/> wrote, frozen for scoring (the full table is never built).</summary>
    public static AveragedPerceptron Load(Stream stream)
    {
        using var gz = new GZipStream(stream, CompressionMode.Decompress, leaveOpen: true);
        using var r = new BinaryReader(gz);
        var classes = r.ReadInt32(); var bits = r.ReadInt32();
        if (classes is < 1 or > 64 || bits is < 8 or > 26) throw new InvalidDataException("Not a Vigil perceptron model (bad header).");
        var n = r.ReadInt32();
        var size = (1 << bits) * classes;
        var indexes = new int[n];
        var values = new float[n];
        for (var k = 0; k < n; k++)
        {
            indexes[k] = r.ReadInt32(); values[k] = r.ReadSingle();
            if ((uint)indexes[k] >= (uint)size || (k > 0 && indexes[k] <= indexes[k - 1])) throw new InvalidDataException("Not a Vigil perceptron model (weights out of order).");
        }
        var kept = new ulong[((1 << bits) + 63) / 64];
        foreach (var i in indexes)
        {
            var bucket = i / classes;
            kept[bucket >> 6] |= 1UL << (bucket & 63);
        }
        var packed = Packed.Over(kept, classes);
        for (var k = 0; k < n; k++) packed.Rows[packed.RowOf(indexes[k] / classes) * classes + indexes[k] % classes] = values[k];
        return new AveragedPerceptron(classes, bits, packed);
    }
}
