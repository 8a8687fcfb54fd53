namespace Vigil.Extraction.Ner;

/// <summary>
/// Non-local evidence for the tagger (after Ratinov and Roth 2009): what the other occurrences of a
/// capitalised word in the same document say about it. A sentence-initial "Lee" is more likely a name
/// when the document also writes "Simon Lee" or "ha detto Lee" mid-sentence; a title-case "Nuovo" less
/// so when the text also writes "nuovo"; and in two-stage tagging, the labels the first stage gave the
/// other occurrences ("Georgia" tagged ORG twice elsewhere). Each token gets a few hint strings, which
/// <see cref="NerFeatures.Extract"/> turns into features. The words of the hints were chosen on KIND
/// WN_dev: the neighbouring words and gazetteer labels of the other occurrences did not help there.
/// </summary>
public static class DocumentContext
{
    /// <summary>At most this many other occurrences are read, the nearest first, to keep long documents cheap.</summary>
    private const int MaxOccurrences = 12;

    /// <summary>
    /// Fills <see cref="NerFeatures.SentenceView.Elsewhere"/> of each view from the other occurrences of its
    /// capitalised words within <paramref name="window"/> sentences before and after (sentences given in document order).
    /// Predicted labels of those occurrences (<paramref name="labels"/>, BIO per sentence) are added when given.
    /// </summary>
    /// <param name="occurrences">The document's <see cref="Index"/> when the caller has it (two stages read the same views); built here otherwise.</param>
    public static void Annotate(IReadOnlyList<NerFeatures.SentenceView> views, int window, IReadOnlyList<IReadOnlyList<string>>? labels = null,
        Occurrences? occurrences = null)
    {
        var index = (occurrences ?? Index(views)).Places;
        var hints = new HashSet<string>(StringComparer.Ordinal);
        for (var s = 0; s < views.Count; s++)
        {
            var v = views[s];
            var result = new string[v.Words.Length][];
            for (var i = 0; i < v.Words.Length; i++)
            {
                result[i] = [];
                var word = v.Words[i];
                if (word.Length < 2 || !char.IsUpper(word[0]) || !index.TryGetValue(v.Lower[i], out var list)) continue;
                hints.Clear();
                var read = 0;
                foreach (var (os, oi) in Nearest(list, s, i, window))
                {
                    if (++read > MaxOccurrences) break;
                    var ov = views[os];
                    var other = ov.Words[oi];
                    if (!char.IsUpper(other[0])) { hints.Add("lower"); continue; }
                    // Capitalised inside a sentence, and where in a run of capitalised words: alone, first, inside, last.
                    if (oi > 0) hints.Add("capmid");
                    var before = oi > 0 && IsCapitalised(ov.Words[oi - 1]);
                    var after = oi + 1 < ov.Words.Length && IsCapitalised(ov.Words[oi + 1]);
                    hints.Add(before ? (after ? "run:I" : "run:L") : after ? "run:B" : "run:U");
                    if (labels is not null) hints.Add(LabelHint(labels[os][oi]));
                }
                if (hints.Count > 0) result[i] = [.. hints];
            }
            v.Elsewhere = result;
        }
    }

    /// <summary>Where each word (lower-cased, two letters or more) occurs in a document, in document order.</summary>
    public sealed class Occurrences
    {
        internal Dictionary<string, List<(int Sentence, int Token)>> Places { get; } = new(StringComparer.Ordinal);
    }

    /// <summary>The occurrence index of a document's sentences: it depends on the words only, so both stages of a tagger can share it.</summary>
    public static Occurrences Index(IReadOnlyList<NerFeatures.SentenceView> views)
    {
        var occurrences = new Occurrences();
        for (var s = 0; s < views.Count; s++)
        {
            var v = views[s];
            for (var i = 0; i < v.Lower.Length; i++)
            {
                var key = v.Lower[i];
                if (key.Length < 2 || !char.IsLetter(key[0])) continue;
                if (!occurrences.Places.TryGetValue(key, out var list)) occurrences.Places[key] = list = [];
                list.Add((s, i));
            }
        }
        return occurrences;
    }

    // The hint strings of the few labels, made once rather than concatenated per occurrence.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> LabelHints = new(StringComparer.Ordinal);

    private static string LabelHint(string label) => LabelHints.GetOrAdd(label, static l => "y:" + l);

    private static bool IsCapitalised(string w) => w.Length > 0 && char.IsUpper(w[0]);

    /// <summary>The other occurrences within the window (the list is in document order), nearest sentence first.</summary>
    private static List<(int Sentence, int Token)> Nearest(List<(int Sentence, int Token)> list, int s, int i, int window)
    {
        int lo = 0, hi = list.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (list[mid].Sentence < s - window) lo = mid + 1; else hi = mid;
        }
        var found = new List<(int Sentence, int Token)>();
        for (var k = lo; k < list.Count && list[k].Sentence <= s + window; k++)
            if (list[k].Sentence != s || list[k].Token != i) found.Add(list[k]);
        found.Sort((a, b) => Math.Abs(a.Sentence - s) != Math.Abs(b.Sentence - s)
            ? Math.Abs(a.Sentence - s).CompareTo(Math.Abs(b.Sentence - s))
            : a.Sentence != b.Sentence ? a.Sentence.CompareTo(b.Sentence) : a.Token.CompareTo(b.Token));
        return found;
    }
}
