using Vigil.Model;

namespace Vigil.Analysis;

/// <summary>
/// Which documents speak with one voice: copies of one wire story (near-identical text, found by
/// MinHash with banded lookup, so grouping n documents costs about n, or linked as a near-copy at
/// ingest: <see cref="Document.DuplicateOf"/>) and articles of one outlet.
/// A claim a document makes in its own voice has the document's group as its origin.
/// </summary>
public sealed class SourceGroups
{
    /// <summary>Estimated word-shingle Jaccard similarity at or above which two texts are copies of one story.</summary>
    public const double CopyThreshold = 0.5;

    private const int ShingleWords = 5;
    private const int Bands = 16;
    private const int Rows = 4;
    private const int HashCount = Bands * Rows;

    private readonly Dictionary<string, (string Key, string Label)> _groupOf = new(StringComparer.Ordinal);

    public SourceGroups(IReadOnlyList<Document> documents, EntityLookup? lookup = null)
    {
        lookup ??= EntityLookup.Empty;
        var sets = new DisjointSets(documents.Count);
        var signatures = documents.Select(d => Signature(d.Text)).ToArray();
        var buckets = new Dictionary<(int, ulong), int>();
        for (var i = 0; i < documents.Count; i++)
        {
            if (signatures[i] is null) continue;
            for (var b = 0; b < Bands; b++)
            {
                var key = (b, BandHash(signatures[i]!, b));
                if (buckets.TryGetValue(key, out var j))
                {
                    if (sets.Find(i) != sets.Find(j) && Similarity(signatures[i]!, signatures[j]!) >= CopyThreshold) sets.Union(i, j);
                }
                else buckets[key] = i;
            }
        }
        // A near-copy linked at ingest (a republication with its own intro, or cut short, whose
        // word overlap with the whole original is too low for the estimate above) is its original's voice.
        var position = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < documents.Count; i++) position.TryAdd(documents[i].Id, i);
        for (var i = 0; i < documents.Count; i++)
            if (documents[i].DuplicateOf is { } original && position.TryGetValue(original, out var j)) sets.Union(i, j);
        // Same outlet, same voice.
        var byOutlet = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < documents.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(documents[i].Outlet)) continue;
            var k = lookup.KeyOf(documents[i].Outlet!);
            if (byOutlet.TryGetValue(k, out var j)) sets.Union(i, j);
            else byOutlet[k] = i;
        }
        foreach (var group in Enumerable.Range(0, documents.Count).GroupBy(sets.Find))
        {
            var members = group.Select(i => documents[i]).ToList();
            var outlet = members.Select(d => d.Outlet).FirstOrDefault(o => !string.IsNullOrWhiteSpace(o));
            var first = members.OrderBy(d => d.Published ?? NodaTime.LocalDate.MaxIsoValue).ThenBy(d => d.Id, StringComparer.Ordinal).First();
            var key = outlet is not null ? lookup.KeyOf(outlet) : "doc:" + first.Id;
            var label = outlet ?? first.Title ?? first.Source;
            if (members.Count > 1 && outlet is null) label += $" (and {members.Count - 1} copies)";
            foreach (var d in members) _groupOf[d.Id] = (key, label);
        }
    }

    /// <summary>The origin key and label of what this document says in its own voice.</summary>
    public (string Key, string Label) Of(string documentId) =>
        _groupOf.TryGetValue(documentId, out var g) ? g : ("doc:" + documentId, documentId);

    public bool SameVoice(string a, string b) => Of(a).Key == Of(b).Key;

    private static ulong[]? Signature(string text)
    {
        var words = Words(text);
        if (words.Count == 0) return null;
        var n = Math.Min(ShingleWords, words.Count);
        var sig = new ulong[HashCount];
        Array.Fill(sig, ulong.MaxValue);
        for (var i = 0; i + n <= words.Count; i++)
        {
            var h = 14695981039346656037UL;
            for (var j = 0; j < n; j++) h = (h ^ words[i + j]) * 1099511628211UL;
            for (var k = 0; k < HashCount; k++)
            {
                var v = Mix(h ^ Seeds[k]);
                if (v < sig[k]) sig[k] = v;
            }
        }
        return sig;
    }

    private static List<ulong> Words(string text)
    {
        var words = new List<ulong>();
        var h = 14695981039346656037UL;
        var any = false;
        foreach (var ch in text)
        {
            if (char.IsLetterOrDigit(ch))
            {
                h = (h ^ char.ToLowerInvariant(ch)) * 1099511628211UL;
                any = true;
            }
            else if (any) { words.Add(h); h = 14695981039346656037UL; any = false; }
        }
        if (any) words.Add(h);
        return words;
    }

    private static readonly ulong[] Seeds = Enumerable.Range(1, HashCount).Select(i => Mix((ulong)i * 0x9E3779B97F4A7C15UL)).ToArray();

    // SplitMix64 finaliser: a cheap, well-spread 64-bit mix.
    private static ulong Mix(ulong x)
    {
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }

    private static ulong BandHash(ulong[] sig, int band)
    {
        var h = 14695981039346656037UL;
        for (var r = 0; r < Rows; r++) h = Mix(h ^ sig[band * Rows + r]);
        return h;
    }

    private static double Similarity(ulong[] a, ulong[] b)
    {
        var same = 0;
        for (var i = 0; i < a.Length; i++) if (a[i] == b[i]) same++;
        return (double)same / a.Length;
    }
}
