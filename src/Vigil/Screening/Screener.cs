using System.Collections.Concurrent;
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
    /// <summary>Query tokens' keys and neighbours, one cache per <see cref="QuerySpelling"/>.</summary>
    private readonly ConcurrentDictionary<string, QueryToken>[] tokenCaches =
        [new(StringComparer.Ordinal), new(StringComparer.Ordinal), new(StringComparer.Ordinal)];

    public Screener(IReadOnlyList<ListEntry> entries) : this(entries, MatcherWeights.Default, MatchThreshold) { }

    public Screener(IReadOnlyList<ListEntry> entries, MatcherWeights weights, double threshold = MatchThreshold)
        : this(new NameIndex(entries), weights, threshold) { }

    private Screener(NameIndex index, MatcherWeights weights, double threshold)
    {
        this.index = index;
        comparer = new NameComparer(index, weights);
        this.threshold = threshold;
        scratch = new ThreadLocal<Scratch>(() => new Scratch(index.Names.Count, index.VocabularySize));
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
        var best = new Dictionary<int, (double Score, int Variant, int NameId)>();
        var spelling = SpellingOf(query.Name);
        var cjk = CjkLetters(query.Name);
        var prepared = new (QueryName Query, Neighbour[][] Sims)[variants.Count];
        var scratchSpace = scratch.Value!;
        for (var v = 0; v < variants.Count; v++)
        {
            var tokens = Array.ConvertAll(variants[v].Tokens, t => TokenInfo(t, spelling));
            var q = comparer.Prepare(variants[v], spelling, Array.ConvertAll(tokens, t => t.Keys));
            var sims = Array.ConvertAll(tokens, t => t.Neighbours);
            prepared[v] = (q, sims);
            foreach (var nameId in Candidates(tokens, query.Schema, scratchSpace))
            {
                var name = index.Names[nameId];
                var comparison = comparer.Compare(q, name.Candidate, new NeighbourSimilarities(sims, name.TokenIds), explain: false);
                var score = comparison.Score * (name.IsWeak ? comparer.Weights.WeakAliasFactor : 1.0);
                if (cjk.Length > 0) score = Math.Min(score, SameScriptCap(cjk, name.Original));
                if (!best.TryGetValue(name.Entry, out var current) || score > current.Score || (score == current.Score && nameId < current.NameId))
                    best[name.Entry] = (score, v, nameId);
            }
        }
        // Date of birth, country and identifiers first as numbers; explanations only for the hits returned.
        var ranked = new List<(double Score, int Entry, double NameScore, int Variant, int NameId)>();
        foreach (var (entryIndex, (nameScore, v, nameId)) in best)
        {
            if (nameScore < minScore - comparer.Weights.BirthDateWeight - 0.02) continue;
            var adjusted = Adjust(query, index.Entries[entryIndex], nameScore, null, null);
            if (adjusted >= minScore) ranked.Add((adjusted, entryIndex, nameScore, v, nameId));
        }
        ranked.Sort((a, b) => a.Score != b.Score ? b.Score.CompareTo(a.Score) : a.Entry.CompareTo(b.Entry));
        var hits = new List<(SanctionHit Hit, int Entry)>(Math.Min(limit, ranked.Count));
        foreach (var (_, entryIndex, nameScore, v, nameId) in ranked.Take(limit))
        {
            var name = index.Names[nameId];
            var (q, sims) = prepared[v];
            var comparison = comparer.Compare(q, name.Candidate, new NeighbourSimilarities(sims, name.TokenIds));
            hits.Add((BuildHit(query, index.Entries[entryIndex], name, nameScore, comparison), entryIndex));
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
            var q = comparer.Prepare(variant, SpellingOf(query));
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

    /// <summary>Similarities looked up in the query tokens' neighbour lists (sorted by vocabulary id; the index path).</summary>
    private readonly struct NeighbourSimilarities(Neighbour[][] sims, int[] tokenIds) : ITokenSimilarities
    {
        public (double Score, TokenMatchKind Kind) Get(int i, int j)
        {
            var k = Find(sims[i], tokenIds[j]);
            return k >= 0 ? (sims[i][k].Similarity, sims[i][k].Kind) : (0, TokenMatchKind.None);
        }
    }

    private static int Find(Neighbour[] list, int tokenId)
    {
        int lo = 0, hi = list.Length - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            var id = list[mid].TokenId;
            if (id == tokenId) return mid;
            if (id < tokenId) lo = mid + 1; else hi = mid - 1;
        }
        return -1;
    }

    /// <summary>Similarities computed token by token (for a pair of names outside the index).</summary>
    private readonly struct DirectSimilarities(QueryName q, CandidateName c, NameIndex index) : ITokenSimilarities
    {
        public (double Score, TokenMatchKind Kind) Get(int i, int j) =>
            TokenSimilarity.Compare(q.Tokens[i], c.Tokens[j], q.Keys[i], c.TokenIds[j] >= 0 ? index.Keys(c.TokenIds[j]) : index.KeysFor(c.Tokens[j]), q.Spelling);
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
        foreach (var ch in name) if (NameAnalyzer.IsCjk(ch)) { any = true; break; }
        if (!any) return "";
        return new string(name.Where(NameAnalyzer.IsCjk).ToArray());
    }


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
    /// How sure the name's romanisation is. Transliterated for a script whose Latin renderings are least sure of
    /// their vowels (Cyrillic renderings of Korean names such as Ким Чен Ын, Arabic written without short
    /// vowels), so tokens may pair on their consonants alone; Syllabic for a foreign name written sound by sound
    /// in Chinese characters, kana or Hangul (贝拉克·奥巴마, 블라디미르 푸틴), which also adds vowels and has one
    /// labial for p, f, v and b. Latin for the rest, Korean, Chinese and Japanese names in their own script among
    /// them: their romanisations are syllable tables, and consonants alone would pair Ying with Yun.
    /// </summary>
    private static QuerySpelling SpellingOf(string name)
    {
        if (Matching.NameAnalyzer.ForeignNameInCjk(name) || Matching.NameAnalyzer.ForeignNameInHangul(name)) return QuerySpelling.Syllabic;
        var nonLatin = false;
        foreach (var c in name)
        {
            if (!char.IsLetter(c)) continue;
            if (NameAnalyzer.IsCjk(c)) return QuerySpelling.Latin;
            if (c > '\u024F' && c is < '\u1E00' or > '\u1EFF') nonLatin = true;
        }
        return nonLatin ? QuerySpelling.Transliterated : QuerySpelling.Latin;
    }

    /// <summary>
    /// A query token's keys and scored neighbours, cached: the same given names and surnames come back
    /// query after query, and both depend only on the token, the index and the weights.
    /// </summary>
    private QueryToken TokenInfo(string token, QuerySpelling spelling)
    {
        var cache = tokenCaches[(int)spelling];
        if (cache.TryGetValue(token, out var info)) return info;
        var keys = index.KeysFor(token);
        var neighbours = new HashSet<int>();
        index.Neighbours(token, keys, neighbours, spelling);
        var list = new List<Neighbour>(neighbours.Count);
        foreach (var id in neighbours)
        {
            var (score, kind) = TokenSimilarity.Compare(token, index.Token(id), keys, index.Keys(id), spelling);
            if (score >= comparer.Weights.PairingFloor) list.Add(new Neighbour(id, score, kind, score * index.Weight(id)));
        }
        list.Sort((a, b) => a.TokenId.CompareTo(b.TokenId));
        var maxGain = 0.0;
        foreach (var n in list) maxGain = Math.Max(maxGain, n.Gain);
        info = new QueryToken(keys, [.. list], maxGain, Splits(token));
        if (cache.Count < TokenCacheLimit) cache.TryAdd(token, info);
        return info;
    }

    /// <summary>The share of a query's weight that its commonest tokens may carry and still not bring in candidates of their own.</summary>
    private const double NonEssentialShare = 0.4;

    private const int TokenCacheLimit = 200_000;

    /// <summary>Gain cut-offs tried, highest first, for leaving common neighbours out of candidate generation.</summary>
    private static readonly double[] GainCutoffs = [0.3, 0.25, 0.2, 0.15, 0.1, 0.05];

    /// <summary>
    /// The names worth scoring in full: every name holding a token similar to a query token, ranked by an
    /// upper bound of its score (per query token, the best similarity × weight among the name's tokens), best
    /// <see cref="CandidatesScored"/> kept. Pairings that weigh little (the exact token al, a common given name)
    /// do not bring in names by themselves when together they carry less than <see cref="NonEssentialShare"/> of
    /// the query's weight: a name that shares only those cannot cover the query. They still count in the bound.
    /// </summary>
    private List<int> Candidates(QueryToken[] tokens, EntitySchema? schema, Scratch s)
    {
        s.Generation++;
        var touched = s.Touched;
        touched.Clear();
        var n = tokens.Length;
        var total = 0.0;
        foreach (var t in tokens) total += t.MaxGain;
        var cutoff = 0.0;
        foreach (var candidate in GainCutoffs)
        {
            var below = 0.0;
            for (var i = 0; i < n; i++)
            {
                var best = 0.0;
                foreach (var nb in tokens[i].Neighbours) if (nb.Gain < candidate && nb.Gain > best) best = nb.Gain;
                below += best;
            }
            if (below < NonEssentialShare * total) { cutoff = candidate; break; }
        }
        for (var i = 0; i < n; i++)
            foreach (var nb in tokens[i].Neighbours)
            {
                if (nb.Gain < cutoff) continue;
                foreach (var nameId in index.Postings(nb.TokenId))
                    if (s.Stamp[nameId] != s.Generation) { s.Stamp[nameId] = s.Generation; s.Accumulated[nameId] = 0; touched.Add(nameId); }
            }
        // A query token that the lists write as two (Jongun / Jong Un) reaches its names through both halves.
        for (var i = 0; i < n; i++)
            foreach (var (left, right) in tokens[i].Splits)
            {
                var gain = 0.5 * (index.Weight(left) + index.Weight(right));
                foreach (var nameId in index.Postings(left))
                {
                    if (s.Stamp[nameId] != s.Generation) { s.Stamp[nameId] = s.Generation; s.Accumulated[nameId] = 0; touched.Add(nameId); }
                    s.Accumulated[nameId] = Math.Max(s.Accumulated[nameId], gain);
                }
            }
        // Each neighbour token's gains towards every query token, one row per token, found through a stamped map.
        var rowGains = s.RowGains;
        rowGains.Clear();
        var rows = 0;
        for (var i = 0; i < n; i++)
            foreach (var nb in tokens[i].Neighbours)
            {
                if (s.RowStamp[nb.TokenId] != s.Generation)
                {
                    s.RowStamp[nb.TokenId] = s.Generation;
                    s.Row[nb.TokenId] = rows++;
                    for (var x = 0; x < n; x++) rowGains.Add(0);
                }
                var cell = s.Row[nb.TokenId] * n + i;
                if (nb.Gain > rowGains[cell]) rowGains[cell] = nb.Gain;
            }
        Span<double> perToken = stackalloc double[n];
        var heap = s.Heap;
        heap.Clear();
        foreach (var nameId in touched)
        {
            if (!Compatible(schema, index.NameSchema(nameId))) continue;
            perToken.Clear();
            foreach (var id in index.Names[nameId].TokenIds)
            {
                if (s.RowStamp[id] != s.Generation) continue;
                var row = s.Row[id] * n;
                for (var i = 0; i < n; i++) perToken[i] = Math.Max(perToken[i], rowGains[row + i]);
            }
            var bound = s.Accumulated[nameId];
            foreach (var g in perToken) bound += g;
            // Keep the best CandidatesScored: a min-heap whose root is the worst kept (lowest bound, then highest id).
            if (heap.Count < CandidatesScored) heap.Enqueue(nameId, (bound, nameId));
            else if (heap.TryPeek(out _, out var worst) && (bound > worst.Bound || (bound == worst.Bound && nameId < worst.Name))) heap.EnqueueDequeue(nameId, (bound, nameId));
        }
        var result = new List<(double Bound, int Name)>(heap.Count);
        while (heap.TryDequeue(out var id, out var p)) result.Add((p.Bound, id));
        result.Sort((a, b) => a.Bound != b.Bound ? b.Bound.CompareTo(a.Bound) : a.Name.CompareTo(b.Name));
        return result.ConvertAll(x => x.Name);
    }

    private (int Left, int Right)[] Splits(string token)
    {
        if (token.Length < 5) return [];
        List<(int, int)>? result = null;
        for (var k = 2; k <= token.Length - 2; k++)
            if (index.Find(token.AsSpan(0, k)) is { } left && index.Find(token.AsSpan(k)) is { } right) (result ??= []).Add((left, right));
        return result is null ? [] : [.. result];
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
        var features = new List<MatchFeature>();
        var how = string.Join(", ", comparison.Pairs.Select(p => p.Kind == TokenMatchKind.Exact ? p.Query : $"{p.Query}~{p.Candidate} ({Describe(p.Kind)})"));
        var missing = comparison.UnmatchedQuery.Count > 0 ? $"; not on the list: {string.Join(' ', comparison.UnmatchedQuery)}" : "";
        if (comparison.Conflicts.Count > 0) missing += $"; {string.Join("; ", comparison.Conflicts)}";
        var extra = comparison.UnmatchedCandidate.Count > 0 ? $"; only on the list: {string.Join(' ', comparison.UnmatchedCandidate)}" : "";
        features.Add(new MatchFeature("name", nameScore, $"'{name.Original}'{(name.IsWeak ? " (weak alias)" : "")}: {how}{missing}{extra}"));
        var parts = new List<string> { $"name {F(nameScore)} against '{name.Original}' ({how}{missing})" };

        var score = Adjust(query, entry, nameScore, features, parts);
        var isMatch = score >= threshold;
        var explanation = $"{entry.List} {entry.ListId}: {string.Join("; ", parts)}; score {F(score)} {(isMatch ? ">=" : "<")} threshold {F(threshold)}";
        return new SanctionHit(entry.List, entry.ListId, entry.Name, Math.Round(score, 4), isMatch, entry.Programs, explanation, features);
    }

    /// <summary>
    /// The name score moved by what else is known: an agreeing date of birth adds, a conflicting one or another
    /// nationality subtracts, a shared identifier makes it near certain. With <paramref name="features"/> and
    /// <paramref name="parts"/> given, says why.
    /// </summary>
    private double Adjust(ScreeningQuery query, ListEntry entry, double nameScore, List<MatchFeature>? features, List<string>? parts)
    {
        var w = comparer.Weights;
        var score = nameScore;
        if (query.BirthDate is { } dob && entry.BirthDates.Count > 0)
        {
            if (entry.BirthDates.Any(d => d.IsCompatibleWith(dob)))
            {
                score += w.BirthDateWeight;
                features?.Add(new MatchFeature("birth_date", w.BirthDateWeight, $"{dob} agrees with {string.Join(", ", entry.BirthDates)}"));
                parts?.Add($"born {dob} agrees");
            }
            else
            {
                // A year or so apart is often a recording error; further apart is another person.
                var near = entry.BirthDates.Any(d => Math.Abs(d.Value.Year - dob.Value.Year) <= 1);
                var penalty = near ? w.BirthDateWeight : w.BirthDateConflictPenalty;
                score -= penalty;
                features?.Add(new MatchFeature("birth_date", -penalty, $"{dob} conflicts with {string.Join(", ", entry.BirthDates)}"));
                parts?.Add($"born {dob} conflicts with {string.Join(", ", entry.BirthDates.Take(3))}");
            }
        }
        if (!string.IsNullOrWhiteSpace(query.Country) && entry.Nationalities.Count > 0)
        {
            var code = CountryCodes.CodeOrName(query.Country);
            if (entry.Nationalities.Contains(code, StringComparer.OrdinalIgnoreCase))
            {
                features?.Add(new MatchFeature("country", 0, $"{code} is a listed nationality"));
                parts?.Add($"country {code} agrees");
            }
            else
            {
                score -= w.CountryMismatchPenalty;
                features?.Add(new MatchFeature("country", -w.CountryMismatchPenalty, $"{code} is not among {string.Join(", ", entry.Nationalities)}"));
                parts?.Add($"country {code} not among {string.Join(", ", entry.Nationalities)}");
            }
        }
        if (query.Identifiers is { Count: > 0 } ids && entry.Identifiers.Count > 0)
        {
            var shared = ids.FirstOrDefault(i => entry.Identifiers.Any(e => Canonical(e.Value) == Canonical(i.Value) && Canonical(i.Value).Length >= 5));
            if (shared is not null)
            {
                score = Math.Max(score, 0.99);
                features?.Add(new MatchFeature("identifier", 1, $"{shared.Type} {shared.Value} is listed"));
                parts?.Add($"{shared.Type} {shared.Value} is listed");
            }
        }
        return Math.Clamp(score, 0, 1);
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
        TokenMatchKind.Nickname => "nickname",
        TokenMatchKind.Abbreviation => "abbreviation",
        _ => "exact",
    };

    private static string F(double v) => v.ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>Orders heap entries worst first: lower bound, then (for equal bounds) higher name id.</summary>
    private sealed class WorstFirst : IComparer<(double Bound, int Name)>
    {
        public static readonly WorstFirst Instance = new();
        public int Compare((double Bound, int Name) a, (double Bound, int Name) b) => a.Bound != b.Bound ? a.Bound.CompareTo(b.Bound) : b.Name.CompareTo(a.Name);
    }

    /// <summary>A vocabulary token paired with a query token: its similarity, how, and its gain (similarity × weight) for candidate bounds.</summary>
    private readonly record struct Neighbour(int TokenId, double Similarity, TokenMatchKind Kind, double Gain);

    /// <summary>What the screener knows about a query token once: keys, neighbours, the best gain, and splits into two listed tokens.</summary>
    private sealed record QueryToken(TokenKeys Keys, Neighbour[] Neighbours, double MaxGain, (int Left, int Right)[] Splits);

    private sealed class Scratch(int names, int vocabulary)
    {
        public readonly int[] Stamp = new int[names];
        public readonly double[] Accumulated = new double[names];
        public readonly List<int> Touched = new(1024);
        public readonly int[] RowStamp = new int[vocabulary];
        public readonly int[] Row = new int[vocabulary];
        public readonly List<double> RowGains = new(1024);
        public readonly PriorityQueue<int, (double Bound, int Name)> Heap = new(CandidatesScored + 1, WorstFirst.Instance);
        public int Generation;
    }
}
