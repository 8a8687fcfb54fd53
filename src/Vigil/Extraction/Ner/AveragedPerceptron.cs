using System.IO.Compression;

namespace Vigil.Extraction.Ner;

/// <summary>
/// A multi-class averaged perceptron over hashed features (Collins 2002; the tagger design of
/// Honnibal's "A good part-of-speech tagger in about 200 lines"). Weights live in one flat array
/// of <c>buckets × classes</c>; averaging is lazy (per-weight timestamps), so an update costs
/// only the active features. Written here rather than taken from a library because no
/// maintained .NET package offers a small sequence tagger, and this one is about a hundred lines.
/// </summary>
public sealed class AveragedPerceptron
{
    public int Classes { get; }
    public int Bits { get; }
    private readonly int _mask;
    private readonly float[] _weights;
    private float[]? _totals;
    private int[]? _stamps;
    private int _instances;

    public AveragedPerceptron(int classes, int bits = 20)
    {
        Classes = classes;
        Bits = bits;
        _mask = (1 << bits) - 1;
        _weights = new float[(1 << bits) * classes];
    }

    private AveragedPerceptron(int classes, int bits, float[] weights)
    {
        Classes = classes; Bits = bits; _mask = (1 << bits) - 1; _weights = weights;
    }

    public void Score(ReadOnlySpan<uint> features, Span<float> scores)
    {
        scores.Clear();
        foreach (var f in features)
        {
            var row = (int)(f & (uint)_mask) * Classes;
            for (var c = 0; c < Classes; c++) scores[c] += _weights[row + c];
        }
    }

    public void Update(ReadOnlySpan<uint> features, int truth, int guess)
    {
        _instances++;
        if (truth == guess) return;
        _totals ??= new float[_weights.Length];
        _stamps ??= new int[_weights.Length];
        foreach (var f in features)
        {
            var row = (int)(f & (uint)_mask) * Classes;
            Bump(row + truth, 1f);
            Bump(row + guess, -1f);
        }
    }

    /// <summary>Counts one training instance (for averaging) without changing any weight.</summary>
    public void Tick() => _instances++;

    /// <summary>Adds <paramref name="delta"/> to one feature's weight for one class.</summary>
    public void Adjust(uint feature, int cls, float delta)
    {
        _totals ??= new float[_weights.Length];
        _stamps ??= new int[_weights.Length];
        Bump((int)(feature & (uint)_mask) * Classes + cls, delta);
    }

    /// <summary>Adds <paramref name="delta"/> to a trained (averaged) weight, outside the averaging.</summary>
    public void Shift(uint feature, int cls, float delta) => _weights[(int)(feature & (uint)_mask) * Classes + cls] += delta;

    /// <summary>One feature's weight for one class.</summary>
    public float Weight(uint feature, int cls) => _weights[(int)(feature & (uint)_mask) * Classes + cls];

    private void Bump(int i, float delta)
    {
        _totals![i] += (_instances - _stamps![i]) * _weights[i];
        _stamps[i] = _instances;
        _weights[i] += delta;
    }

    /// <summary>Replaces each weight by its average over all updates seen (call once, after training).</summary>
    public void Average()
    {
        if (_totals is null || _stamps is null || _instances == 0) return;
        for (var i = 0; i < _weights.Length; i++)
        {
            var total = _totals[i] + (_instances - _stamps[i]) * _weights[i];
            _weights[i] = total / _instances;
        }
        _totals = null; _stamps = null;
    }

    public void Save(Stream stream)
    {
        using var gz = new GZipStream(stream, CompressionLevel.SmallestSize, leaveOpen: true);
        using var w = new BinaryWriter(gz);
        w.Write(Classes); w.Write(Bits);
        // Sparse: most buckets stay zero.
        var nonZero = 0;
        foreach (var v in _weights) if (v != 0) nonZero++;
        w.Write(nonZero);
        for (var i = 0; i < _weights.Length; i++)
            if (_weights[i] != 0) { w.Write(i); w.Write(_weights[i]); }
    }

    public static AveragedPerceptron Load(Stream stream)
    {
        using var gz = new GZipStream(stream, CompressionMode.Decompress, leaveOpen: true);
        using var r = new BinaryReader(gz);
        var classes = r.ReadInt32(); var bits = r.ReadInt32();
        if (classes is < 1 or > 64 || bits is < 8 or > 26) throw new InvalidDataException("Not a Vigil perceptron model (bad header).");
        var weights = new float[(1 << bits) * classes];
        var n = r.ReadInt32();
        for (var k = 0; k < n; k++) { var i = r.ReadInt32(); weights[i] = r.ReadSingle(); }
        return new AveragedPerceptron(classes, bits, weights);
    }
}
