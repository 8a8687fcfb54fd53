using System.Globalization;
using Vigil.Model;

namespace Vigil.Ingest;

/// <summary>A document found to be a near-copy of one seen before.</summary>
public sealed record NearDuplicate(string OriginalId, double Containment);

/// <summary>
/// Finds syndicated and lightly edited copies. Each text becomes a set of hashed five-word
/// shingles; a MinHash signature (64 hashes, 16 bands of 4) finds candidates in constant time
/// per band, and the exact share of the shorter text's shingles found in the other decides, so a
/// wire story republished with a different intro or cut short still links to its original.
/// </summary>
public sealed class NearDuplicateIndex
{
    private const int ShingleWords = 5;
    private const int Hashes = 64;
    private const int Bands = 16;
    private const int Rows = Hashes / Bands;

    /// <summary>Share of the shorter text's shingles that must appear in the other.</summary>
    public double Threshold { get; init; } = 0.8;

    /// <summary>Texts with fewer shingles than this are too short to call copies.</summary>
    public int MinShingles { get; init; } = 20;

    private static readonly ulong[] Seeds = Enumerable.Range(0, Hashes).Select(i => Mix(0x9E3779B97F4A7C15UL * (ulong)(i + 1))).ToArray();

    private readonly Dictionary<(int Band, ulong Key), List<int>> buckets = [];
    private readonly List<(string Id, ulong[] Shingles)> entries = [];
    private readonly Dictionary<string, string> originals = new(StringComparer.Ordinal);

    public int Count => entries.Count;

    /// <summary>The earlier document this one copies, if any; then the document is remembered for later ones.</summary>
    /// <remarks>A document that already names its original keeps it, and null is returned for it.</remarks>
    public NearDuplicate? Add(Document document)
    {
        if (originals.ContainsKey(document.Id)) return null;
        var shingles = Shingles(document.Text);
        NearDuplicate? found = null;
        if (shingles.Length >= MinShingles)
        {
            var signature = Signature(shingles);
            var tried = new HashSet<int>();
            for (var b = 0; b < Bands; b++)
            {
                if (!buckets.TryGetValue((b, BandKey(signature, b)), out var members)) continue;
                foreach (var m in members)
                {
                    if (!tried.Add(m)) continue;
                    var containment = Containment(shingles, entries[m].Shingles);
                    // A copy linked earlier to this very document must not become its original.
                    if (containment >= Threshold && originals[entries[m].Id] != document.Id && (found is null || containment > found.Containment))
                        found = new NearDuplicate(originals[entries[m].Id], containment);
                }
            }
            var index = entries.Count;
            entries.Add((document.Id, shingles));
            for (var b = 0; b < Bands; b++)
            {
                var key = (b, BandKey(signature, b));
                if (!buckets.TryGetValue(key, out var list)) buckets[key] = list = [];
                list.Add(index);
            }
        }
        if (document.DuplicateOf is { } known)
        {
            originals[document.Id] = originals.GetValueOrDefault(known, known);
            return null;
        }
        // Copies of a copy point at the first original, so a chain of republications is one group.
        originals[document.Id] = found?.OriginalId ?? document.Id;
        return found;
    }

    /// <summary>
    /// Links each document that names no original to an earlier near-copy among the others: the
    /// earliest published comes first, undated ones after in the order given. Documents stored by
    /// separate ingest runs never met in one index, so an analysis of everything stored calls this.
    /// </summary>
    public static IReadOnlyList<Document> LinkCopies(IReadOnlyList<Document> documents)
    {
        var index = new NearDuplicateIndex();
        var linked = documents.ToArray();
        var order = Enumerable.Range(0, linked.Length)
            .OrderBy(i => linked[i].Published is null)
            .ThenBy(i => linked[i].Published)
            .ThenBy(i => i);
        foreach (var i in order)
            if (index.Add(linked[i]) is { } copy) linked[i] = linked[i] with { DuplicateOf = copy.OriginalId };
        return linked;
    }

    /// <summary>Sorted, distinct hashes of the text's five-word shingles (case-folded words).</summary>
    public static ulong[] Shingles(string text)
    {
        var words = WordHashes(text);
        if (words.Count < ShingleWords) return [];
        // Sorted, then repeats dropped in place: no hash set per document.
        var hashes = new ulong[words.Count - ShingleWords + 1];
        for (var i = 0; i < hashes.Length; i++)
        {
            var h = 1469598103934665603UL;
            for (var j = 0; j < ShingleWords; j++) h = Mix(h ^ words[i + j]);
            hashes[i] = h;
        }
        Array.Sort(hashes);
        var distinct = 0;
        foreach (var h in hashes)
            if (distinct == 0 || h != hashes[distinct - 1]) hashes[distinct++] = h;
        return distinct == hashes.Length ? hashes : hashes[..distinct];
    }

    /// <summary>|A ∩ B| / min(|A|, |B|) for two sorted hash arrays.</summary>
    public static double Containment(ulong[] a, ulong[] b)
    {
        if (a.Length == 0 || b.Length == 0) return 0;
        int i = 0, j = 0, shared = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j]) { shared++; i++; j++; }
            else if (a[i] < b[j]) i++;
            else j++;
        }
        return (double)shared / Math.Min(a.Length, b.Length);
    }

    private static ulong[] Signature(ulong[] shingles)
    {
        var sig = new ulong[Hashes];
        Array.Fill(sig, ulong.MaxValue);
        foreach (var s in shingles)
            for (var k = 0; k < Hashes; k++)
            {
                var h = Mix(s ^ Seeds[k]);
                if (h < sig[k]) sig[k] = h;
            }
        return sig;
    }

    private static ulong BandKey(ulong[] signature, int band)
    {
        var h = (ulong)band;
        for (var r = 0; r < Rows; r++) h = Mix(h ^ signature[band * Rows + r]);
        return h;
    }

    /// <summary>
    /// The hash of each case-folded word (a run of \w characters: letters, digits, combining marks,
    /// connectors), read in one pass without a regex or a string per word.
    /// </summary>
    private static List<ulong> WordHashes(string text)
    {
        var hashes = new List<ulong>(text.Length / 6);
        var h = 1469598103934665603UL;
        var inWord = false;
        foreach (var c in text)
        {
            if (IsWordChar(c))
            {
                h = (h ^ char.ToLowerInvariant(c)) * 1099511628211UL;
                inWord = true;
            }
            else if (inWord)
            {
                hashes.Add(Mix(h));
                h = 1469598103934665603UL;
                inWord = false;
            }
        }
        if (inWord) hashes.Add(Mix(h));
        return hashes;
    }

    // What the regex class \w matches: letters, non-spacing marks, decimal digits, connector punctuation.
    private static bool IsWordChar(char c)
    {
        if (c < 128) return char.IsAsciiLetterOrDigit(c) || c == '_';
        return char.GetUnicodeCategory(c) switch
        {
            UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
                or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.NonSpacingMark
                or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.ConnectorPunctuation => true,
            _ => false,
        };
    }

    // SplitMix64 finaliser: cheap and well distributed.
    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
