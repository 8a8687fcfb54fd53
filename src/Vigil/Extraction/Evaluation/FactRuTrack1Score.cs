using Vigil.Extraction.Ner;

namespace Vigil.Extraction.Evaluation;

/// <summary>
/// factRuEval-2016 track 1 (named entities) as the organisers' comparator scores it: our own
/// implementation of the metric defined by scripts/t1_eval.py with dialent/task1/eval.py,
/// dialent/common/evalmatrix.py and dialent/config.py in github.com/dialogue-evaluation/factRuEval-2016.
/// <list type="bullet">
/// <item>Each mention is a set of the document's tokens (a system mention: the tokens lying wholly
/// inside its character interval, less punctuation glued to a neighbour); types are per, org, loc
/// and locorg, or with <c>locOrgAsLocation</c> (the script's -l) locorg counts as loc.</item>
/// <item>Annotated and system mentions are paired one to one, same type only, by the matching that
/// gives the document the best overall F1; a pair with identical token sets must be made.</item>
/// <item>A pair earns tp/(tp+fp+fn) where tp and fn weigh the annotated tokens (1 for a name part,
/// 0 for a descriptor, so leaving out or adding "компания" before a name costs nothing) and fp
/// counts the system's tokens outside the annotation; an annotation with no name token falls back
/// to the unweighted token overlap.</item>
/// <item>An annotated mention is ignored, matched or not (its pair, if any, counting on neither
/// side), when it has no name token, when it lies inside a larger annotated mention of a type
/// that may contain it (a person or location inside an organisation, an organisation inside an
/// organisation), or when it covers the same tokens as an organisation: then only the matched
/// one of the two counts, or the organisation when both or neither are matched.</item>
/// <item>Per document, precision = Σ pair scores / system mentions counted, recall = Σ pair scores
/// / annotated mentions counted; the counts and sums add up over documents for each type and
/// overall, and F1 is their harmonic mean.</item>
/// </list>
/// The comparator searches the matchings recursively with some pruning; here the best matching is
/// found exactly (Dinkelbach iterations over the small groups of overlapping mentions), which can only
/// score a document higher where its pruning skips a better matching.
/// </summary>
public sealed class FactRuTrack1Score
{
    public sealed record Counts(double TruePositive, int Gold, int System)
    {
        public double Precision => System == 0 ? 1 : TruePositive / System;
        public double Recall => Gold == 0 ? 1 : TruePositive / Gold;
        public double F1 => Gold + System == 0 ? 1 : Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
        public Counts Plus(Counts o) => new(TruePositive + o.TruePositive, Gold + o.Gold, System + o.System);
    }

    public static readonly IReadOnlyList<string> Types = ["per", "loc", "org", "locorg"];

    /// <summary>Which annotated types may hold a mention of a type inside them (the comparator's PARENT_TAGS).</summary>
    private static readonly Dictionary<string, string[]> Containers = new(StringComparer.Ordinal)
    {
        ["per"] = ["loc", "org", "locorg"], ["loc"] = ["loc", "org", "locorg"], ["org"] = ["org", "locorg"], ["locorg"] = ["org", "locorg"],
    };

    private readonly bool _locOrgAsLocation;
    private readonly Dictionary<string, Counts> _byType = new(StringComparer.Ordinal);

    public FactRuTrack1Score(bool locOrgAsLocation = false)
    {
        _locOrgAsLocation = locOrgAsLocation;
        foreach (var t in Types) _byType[t] = new Counts(0, 0, 0);
    }

    public Counts Overall => _byType.Values.Aggregate(new Counts(0, 0, 0), (a, b) => a.Plus(b));

    public IReadOnlyDictionary<string, Counts> ByType => _byType;

    private sealed class Item(int index, string type, HashSet<int> tokens, IReadOnlyDictionary<int, double>? weights)
    {
        public int Index { get; } = index;
        public string Type { get; } = type;
        public HashSet<int> Tokens { get; } = tokens;
        public IReadOnlyDictionary<int, double>? Weights { get; } = weights;
        public bool Unnamed => Weights is not null && Weights.Values.All(w => w <= 0);
        public bool Embedded { get; set; }
        public Item? Sibling { get; set; }
        public double Weight(int token) => Weights?.GetValueOrDefault(token) ?? 0;
    }

    private string Map(string type)
    {
        var t = type.ToLowerInvariant();
        return _locOrgAsLocation && t == "locorg" ? "loc" : t;
    }

    /// <summary>Scores one document: <paramref name="system"/> holds (type, character start, length) as a .task1 response line does.</summary>
    public void Add(FactRuDocument doc, IEnumerable<(string Type, int Start, int Length)> system)
    {
        var gold = doc.Mentions.Select(m => (Type: Map(m.Type), m.Weights)).Where(m => Containers.ContainsKey(m.Type))
            .Select((m, i) => new Item(i, m.Type, m.Weights.Keys.ToHashSet(), m.Weights)).ToList();
        foreach (var g in gold)
        {
            foreach (var o in gold)
            {
                if (ReferenceEquals(o, g) || !Containers[g.Type].Contains(o.Type)) continue;
                if (g.Tokens.IsProperSubsetOf(o.Tokens)) g.Embedded = true;
                else if (g.Sibling is null && g.Tokens.SetEquals(o.Tokens)) g.Sibling = o;
            }
        }
        var test = system.Select(s => (Type: Map(s.Type), s.Start, s.Length)).Where(s => Containers.ContainsKey(s.Type))
            .Select((s, j) => new Item(j, s.Type, Enumerable.Range(0, doc.Tokens.Count)
                .Where(k => doc.Tokens[k].Start >= s.Start && doc.Tokens[k].Last <= s.Start + s.Length - 1 && !doc.IsIgnored(k)).ToHashSet(), null)).ToList();

        var match = BestMatching(doc, gold, test);
        foreach (var type in Types)
            _byType[type] = _byType[type].Plus(Evaluate(doc, gold, test, match, type));
    }

    private static double Priority(Item s, Item t)
    {
        if (s.Type != t.Type) return 0;
        var common = s.Tokens.Count(t.Tokens.Contains);
        var union = s.Tokens.Count + t.Tokens.Count - common;
        return union == 0 ? 0 : (double)common / union;
    }

    private static double Quality(FactRuDocument doc, Item s, Item t)
    {
        if (s.Type != t.Type) return 0;
        double tp = 0, fn = 0;
        foreach (var k in s.Tokens)
        {
            if (t.Tokens.Contains(k)) tp += s.Weight(k);
            else if (!doc.Tokens[k].IsPunctuation) fn += s.Weight(k);
        }
        var fp = t.Tokens.Count(k => !s.Tokens.Contains(k));
        var sum = tp + fn + fp;
        return sum > 0 ? tp / sum : Priority(s, t);
    }

    private static bool IsIgnored(Item s, IReadOnlyDictionary<Item, Item> match)
    {
        if (s.Unnamed || s.Embedded) return true;
        if (s.Sibling is not { } sibling) return false;
        var matched = match.ContainsKey(s);
        if (matched != match.ContainsKey(sibling))
            return !matched;
        // Both or neither matched: keep the organisation, or the first of two of one type.
        return sibling.Type == s.Type ? s.Index > sibling.Index : s.Type != "org";
    }

    /// <summary>The pairs' scores and counts for one type (or all, <paramref name="type"/> null) under a matching.</summary>
    private static Counts Evaluate(FactRuDocument doc, IEnumerable<Item> gold, IEnumerable<Item> test, IReadOnlyDictionary<Item, Item> match, string? type)
    {
        double tp = 0;
        int pairs = 0, unmatchedGold = 0;
        foreach (var s in gold.Where(g => type is null || g.Type == type))
        {
            var ignored = IsIgnored(s, match);
            if (match.TryGetValue(s, out var t))
            {
                if (ignored) continue;
                tp += Quality(doc, s, t);
                pairs++;
            }
            else if (!ignored) unmatchedGold++;
        }
        var matchedTest = match.Values.ToHashSet();
        var unmatchedTest = test.Count(t => (type is null || t.Type == type) && !matchedTest.Contains(t));
        return new Counts(tp, pairs + unmatchedGold, pairs + unmatchedTest);
    }

    /// <summary>
    /// The one-to-one matching that maximises the document's overall F1 = 2·TP / (gold + system).
    /// Identical mentions are paired first; the rest fall into independent groups (mentions linked by
    /// overlap or by sharing their tokens), and F1 is maximised by Dinkelbach's method: for a trial F,
    /// each group takes the matching with the most 2·TP − F·(gold + system), and F is recomputed until
    /// it stops rising.
    /// </summary>
    private static Dictionary<Item, Item> BestMatching(FactRuDocument doc, List<Item> gold, List<Item> test)
    {
        var match = new Dictionary<Item, Item>();
        var used = new HashSet<Item>();
        foreach (var s in gold)
        {
            var perfect = test.FirstOrDefault(t => !used.Contains(t) && Priority(s, t) == 1.0);
            if (perfect is null) continue;
            match[s] = perfect;
            used.Add(perfect);
        }
        var candidates = gold.ToDictionary(s => s, s => match.ContainsKey(s) ? [] : test.Where(t => !used.Contains(t) && Priority(s, t) > 0).ToList());

        // Groups: union-find over annotated and system mentions.
        var parent = new Dictionary<Item, Item>();
        Item Find(Item x) { while (parent.TryGetValue(x, out var p) && !ReferenceEquals(p, x)) x = p; return x; }
        void Union(Item a, Item b) { var ra = Find(a); var rb = Find(b); if (!ReferenceEquals(ra, rb)) parent[ra] = rb; }
        foreach (var x in gold.Concat(test)) parent[x] = x;
        foreach (var s in gold)
        {
            foreach (var t in candidates[s]) Union(s, t);
            if (match.TryGetValue(s, out var m)) Union(s, m);
            if (s.Sibling is { } sib) Union(s, sib);
        }
        var groups = gold.Concat(test).GroupBy(Find).Select(g => (Gold: g.Where(gold.Contains).ToList(), Test: g.Where(test.Contains).ToList())).ToList();

        Dictionary<Item, Item>[]? kept = null;
        var f = -1.0;
        for (var iteration = 0; iteration < 50; iteration++)
        {
            var chosen = new Dictionary<Item, Item>[groups.Count];
            double tp = 0; int n = 0;
            for (var g = 0; g < groups.Count; g++)
            {
                var (gGold, gTest) = groups[g];
                var fixedPairs = gGold.Where(match.ContainsKey).ToDictionary(s => s, s => match[s]);
                var free = gGold.Where(s => !match.ContainsKey(s) && candidates[s].Count > 0).ToList();
                Dictionary<Item, Item>? best = null;
                Counts? bestCounts = null;
                var bestValue = double.NegativeInfinity;
                var current = new Dictionary<Item, Item>(fixedPairs);
                var taken = new HashSet<Item>(fixedPairs.Values);
                var budget = 200_000;
                Search(0);
                if (best is null)
                {
                    // Too many combinations: pair greedily by overlap instead.
                    best = new Dictionary<Item, Item>(fixedPairs);
                    var greedyTaken = new HashSet<Item>(fixedPairs.Values);
                    foreach (var (s, t) in free.SelectMany(s => candidates[s].Select(t => (s, t))).OrderByDescending(p => Priority(p.s, p.t)))
                        if (!best.ContainsKey(s) && greedyTaken.Add(t)) best[s] = t;
                    bestCounts = Evaluate(doc, gGold, gTest, best, null);
                }
                chosen[g] = best;
                tp += bestCounts!.TruePositive;
                n += bestCounts.Gold + bestCounts.System;

                void Search(int k)
                {
                    if (--budget < 0) { best = null; return; }
                    if (k == free.Count)
                    {
                        var c = Evaluate(doc, gGold, gTest, current, null);
                        var value = 2 * c.TruePositive - Math.Max(f, 0) * (c.Gold + c.System);
                        if (value > bestValue + 1e-12) { bestValue = value; best = new Dictionary<Item, Item>(current); bestCounts = c; }
                        return;
                    }
                    var s = free[k];
                    foreach (var t in candidates[s])
                    {
                        if (taken.Contains(t)) continue;
                        current[s] = t; taken.Add(t);
                        Search(k + 1);
                        current.Remove(s); taken.Remove(t);
                        if (budget < 0) return;
                    }
                    Search(k + 1);
                }
            }
            var next = n == 0 ? 1 : 2 * tp / n;
            if (next <= f + 1e-12) break;
            f = next;
            kept = chosen;
        }
        var result = new Dictionary<Item, Item>();
        foreach (var c in kept!) foreach (var (s, t) in c) result[s] = t;
        return result;
    }
}

/// <summary>The comparator's two modes side by side, as both Russian suites report them: default (LocOrg its own type) and -l (LocOrg as loc).</summary>
public sealed class FactRuTrack1Scores
{
    public FactRuTrack1Score Official { get; } = new();
    public FactRuTrack1Score LocOrgAsLocation { get; } = new(locOrgAsLocation: true);

    public void Add(FactRuDocument doc, IReadOnlyList<(string Type, int Start, int Length)> system)
    {
        Official.Add(doc, system);
        LocOrgAsLocation.Add(doc, system);
    }

    /// <summary>The per-type F1 of the default mode and the overall F1 of -l, for a report's extra figures.</summary>
    public Dictionary<string, double> Extras()
    {
        var extras = FactRuTrack1Score.Types.ToDictionary(t => $"F1 {t} (track 1)", t => Math.Round(Official.ByType[t].F1, 4));
        extras["overall F1, LocOrg scored as loc (t1_eval.py -l)"] = Math.Round(LocOrgAsLocation.Overall.F1, 4);
        return extras;
    }
}
