using System.Globalization;
using System.Text;
using F23.StringSimilarity;
using Vigil.Model;

namespace Vigil.Screening.Baseline;

/// <summary>
/// The plain baseline Vigil is measured against: names lower-cased, accents stripped, tokens sorted,
/// then Jaro–Winkler similarity. Search blocks on sharing at least one token, as simple screening
/// tools do. No transliteration, no frequency weights, no variants.
/// </summary>
public sealed class TokenSortJaroWinkler
{
    private static readonly JaroWinkler Metric = new();
    private readonly IReadOnlyList<ListEntry> entries;
    private readonly List<(int Entry, string Sorted)> names = [];
    private readonly Dictionary<string, List<int>> postings = new(StringComparer.Ordinal);

    public TokenSortJaroWinkler(IReadOnlyList<ListEntry> entries)
    {
        this.entries = entries;
        for (var e = 0; e < entries.Count; e++)
            foreach (var name in entries[e].AllNames)
            {
                var tokens = Tokens(name);
                if (tokens.Length == 0) continue;
                var id = names.Count;
                names.Add((e, string.Join(' ', tokens)));
                foreach (var t in tokens.Distinct())
                {
                    if (!postings.TryGetValue(t, out var list)) postings[t] = list = [];
                    list.Add(id);
                }
            }
    }

    public static double Similarity(string a, string b) => Metric.Similarity(string.Join(' ', Tokens(a)), string.Join(' ', Tokens(b)));

    /// <summary>The best entries for a name: (entry, similarity), best first.</summary>
    public IReadOnlyList<(ListEntry Entry, double Score)> Search(string name, int limit = 10)
    {
        var tokens = Tokens(name);
        var sorted = string.Join(' ', tokens);
        var best = new Dictionary<int, double>();
        var seen = new HashSet<int>();
        foreach (var t in tokens)
            if (postings.TryGetValue(t, out var list))
                foreach (var id in list)
                {
                    if (!seen.Add(id)) continue;
                    var s = Metric.Similarity(sorted, names[id].Sorted);
                    var e = names[id].Entry;
                    if (!best.TryGetValue(e, out var cur) || s > cur) best[e] = s;
                }
        return best.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key).Take(limit).Select(kv => (entries[kv.Key], kv.Value)).ToList();
    }

    private static string[] Tokens(string name)
    {
        var decomposed = name.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            sb.Append(char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : ' ');
        }
        var tokens = sb.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Array.Sort(tokens, StringComparer.Ordinal);
        return tokens;
    }
}
