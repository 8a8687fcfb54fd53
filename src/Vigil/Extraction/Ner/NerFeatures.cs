using System.Globalization;
using Vigil.Extraction.Gazetteers;
using Vigil.Text;

namespace Vigil.Extraction.Ner;

/// <summary>
/// Features of one token for the sequence tagger: the word and its neighbours, word shape,
/// prefixes and suffixes, capitalisation and position, the gazetteer's label for the token, and
/// a transition feature for the label before. Features are hashed (FNV-1a) to keep the model a flat array.
/// </summary>
public static class NerFeatures
{
    public sealed class SentenceView
    {
        public required string[] Words { get; init; }
        public required string[] Lower { get; init; }
        public required string[] Shapes { get; init; }
        public required string[] Gazetteer { get; init; }
    }

    public static SentenceView View(IReadOnlyList<string> words, Gazetteer? gazetteer)
    {
        var n = words.Count;
        var w = new string[n]; var lower = new string[n]; var shapes = new string[n];
        for (var i = 0; i < n; i++)
        {
            w[i] = words[i];
            lower[i] = Tokenizer.Normalize(words[i]);
            shapes[i] = Shape(words[i]);
        }
        return new SentenceView { Words = w, Lower = lower, Shapes = shapes, Gazetteer = GazetteerLabels(lower, gazetteer) };
    }

    /// <summary>B-/I- labels from the longest gazetteer match at each position ("B-LOC", "I-ORG"), "" elsewhere.</summary>
    public static string[] GazetteerLabels(string[] lower, Gazetteer? g)
    {
        var labels = new string[lower.Length];
        Array.Fill(labels, "");
        if (g is null) return labels;
        var keys = new string[lower.Length];
        for (var i = 0; i < lower.Length; i++)
        {
            var k = lower[i];
            if (k.Length > 0 && k[^1] == '\'') k = k[..^1];
            keys[i] = k.Length > 3 && NameKeys.IsCyrillic(k[0]) ? NameKeys.RussianStem(k) : k;
        }
        for (var i = 0; i < keys.Length; i++)
        {
            if (keys[i].Length == 0 || !char.IsLetterOrDigit(keys[i][0])) continue;
            var key = ""; var best = -1; GazetteerEntry? bestEntry = null;
            for (var j = i; j < keys.Length && j - i < g.MaxTokens; j++)
            {
                if (keys[j] == "-") continue;
                key = key.Length == 0 ? keys[j] : key + " " + keys[j];
                if (g.TryGet(key, out var e)) { best = j; bestEntry = e; }
                if (!g.IsPrefix(key)) break;
            }
            if (bestEntry is null) continue;
            var type = NerLabels.TypeOf(bestEntry.Schema);
            for (var k = i; k <= best; k++) labels[k] = (k == i ? "B-" : "I-") + type;
            i = best;
        }
        return labels;
    }

    public static string Shape(string word)
    {
        Span<char> buf = stackalloc char[Math.Min(word.Length, 6)];
        var n = 0; var last = '\0';
        foreach (var c in word)
        {
            var s = char.IsUpper(c) ? 'X' : char.IsLower(c) ? 'x' : char.IsDigit(c) ? 'd' : char.IsLetter(c) ? 'L' : c;
            if (s == last) continue;
            if (n == buf.Length) break;
            buf[n++] = s; last = s;
        }
        return new string(buf[..n]);
    }

    private const uint Offset = 2166136261, Prime = 16777619;

    private static uint Hash(uint h, ReadOnlySpan<char> s)
    {
        foreach (var c in s) { h ^= c; h *= Prime; }
        return h;
    }

    private static uint F(int template, ReadOnlySpan<char> a)
    {
        var h = (Offset ^ (uint)template) * Prime;
        return Hash(h, a);
    }

    private static uint F(int template, ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        var h = (Offset ^ (uint)template) * Prime;
        h = Hash(h, a); h ^= 0x1f; h *= Prime;
        return Hash(h, b);
    }

    /// <summary>The feature standing for the transition from label <paramref name="prev"/> (or the sentence start).</summary>
    public static uint Transition(string prev) => F(99, prev);

    public static void Extract(SentenceView s, int i, List<uint> features)
    {
        features.Clear();
        var n = s.Words.Length;
        var w = s.Lower[i];
        var word = s.Words[i];
        features.Add(F(0, "bias"));
        features.Add(F(1, w));
        features.Add(F(2, s.Shapes[i]));
        for (var k = 1; k <= 4 && k <= w.Length; k++)
        {
            features.Add(F(3 + k, w.AsSpan(w.Length - k)));
            features.Add(F(8 + k, w.AsSpan(0, k)));
        }
        features.Add(F(16, i == 0 ? "<s>" : s.Lower[i - 1]));
        features.Add(F(17, i == 0 ? "<s>" : s.Shapes[i - 1]));
        features.Add(F(18, i < 2 ? "<s>" : s.Lower[i - 2]));
        features.Add(F(19, i + 1 >= n ? "</s>" : s.Lower[i + 1]));
        features.Add(F(20, i + 1 >= n ? "</s>" : s.Shapes[i + 1]));
        features.Add(F(21, i + 2 >= n ? "</s>" : s.Lower[i + 2]));
        features.Add(F(22, i == 0 ? "<s>" : s.Lower[i - 1], w));
        features.Add(F(23, w, i + 1 >= n ? "</s>" : s.Lower[i + 1]));
        features.Add(F(24, s.Gazetteer[i]));
        features.Add(F(25, s.Gazetteer[i], s.Shapes[i]));
        features.Add(F(26, i == 0 ? "<s>" : s.Gazetteer[i - 1]));
        features.Add(F(27, i + 1 >= n ? "</s>" : s.Gazetteer[i + 1]));
        features.Add(F(28, i == 0 ? "first" : "notfirst", s.Shapes[i]));
        var cat = word.Length > 0 ? CharUnicodeInfo.GetUnicodeCategory(word[0]).ToString() : "";
        features.Add(F(30, cat, i + 1 >= n ? "</s>" : s.Shapes[i + 1]));
        if (w.Length > 5) features.Add(F(31, w.AsSpan(w.Length - 3), s.Shapes[i]));
        features.Add(F(32, word));
        features.Add(F(33, i == 0 ? "<s>" : s.Shapes[i - 1], s.Shapes[i]));
        features.Add(F(34, s.Shapes[i], i + 1 >= n ? "</s>" : s.Shapes[i + 1]));
        features.Add(F(35, i < 2 ? "<s>" : s.Shapes[i - 2]));
        features.Add(F(36, i + 2 >= n ? "</s>" : s.Shapes[i + 2]));
        if (i > 0 && s.Lower[i - 1].Length > 3) features.Add(F(37, s.Lower[i - 1].AsSpan(s.Lower[i - 1].Length - 3)));
        if (i + 1 < n && s.Lower[i + 1].Length > 3) features.Add(F(38, s.Lower[i + 1].AsSpan(s.Lower[i + 1].Length - 3)));
        features.Add(F(39, i == 0 ? "<s>" : s.Lower[i - 1], s.Gazetteer[i]));
    }
}

/// <summary>BIO labels over the three entity types, and the mapping from schema to type.</summary>
public static class NerLabels
{
    public static string TypeOf(Vigil.Model.EntitySchema schema) => schema switch
    {
        Vigil.Model.EntitySchema.Person => "PER",
        Vigil.Model.EntitySchema.Location => "LOC",
        _ => "ORG",
    };

    public static Vigil.Model.EntitySchema SchemaOf(string type) => type switch
    {
        "PER" => Vigil.Model.EntitySchema.Person,
        "LOC" => Vigil.Model.EntitySchema.Location,
        _ => Vigil.Model.EntitySchema.Organization,
    };

    /// <summary>Entity spans (type, first token, last token inclusive) from BIO tags, seqeval-style: a stray I- starts an entity.</summary>
    public static List<(string Type, int First, int Last)> Spans(IReadOnlyList<string> tags)
    {
        var spans = new List<(string, int, int)>();
        string? type = null; var start = 0;
        for (var i = 0; i <= tags.Count; i++)
        {
            var t = i < tags.Count ? tags[i] : "O";
            var isB = t.StartsWith("B-", StringComparison.Ordinal);
            var isI = t.StartsWith("I-", StringComparison.Ordinal);
            var ty = isB || isI ? t[2..] : null;
            if (type is not null && (!isI || ty != type))
            {
                spans.Add((type, start, i - 1));
                type = null;
            }
            if (isB || (isI && type is null)) { type = ty; start = i; }
        }
        return spans;
    }
}
