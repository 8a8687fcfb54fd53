namespace Vigil.Extraction.Ner;

/// <summary>Entity-level exact-match counts (CoNLL / seqeval): an entity is right when its type and both boundaries are.</summary>
public sealed class NerScore
{
    public int TruePositives, Predicted, Gold;
    public readonly Dictionary<string, (int Tp, int Pred, int Gold)> ByType = new(StringComparer.Ordinal);

    public void Add(IReadOnlyList<string> gold, IReadOnlyList<string> predicted) =>
        Add(NerLabels.Spans(gold), NerLabels.Spans(predicted));

    public void Add(IReadOnlyCollection<(string Type, int First, int Last)> gold, IReadOnlyCollection<(string Type, int First, int Last)> predicted)
    {
        var g = gold.ToHashSet();
        foreach (var p in predicted)
        {
            var hit = g.Contains(p);
            if (hit) TruePositives++;
            Predicted++;
            var t = ByType.GetValueOrDefault(p.Type);
            ByType[p.Type] = (t.Tp + (hit ? 1 : 0), t.Pred + 1, t.Gold);
        }
        foreach (var x in gold)
        {
            Gold++;
            var t = ByType.GetValueOrDefault(x.Type);
            ByType[x.Type] = (t.Tp, t.Pred, t.Gold + 1);
        }
    }

    public double Precision => Predicted == 0 ? 0 : (double)TruePositives / Predicted;
    public double Recall => Gold == 0 ? 0 : (double)TruePositives / Gold;
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    public static double F1Of((int Tp, int Pred, int Gold) c)
    {
        var p = c.Pred == 0 ? 0 : (double)c.Tp / c.Pred;
        var r = c.Gold == 0 ? 0 : (double)c.Tp / c.Gold;
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    /// <summary>seqeval's macro average: the mean over entity types of each type's precision, recall and F1.</summary>
    public (double Precision, double Recall, double F1) Macro()
    {
        if (ByType.Count == 0) return (0, 0, 0);
        static double Ratio(int a, int b) => b == 0 ? 0 : (double)a / b;
        return (ByType.Values.Average(c => Ratio(c.Tp, c.Pred)), ByType.Values.Average(c => Ratio(c.Tp, c.Gold)), ByType.Values.Average(F1Of));
    }

    public IReadOnlyDictionary<string, double> PerTypeF1() =>
        ByType.OrderBy(k => k.Key, StringComparer.Ordinal).ToDictionary(k => $"F1 {k.Key}", k => F1Of(k.Value));
}

/// <summary>
/// Per-label counts over single tags (KLUE's character-level score: every B-, I- and O label is a
/// class of its own, and the macro F1 is the mean of the classes' F1, as sklearn computes it with
/// zero_division = 1). Elements for which <c>skip</c> says so (spaces) are not counted.
/// </summary>
public sealed class TagScore
{
    private readonly Dictionary<string, (int Tp, int Pred, int Gold)> _byLabel = new(StringComparer.Ordinal);

    public void Add(IReadOnlyList<string> gold, IReadOnlyList<string> predicted, Func<int, bool>? skip = null)
    {
        for (var i = 0; i < gold.Count; i++)
        {
            if (skip?.Invoke(i) == true) continue;
            var (g, p) = (gold[i], predicted[i]);
            var gc = _byLabel.GetValueOrDefault(g);
            _byLabel[g] = (gc.Tp + (g == p ? 1 : 0), gc.Pred, gc.Gold + 1);
            var pc = _byLabel.GetValueOrDefault(p);
            _byLabel[p] = (pc.Tp, pc.Pred + 1, pc.Gold);
        }
    }

    public double MacroF1 => _byLabel.Count == 0 ? 0 : _byLabel.Values.Average(c =>
    {
        var precision = c.Pred == 0 ? 1 : (double)c.Tp / c.Pred;
        var recall = c.Gold == 0 ? 1 : (double)c.Tp / c.Gold;
        return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    });
}

/// <summary>
/// The CoNLL shared-task baseline: every token sequence that was an entity in the training data
/// is tagged with its most frequent type wherever it appears again (longest match first).
/// </summary>
public sealed class MemorisationBaseline
{
    private readonly Dictionary<string, string> _types = new(StringComparer.Ordinal);
    private readonly int _max;

    public MemorisationBaseline(IEnumerable<TaggedSentence> training)
    {
        var counts = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        foreach (var s in training)
            foreach (var (type, first, last) in NerLabels.Spans(s.Tags))
            {
                var key = string.Join(' ', s.Words.Skip(first).Take(last - first + 1));
                if (!counts.TryGetValue(key, out var c)) counts[key] = c = new(StringComparer.Ordinal);
                c[type] = c.GetValueOrDefault(type) + 1;
                _max = Math.Max(_max, last - first + 1);
            }
        foreach (var (k, c) in counts) _types[k] = c.MaxBy(x => x.Value).Key;
    }

    public string[] Predict(IReadOnlyList<string> words)
    {
        var tags = Enumerable.Repeat("O", words.Count).ToArray();
        for (var i = 0; i < words.Count; i++)
        {
            for (var len = Math.Min(_max, words.Count - i); len >= 1; len--)
            {
                if (!_types.TryGetValue(string.Join(' ', words.Skip(i).Take(len)), out var type)) continue;
                for (var k = i; k < i + len; k++) tags[k] = (k == i ? "B-" : "I-") + type;
                i += len - 1;
                break;
            }
        }
        return tags;
    }
}
