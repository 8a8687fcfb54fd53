using Vigil.Model;
using Vigil.Text;

namespace Vigil.Screening.Matching;

/// <summary>One searchable name of one list entry.</summary>
internal sealed record IndexedName(int Entry, string Original, int[] TokenIds, bool[] IsLegalForm, bool IsWeak)
{
    /// <summary>The name as the comparer reads it (tokens and weights), filled in once the vocabulary's frequencies are known.</summary>
    public CandidateName Candidate { get; set; } = null!;
}

/// <summary>
/// The in-memory candidate index: a vocabulary of folded name tokens with their frequency across
/// list entries (common tokens weigh less), postings from token to names, and lookup tables that
/// find vocabulary tokens close to a query token: one-deletion neighbours (typos), sound keys,
/// consonant skeletons and variant groups (Ri/Lee/Yi, company/co).
/// </summary>
internal sealed class NameIndex
{
    /// <summary>Weight of a legal-form token (llc, jsc): present or absent, it says little about identity.</summary>
    public const double LegalFormWeight = 0.08;

    /// <summary>Weight of a number (Fund 11, Storm 2): a different number is a sibling (fund, vessel, unit), so it counts for little.</summary>
    public const double NumeralWeight = 0.15;

    private readonly Dictionary<string, int> tokenIds = new(StringComparer.Ordinal);
    private readonly List<string> tokens = [];
    private readonly List<TokenKeys> keys = [];
    private readonly List<int> entryFrequency = [];
    private readonly List<List<int>> postingLists = [];
    /// <summary>Tokens by a hash of each one-deletion variant (and of the token itself); a collision only adds a candidate the caller scores.</summary>
    private readonly List<(ulong Hash, int Token)> deletionList = [];
    private ulong[] deletionHashes = [];
    private int[] deletionTokens = [];
    private readonly Dictionary<string, List<int>> sounds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<int>> skeletons = new(StringComparer.Ordinal);
    /// <summary>
    /// Skeletons of three consonants or more with f read as p (<see cref="TokenSimilarity.Labials"/>), for foreign names in
    /// syllabic scripts: built on the first such query, since most runs have none.
    /// </summary>
    private Dictionary<string, List<int>>? labialSkeletons;
    private readonly Dictionary<int, List<int>> groups = [];
    private readonly Dictionary<string, int> groupOf;
    private double[] weights = [];
    private readonly Dictionary<int, int> groupFrequency = [];
    private int entryCount = 2;
    private int[][] postings = [];
    private readonly EntitySchema[] nameSchemas;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> tokenLookup;

    public IReadOnlyList<ListEntry> Entries { get; }
    public List<IndexedName> Names { get; } = [];
    public int EntryCount => Entries.Count;

    public NameIndex(IReadOnlyList<ListEntry> entries)
    {
        Entries = entries;
        groupOf = VariantGroups.Build();
        // Analysing names (transliteration, folding, legal forms) is most of the work and needs nothing shared: in parallel.
        var analysed = new (string Name, bool Weak, IReadOnlyList<AnalyzedName> Spellings)[entries.Count][];
        Parallel.For(0, entries.Count, e =>
        {
            var entry = entries[e];
            var organisation = entry.Schema != EntitySchema.Person;
            analysed[e] = entry.AllNames.Select(n => (n, false)).Concat(entry.WeakAliases.Select(n => (n, true)))
                .Where(x => !string.IsNullOrWhiteSpace(x.Item1))
                .Select(x => (x.Item1, x.Item2, NameAnalyzer.Analyze(x.Item1, organisation))).ToArray();
        });
        var lastEntrySeen = new List<int>();
        for (var e = 0; e < entries.Count; e++)
        {
            foreach (var (name, weak, spellings) in analysed[e])
            {
                foreach (var analyzed in spellings)
                {
                    var ids = new int[analyzed.Tokens.Length];
                    for (var t = 0; t < ids.Length; t++)
                    {
                        ids[t] = Intern(analyzed.Tokens[t]);
                        while (lastEntrySeen.Count <= ids[t]) lastEntrySeen.Add(-1);
                        if (lastEntrySeen[ids[t]] != e) { lastEntrySeen[ids[t]] = e; entryFrequency[ids[t]]++; }
                    }
                    var nameId = Names.Count;
                    Names.Add(new IndexedName(e, name, ids, analyzed.IsLegalForm, weak));
                    for (var t = 0; t < ids.Length; t++)
                        if (Array.IndexOf(ids, ids[t], 0, t) < 0) postingLists[ids[t]].Add(nameId);
                }
            }
        }
        // One sorted table of (deletion hash, token) instead of a list per key.
        deletionList.Sort();
        deletionHashes = new ulong[deletionList.Count];
        deletionTokens = new int[deletionList.Count];
        for (var i = 0; i < deletionList.Count; i++) (deletionHashes[i], deletionTokens[i]) = deletionList[i];
        deletionList.Clear();
        deletionList.TrimExcess();
        postings = postingLists.Select(p => p.ToArray()).ToArray();
        postingLists.Clear();
        var n = Math.Max(2, entries.Count);
        weights = new double[tokens.Count];
        // Spellings of one name element share one frequency: Ri, Lee and Yi together are common;
        // trading, treid and impex together are a generic descriptor.
        foreach (var (group, members) in groups) groupFrequency[group] = members.Sum(m => entryFrequency[m]);
        for (var t = 0; t < tokens.Count; t++)
        {
            var frequency = keys[t].Group >= 0 ? groupFrequency[keys[t].Group] : entryFrequency[t];
            weights[t] = NameAnalyzer.IsLegalFormToken(tokens[t]) ? LegalFormWeight : IsNumber(tokens[t]) ? NumeralWeight : WeightFor(frequency, n);
        }
        entryCount = n;
        nameSchemas = Names.Select(name => entries[name.Entry].Schema).ToArray();
        tokenLookup = tokenIds.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var name in Names)
            name.Candidate = new CandidateName(name.Original, name.TokenIds.Select(Token).ToArray(), name.TokenIds, name.IsLegalForm,
                name.TokenIds.Select((id, j) => name.IsLegalForm[j] ? LegalFormWeight : weights[id]).ToArray());
    }

    /// <summary>Inverse-frequency weight in (0, 1]: a token on one entry weighs about 1, one on every entry about 0.</summary>
    public static double WeightFor(int frequency, int entries) =>
        Math.Clamp(Math.Log((entries + 1.0) / (frequency + 1.0)) / Math.Log(entries + 1.0), 0.02, 1.0);

    internal static bool IsNumber(string token)
    {
        foreach (var ch in token) if (!char.IsAsciiDigit(ch)) return false;
        return token.Length > 0;
    }

    public int VocabularySize => tokens.Count;
    public string Token(int id) => tokens[id];
    public TokenKeys Keys(int id) => keys[id];
    public double Weight(int id) => weights[id];
    public int Frequency(int id) => entryFrequency[id];
    public int[] Postings(int id) => postings[id];
    public int? Find(string token) => tokenIds.TryGetValue(token, out var id) ? id : null;
    public int? Find(ReadOnlySpan<char> token) => tokenLookup.TryGetValue(token, out var id) ? id : null;

    /// <summary>The schema of the entry a name belongs to.</summary>
    public EntitySchema NameSchema(int nameId) => nameSchemas[nameId];

    /// <summary>Weight of a query token that is not in the vocabulary, or is: by its frequency in the lists.</summary>
    public double QueryWeight(string token)
    {
        if (NameAnalyzer.IsLegalFormToken(token)) return LegalFormWeight;
        if (IsNumber(token)) return NumeralWeight;
        if (tokenIds.TryGetValue(token, out var id)) return weights[id];
        return groupOf.TryGetValue(token, out var g) && groupFrequency.TryGetValue(g, out var f) ? WeightFor(f, entryCount) : 1.0;
    }

    public TokenKeys KeysFor(string token) =>
        new(PhoneticKey.Sound(token), PhoneticKey.Skeleton(token), groupOf.TryGetValue(token, out var g) ? g : -1);

    /// <summary>Vocabulary tokens that may be similar to <paramref name="token"/> (a superset; the caller scores them).</summary>
    /// <param name="spelling">For a foreign name in a syllabic script, tokens whose skeletons differ only in labials come too.</param>
    public void Neighbours(string token, TokenKeys k, HashSet<int> into, QuerySpelling spelling = QuerySpelling.Latin)
    {
        if (tokenIds.TryGetValue(token, out var exact)) into.Add(exact);
        AddDeletionMatches(DeletionHash(token, -1), into);
        if (token.Length >= 4)
            for (var i = 0; i < token.Length; i++) AddDeletionMatches(DeletionHash(token, i), into);
        if (k.Sound.Length >= 2 && sounds.TryGetValue(k.Sound, out var s)) into.UnionWith(s);
        if (k.Skeleton.Length >= 2 && skeletons.TryGetValue(k.Skeleton, out var sk) && sk.Count <= 400) into.UnionWith(sk);
        if (spelling == QuerySpelling.Syllabic && k.Skeleton.Length >= 3 && LabialSkeletons.TryGetValue(TokenSimilarity.Labials(k.Skeleton), out var lk) && lk.Count <= 400) into.UnionWith(lk);
        if (k.Group >= 0 && groups.TryGetValue(k.Group, out var g)) into.UnionWith(g);
        // A Latvian or Lithuanian form (Sergejs) reaches the plain name's spellings (Sergey, Sergej).
        if (TokenSimilarity.BalticStem(token) is { } stem)
        {
            var stemKeys = KeysFor(stem);
            if (tokenIds.TryGetValue(stem, out var plain)) into.Add(plain);
            if (stemKeys.Sound.Length >= 2 && sounds.TryGetValue(stemKeys.Sound, out var alike)) into.UnionWith(alike);
            if (stemKeys.Group >= 0 && groups.TryGetValue(stemKeys.Group, out var variants)) into.UnionWith(variants);
        }
        foreach (var other in Nicknames.Of(token))
            if (tokenIds.TryGetValue(other, out var id)) into.Add(id);
    }

    private int Intern(string token)
    {
        if (tokenIds.TryGetValue(token, out var id)) return id;
        id = tokens.Count;
        tokenIds[token] = id;
        tokens.Add(token);
        var k = KeysFor(token);
        keys.Add(k);
        entryFrequency.Add(0);
        postingLists.Add([]);
        // The token itself and, for tokens long enough to carry a typo, each one-deletion variant:
        // a query token or one of its deletions meeting one of these is within two edits.
        deletionList.Add((DeletionHash(token, -1), id));
        if (token.Length >= 4)
            for (var i = 0; i < token.Length; i++) deletionList.Add((DeletionHash(token, i), id));
        if (k.Sound.Length >= 2) Add(sounds, k.Sound, id);
        if (k.Skeleton.Length >= 2) Add(skeletons, k.Skeleton, id);
        if (k.Group >= 0)
        {
            if (!groups.TryGetValue(k.Group, out var members)) groups[k.Group] = members = [];
            members.Add(id);
        }
        return id;
    }

    private Dictionary<string, List<int>> LabialSkeletons => LazyInitializer.EnsureInitialized(ref labialSkeletons, () =>
    {
        var byLabials = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var id = 0; id < keys.Count; id++)
            if (keys[id].Skeleton.Length >= 3) Add(byLabials, TokenSimilarity.Labials(keys[id].Skeleton), id);
        return byLabials;
    });

    private void AddDeletionMatches(ulong hash, HashSet<int> into)
    {
        var at = Array.BinarySearch(deletionHashes, hash);
        if (at < 0) return;
        while (at > 0 && deletionHashes[at - 1] == hash) at--;
        for (; at < deletionHashes.Length && deletionHashes[at] == hash; at++) into.Add(deletionTokens[at]);
    }

    /// <summary>FNV-1a hash of <paramref name="token"/> without the character at <paramref name="skip"/> (−1: the whole token).</summary>
    private static ulong DeletionHash(string token, int skip)
    {
        var hash = 14695981039346656037UL;
        for (var i = 0; i < token.Length; i++)
        {
            if (i == skip) continue;
            hash = (hash ^ token[i]) * 1099511628211UL;
        }
        return (hash ^ (ulong)(token.Length - (skip >= 0 ? 1 : 0))) * 1099511628211UL;
    }

    private static void Add<TKey>(Dictionary<TKey, List<int>> map, TKey key, int id) where TKey : notnull
    {
        if (!map.TryGetValue(key, out var list)) map[key] = list = [];
        if (list.Count == 0 || list[^1] != id) list.Add(id);
    }
}

/// <summary>Token spellings that name the same thing: Korean surname romanisations, organisation symbols.</summary>
internal static class VariantGroups
{
    private static readonly Lazy<Dictionary<string, int>> Groups = new(() =>
    {
        var map = new Dictionary<string, int>(StringComparer.Ordinal);
        var next = 0;
        foreach (var group in HangulRomanizer.SurnameGroups())
        {
            // A spelling shared by two surnames (son: 손/선) joins the first group it is seen in.
            var id = next++;
            foreach (var s in group) map.TryAdd(s, id);
        }
        foreach (var line in File.ReadLines(ResourceFile.Path("names", "name_variants.tsv")))
        {
            if (line.StartsWith('#') || line.Trim().Length == 0) continue;
            var id = next++;
            foreach (var s in line.Split('\t', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)) map.TryAdd(s, id);
        }
        var symbolIds = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (token, symbol) in NameAnalyzerSymbols())
        {
            if (map.ContainsKey(token)) continue;
            if (!symbolIds.TryGetValue(symbol, out var id)) symbolIds[symbol] = id = next++;
            map[token] = id;
        }
        return map;
    });

    public static Dictionary<string, int> Build() => Groups.Value;

    private static IEnumerable<(string Token, string Symbol)> NameAnalyzerSymbols() => NameAnalyzer.AllSymbols();
}
