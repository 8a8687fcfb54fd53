using System.Globalization;
using Vigil.Model;
using Vigil.Screening.Matching;

namespace Vigil.Screening;

/// <summary>
/// Screens names against loaded list entries in two steps: candidates from the in-memory token
/// index (exact, typo, sound, skeleton and variant neighbours of each query token), then a
/// scorer that explains itself (<see cref="NameComparer"/> plus date-of-birth, country and
/// identifier features). Deterministic: the same lists and query give the same hits in the same order.
/// </summary>
public sealed class Screener : IScreener
{
    /// <summary>
    /// A hit whose score reaches this is a match (<see cref="SanctionHit.IsMatch"/>). Calibrated on the
    /// training split of the labelled name pairs; the held-out figures are in docs/accuracy.md.
    /// </summary>
    public const double MatchThreshold = 0.77;

    /// <summary>How many candidate names (by the index's upper bound) are scored in full per query.</summary>
    private const int CandidatesScored = 60;

    private readonly NameIndex index;
    private readonly NameComparer comparer;
    private readonly double threshold;
    private readonly ThreadLocal<Scratch> scratch;

    public Screener(IReadOnlyList<ListEntry> entries) : this(entries, MatcherWeights.Default, MatchThreshold) { }

    public Screener(IReadOnlyList<ListEntry> entries, MatcherWeights weights, double threshold = MatchThreshold)
        : this(new NameIndex(entries), weights, threshold) { }

    private Screener(NameIndex index, MatcherWeights weights, double threshold)
    {
        this.index = index;
        comparer = new NameComparer(index, weights);
        this.threshold = threshold;
        scratch = new ThreadLocal<Scratch>(() => new Scratch(index.Names.Count));
    }

    public IReadOnlyList<ListEntry> Entries => index.Entries;
    public MatcherWeights Weights => comparer.Weights;

    /// <summary>The same index with other weights and threshold (for calibration: the index is built once).</summary>
    public Screener With(MatcherWeights weights, double threshold) => new(index, weights, threshold);
    public double Threshold => threshold;

    public IReadOnlyList<SanctionHit> Screen(ScreeningQuery query, int limit = 10, double minScore = 0.5)
    {
        if (string.IsNullOrWhiteSpace(query.Name) || query.Schema is EntitySchema.Location) return [];
        // A query that is a country's name (Russia, Corea del Nord) names a place, not a person or organisation.
        if (query.Schema is EntitySchema.Person || query.Schema?.IsOrganizationLike() == true)
            if (CountryCodes.IsCountryName(query.Name)) return [];
        var variants = AnalyzeQuery(query);
        if (variants.Count == 0) return [];
        var best = new Dictionary<int, (double Score, QueryName Query, Dictionary<int, (double, TokenMatchKind)>[] Sims, IndexedName Name, int NameId)>();
        var looseVowels = LooseVowels(query.Name);
        var cjk = CjkLetters(query.Name);
        foreach (var variant in variants)
        {
            var q = comparer.Prepare(variant, looseVowels);
            var sims = Expand(q);
            foreach (var nameId in Candidates(q, sims, query.Schema))
            {
                var name = index.Names[nameId];
                var comparison = comparer.Compare(q, name.Candidate, new ExpandedSimilarities(sims, name.TokenIds), explain: false);
                var score = comparison.Score * (name.IsWeak ? comparer.Weights.WeakAliasFactor : 1.0);
                if (cjk.Length > 0) score = Math.Min(score, SameScriptCap(cjk, name.Original));
                if (!best.TryGetValue(name.Entry, out var current) || score > current.Score || (score == current.Score && nameId < current.NameId))
                    best[name.Entry] = (score, q, sims, name, nameId);
            }
        }
        var hits = new List<(SanctionHit Hit, int Entry)>(best.Count);
        foreach (var (entryIndex, (nameScore, q, sims, name, _)) in best)
        {
            if (nameScore < minScore - comparer.Weights.BirthDateWeight - 0.02) continue;
            var comparison = comparer.Compare(q, name.Candidate, new ExpandedSimilarities(sims, name.TokenIds));
            var hit = BuildHit(query, index.Entries[entryIndex], name, nameScore, comparison);
            if (hit.Score >= minScore) hits.Add((hit, entryIndex));
        }
        return hits.OrderByDescending(h => h.Hit.Score).ThenBy(h => h.Entry).Take(limit).Select(h => h.Hit).ToList();
    }

    /// <summary>The name score alone for a query name against one listed name (for calibration on labelled pairs).</summary>
    public double CompareNames(string query, string candidate, EntitySchema? schema) => ExplainNames(query, candidate, schema)?.Score ?? 0;

    /// <summary>The best comparison of a query name with one listed name, or null when neither has tokens.</summary>
    internal NameComparison? ExplainNames(string query, string candidate, EntitySchema? schema)
    {
        var candidates = Matching.NameAnalyzer.Analyze(candidate, organisation: schema is not EntitySchema.Person)
            .Select(c => comparer.Candidate(candidate, c)).ToList();
        NameComparison? best = null;
        var queryCjk = CjkLetters(query);
        foreach (var variant in AnalyzeQuery(new ScreeningQuery(query, schema)))
        {
            var q = comparer.Prepare(variant, LooseVowels(query));
            foreach (var c in candidates)
            {
                var comparison = comparer.Compare(q, c, new DirectSimilarities(q, c, index));
                if (queryCjk.Length > 0 && SameScriptCap(queryCjk, candidate) is var cap && cap < comparison.Score)
                    comparison = comparison with { Score = cap, Conflicts = [.. comparison.Conflicts, "the names differ in their own script"] };
                if (best is null || comparison.Score > best.Score) best = comparison;
            }
        }
        return best;
    }

    /// <summary>Similarities looked up in the query's expanded neighbours (the index path).</summary>
    private readonly struct ExpandedSimilarities(Dictionary<int, (double, TokenMatchKind)>[] sims, int[] tokenIds) : ITokenSimilarities
    {
        public (double Score, TokenMatchKind Kind) Get(int i, int j) => sims[i].TryGetValue(tokenIds[j], out var s) ? s : (0, TokenMatchKind.None);
    }

    /// <summary>Similarities computed token by token (for a pair of names outside the index).</summary>
    private readonly struct DirectSimilarities(QueryName q, CandidateName c, NameIndex index) : ITokenSimilarities
    {
        public (double Score, TokenMatchKind Kind) Get(int i, int j) =>
            TokenSimilarity.Compare(q.Tokens[i], c.Tokens[j], q.Keys[i], c.TokenIds[j] >= 0 ? index.Keys(c.TokenIds[j]) : index.KeysFor(c.Tokens[j]), q.Transliterated);
    }

    /// <summary>
    /// Two names both written in Chinese characters, Hangul or kana are compared in that script: their
    /// romanisations can coincide (종/정 both give Jong, 石/市 both give Shi) while the names differ.
    /// The cap is the share of characters the two have in common, in order.
    /// </summary>
    private static double SameScriptCap(string queryCjk, string candidateOriginal)
    {
        var other = CjkLetters(candidateOriginal);
        if (other.Length == 0) return 1.0;
        if (other == queryCjk) return 1.0;
        var common = LongestCommonSubsequence(queryCjk, other);
        return (double)common / Math.Max(queryCjk.Length, other.Length);
    }

    private static int LongestCommonSubsequence(string a, string b)
    {
        var prev = new int[b.Length + 1];
        var cur = new int[b.Length + 1];
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
                cur[j] = a[i - 1] == b[j - 1] ? prev[j - 1] + 1 : Math.Max(prev[j], cur[j - 1]);
            (prev, cur) = (cur, prev);
        }
        return prev[b.Length];
    }

    /// <summary>The Han, Hangul and kana letters of a name, in order (empty for names in other scripts).</summary>
    private static string CjkLetters(string name)
    {
        var any = false;
        foreach (var ch in name) if (IsCjk(ch)) { any = true; break; }
        if (!any) return "";
        return new string(name.Where(IsCjk).ToArray());
    }

    private static bool IsCjk(char c) => c is >= '\u3040' and <= '\u30FF' or >= '\u3400' and <= '\u4DBF' or >= '\u4E00' and <= '\u9FFF' or >= '\uAC00' and <= '\uD7A3';

    private List<AnalyzedName> AnalyzeQuery(ScreeningQuery query)
    {
        var result = new List<AnalyzedName>();
        void Add(IEnumerable<AnalyzedName> names)
        {
            foreach (var n in names)
                if (!result.Any(r => r.Tokens.AsSpan().SequenceEqual(n.Tokens))) result.Add(n);
        }
        if (query.Schema is null or EntitySchema.Person) Add(Matching.NameAnalyzer.Analyze(query.Name, organisation: false));
        if (query.Schema is not EntitySchema.Person) Add(Matching.NameAnalyzer.Analyze(query.Name, organisation: true));
        return result;
    }

    /// <summary>
    /// True when the name is written in a script whose Latin renderings are least sure of their vowels
    /// (Cyrillic renderings of Korean names such as Ким Чен Ын, Arabic written without short vowels), so
    /// tokens may pair on their consonants alone. Not for Chinese, Korean or Japanese script: their
    /// romanisations are syllable tables, and consonants alone would pair Ying with Yun.
    /// </summary>
    private static bool LooseVowels(string name)
    {
        var nonLatin = false;
        foreach (var c in name)
        {
            if (!char.IsLetter(c)) continue;
            if (IsCjk(c)) return false;
            if (c > '\u024F' && c is < '\u1E00' or > '\u1EFF') nonLatin = true;
        }
        return nonLatin;
    }

    /// <summary>For each query token, the vocabulary tokens similar enough to pair with it, and how similar.</summary>
    private Dictionary<int, (double, TokenMatchKind)>[] Expand(QueryName q)
    {
        var result = new Dictionary<int, (double, TokenMatchKind)>[q.Tokens.Length];
        var neighbours = new HashSet<int>();
        for (var i = 0; i < q.Tokens.Length; i++)
        {
            neighbours.Clear();
            index.Neighbours(q.Tokens[i], q.Keys[i], neighbours);
            var map = new Dictionary<int, (double, TokenMatchKind)>(neighbours.Count);
            foreach (var id in neighbours)
            {
                var s = TokenSimilarity.Compare(q.Tokens[i], index.Token(id), q.Keys[i], index.Keys(id), q.Transliterated);
                if (s.Score >= comparer.Weights.PairingFloor) map[id] = s;
            }
            result[i] = map;
        }
        return result;
    }

    private List<int> Candidates(QueryName q, Dictionary<int, (double Score, TokenMatchKind)>[] sims, EntitySchema? schema)
    {
        var s = scratch.Value!;
        s.Generation++;
        var touched = s.Touched;
        touched.Clear();
        for (var i = 0; i < sims.Length; i++)
        {
            s.TokenGeneration++;
            foreach (var (tokenId, (sim, _)) in sims[i])
            {
                var gain = sim * index.Weight(tokenId);
                foreach (var nameId in index.Postings(tokenId))
                {
                    if (s.Stamp[nameId] != s.Generation) { s.Stamp[nameId] = s.Generation; s.Accumulated[nameId] = 0; s.TokenStamp[nameId] = 0; s.Best[nameId] = 0; touched.Add(nameId); }
                    if (s.TokenStamp[nameId] != s.TokenGeneration) { s.TokenStamp[nameId] = s.TokenGeneration; s.Accumulated[nameId] += s.Best[nameId]; s.Best[nameId] = 0; }
                    if (gain > s.Best[nameId]) s.Best[nameId] = gain;
                }
            }
        }
        // A query token that the lists write as two (Jongun / Jong Un) reaches its names through both halves.
        for (var i = 0; i < q.Tokens.Length; i++)
        {
            if (q.Tokens[i].Length < 5) continue;
            foreach (var (left, right) in Splits(q.Tokens[i]))
            {
                s.TokenGeneration++;
                foreach (var id in new[] { left, right })
                    foreach (var nameId in index.Postings(id))
                    {
                        var gain = 0.5 * index.Weight(id);
                        if (s.Stamp[nameId] != s.Generation) { s.Stamp[nameId] = s.Generation; s.Accumulated[nameId] = 0; s.TokenStamp[nameId] = 0; s.Best[nameId] = 0; touched.Add(nameId); }
                        if (s.TokenStamp[nameId] != s.TokenGeneration) { s.TokenStamp[nameId] = s.TokenGeneration; s.Accumulated[nameId] += s.Best[nameId]; s.Best[nameId] = 0; }
                        s.Best[nameId] += gain;
                    }
            }
        }
        var scored = new List<(double Bound, int Name)>(touched.Count);
        foreach (var nameId in touched)
        {
            var bound = s.Accumulated[nameId] + s.Best[nameId];
            if (!Compatible(schema, index.Entries[index.Names[nameId].Entry].Schema)) continue;
            scored.Add((bound, nameId));
        }
        scored.Sort((a, b) => a.Bound != b.Bound ? b.Bound.CompareTo(a.Bound) : a.Name.CompareTo(b.Name));
        return scored.Take(CandidatesScored).Select(x => x.Name).ToList();
    }

    private IEnumerable<(int Left, int Right)> Splits(string token)
    {
        for (var k = 2; k <= token.Length - 2; k++)
            if (index.Find(token[..k]) is { } left && index.Find(token[k..]) is { } right) yield return (left, right);
    }

    private static bool Compatible(EntitySchema? query, EntitySchema entry) => query switch
    {
        null => true,
        EntitySchema.Person => entry == EntitySchema.Person,
        EntitySchema.Vessel => entry == EntitySchema.Vessel,
        _ => entry.IsOrganizationLike(),
    };

    private SanctionHit BuildHit(ScreeningQuery query, ListEntry entry, IndexedName name, double nameScore, NameComparison comparison)
    {
        var w = comparer.Weights;
        var features = new List<MatchFeature>();
        var score = nameScore;
        var how = string.Join(", ", comparison.Pairs.Select(p => p.Kind == TokenMatchKind.Exact ? p.Query : $"{p.Query}~{p.Candidate} ({Describe(p.Kind)})"));
        var missing = comparison.UnmatchedQuery.Count > 0 ? $"; not on the list: {string.Join(' ', comparison.UnmatchedQuery)}" : "";
        if (comparison.Conflicts.Count > 0) missing += $"; {string.Join("; ", comparison.Conflicts)}";
        var extra = comparison.UnmatchedCandidate.Count > 0 ? $"; only on the list: {string.Join(' ', comparison.UnmatchedCandidate)}" : "";
        features.Add(new MatchFeature("name", nameScore, $"'{name.Original}'{(name.IsWeak ? " (weak alias)" : "")}: {how}{missing}{extra}"));
        var parts = new List<string> { $"name {F(nameScore)} against '{name.Original}' ({how}{missing})" };

        if (query.BirthDate is { } dob && entry.BirthDates.Count > 0)
        {
            if (entry.BirthDates.Any(d => d.IsCompatibleWith(dob)))
            {
                score += w.BirthDateWeight;
                features.Add(new MatchFeature("birth_date", w.BirthDateWeight, $"{dob} agrees with {string.Join(", ", entry.BirthDates)}"));
                parts.Add($"born {dob} agrees");
            }
            else
            {
                // A year or so apart is often a recording error; further apart is another person.
                var near = entry.BirthDates.Any(d => Math.Abs(d.Value.Year - dob.Value.Year) <= 1);
                var penalty = near ? w.BirthDateWeight : w.BirthDateConflictPenalty;
                score -= penalty;
                features.Add(new MatchFeature("birth_date", -penalty, $"{dob} conflicts with {string.Join(", ", entry.BirthDates)}"));
                parts.Add($"born {dob} conflicts with {string.Join(", ", entry.BirthDates.Take(3))}");
            }
        }
        if (!string.IsNullOrWhiteSpace(query.Country) && entry.Nationalities.Count > 0)
        {
            var code = CountryCodes.CodeOrName(query.Country);
            if (entry.Nationalities.Contains(code, StringComparer.OrdinalIgnoreCase))
            {
                features.Add(new MatchFeature("country", 0, $"{code} is a listed nationality"));
                parts.Add($"country {code} agrees");
            }
            else
            {
                score -= w.CountryMismatchPenalty;
                features.Add(new MatchFeature("country", -w.CountryMismatchPenalty, $"{code} is not among {string.Join(", ", entry.Nationalities)}"));
                parts.Add($"country {code} not among {string.Join(", ", entry.Nationalities)}");
            }
        }
        if (query.Identifiers is { Count: > 0 } ids && entry.Identifiers.Count > 0)
        {
            var shared = ids.FirstOrDefault(i => entry.Identifiers.Any(e => Canonical(e.Value) == Canonical(i.Value) && Canonical(i.Value).Length >= 5));
            if (shared is not null)
            {
                score = Math.Max(score, 0.99);
                features.Add(new MatchFeature("identifier", 1, $"{shared.Type} {shared.Value} is listed"));
                parts.Add($"{shared.Type} {shared.Value} is listed");
            }
        }
        score = Math.Clamp(score, 0, 1);
        var isMatch = score >= threshold;
        var explanation = $"{entry.List} {entry.ListId}: {string.Join("; ", parts)}; score {F(score)} {(isMatch ? ">=" : "<")} threshold {F(threshold)}";
        return new SanctionHit(entry.List, entry.ListId, entry.Name, Math.Round(score, 4), isMatch, entry.Programs, explanation, features);
    }

    private static string Canonical(string s) => new(s.Where(char.IsLetterOrDigit).Select(char.ToUpperInvariant).ToArray());

    private static string Describe(TokenMatchKind kind) => kind switch
    {
        TokenMatchKind.Variant => "variant",
        TokenMatchKind.Spelling => "spelling",
        TokenMatchKind.Sound => "sound",
        TokenMatchKind.Skeleton => "consonants",
        TokenMatchKind.Joined => "joined",
        TokenMatchKind.Initial => "initials",
        TokenMatchKind.Weak => "partly alike",
        _ => "exact",
    };

    private static string F(double v) => v.ToString("0.00", CultureInfo.InvariantCulture);

    private sealed class Scratch(int names)
    {
        public readonly int[] Stamp = new int[names];
        public readonly int[] TokenStamp = new int[names];
        public readonly double[] Accumulated = new double[names];
        public readonly double[] Best = new double[names];
        public readonly List<int> Touched = new(1024);
        public int Generation;
        public int TokenGeneration;
    }
}
