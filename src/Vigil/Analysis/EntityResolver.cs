using Vigil.Extraction;
using Vigil.Model;

namespace Vigil.Analysis;

/// <summary>
/// Groups mentions from all documents into entities. Names meet when they are the same name
/// written differently (case, accents, hyphens, token order), when a short form ("Putin", "Kim Jong")
/// is part of exactly one fuller name of the same kind, and when a name in another script
/// (Hangul, Cyrillic) transliterates to the same sound skeleton as exactly one Latin name.
/// The entity's schema is the majority of its mentions' schemata; its name is the most frequent
/// full form; every other form is kept as an alias. Ids derive from the schema and name, so the
/// same input gives the same ids on every machine.
/// </summary>
public sealed class EntityResolver : IEntityResolver
{
    public const string IdPrefix = "ent";

    public IReadOnlyList<Entity> Resolve(IReadOnlyList<Document> documents, IReadOnlyList<ExtractionResult> extractions)
    {
        ArgumentNullException.ThrowIfNull(extractions);
        var mentions = extractions.SelectMany(e => e.Mentions).Where(m => !string.IsNullOrWhiteSpace(FormOf(m))).ToList();
        if (mentions.Count == 0) return [];

        // One node per distinct written form (the recogniser's canonical name for the mention).
        var forms = new Dictionary<string, FormInfo>(StringComparer.Ordinal);
        foreach (var m in mentions)
        {
            var form = FormOf(m);
            if (!forms.TryGetValue(form, out var info)) forms[form] = info = new FormInfo(form, forms.Count);
            info.Add(m);
        }
        var nodes = forms.Values.OrderBy(f => f.Index).ToArray();
        var sets = new DisjointSets(nodes.Length);

        UnionByKey(nodes, sets, f => f.Exact);
        UnionByKey(nodes, sets, f => f.Sorted);
        LinkShortForms(nodes, sets);
        LinkAcrossScripts(nodes, sets);

        return nodes.GroupBy(n => sets.Find(n.Index))
            .Select(g => Build(g.ToList()))
            .OrderByDescending(e => e.Mentions.Count).ThenBy(e => e.Name, StringComparer.Ordinal)
            .ToList();
    }

    private static string FormOf(Mention m) => string.IsNullOrWhiteSpace(m.Name) ? m.Text.Trim() : m.Name.Trim();

    private static void UnionByKey(FormInfo[] nodes, DisjointSets sets, Func<FormInfo, string> key)
    {
        var first = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var n in nodes)
        {
            var k = key(n);
            if (k.Length == 0) continue;
            if (first.TryGetValue(k, out var other)) sets.Union(other, n.Index);
            else first[k] = n.Index;
        }
    }

    /// <summary>
    /// "Putin" → "Vladimir Putin", "Kim Jong" → "Kim Jong Un": a shorter form joins the fuller
    /// form that contains its words in order, first within its own document (the most mentioned
    /// candidate there wins; a tie links nothing), then across the corpus when only one group fits.
    /// Places are left alone: "Corea" could be either Korea.
    /// </summary>
    private static void LinkShortForms(FormInfo[] nodes, DisjointSets sets)
    {
        var byWord = new Dictionary<string, List<FormInfo>>(StringComparer.Ordinal);
        foreach (var n in nodes)
            foreach (var w in n.WordKeys.Distinct())
                (byWord.TryGetValue(w, out var list) ? list : byWord[w] = []).Add(n);

        var linked = new HashSet<int>();
        foreach (var n in nodes)
        {
            if (n.Kind is SchemaKind.Location || n.WordKeys.Count == 0) continue;
            var fuller = Candidates(n, byWord).ToList();
            if (fuller.Count == 0) continue;
            foreach (var doc in n.CountByDocument.Keys)
            {
                var counts = fuller.Select(c => (c, count: c.CountByDocument.GetValueOrDefault(doc)))
                    .Where(x => x.count > 0).ToList();
                // Candidates that already are one entity do not compete with each other.
                var groups = counts.GroupBy(x => sets.Find(x.c.Index)).Select(g => (g.First().c, count: g.Sum(x => x.count)))
                    .OrderByDescending(x => x.count).ToList();
                if (groups.Count == 0) continue;
                if (groups.Count > 1 && groups[0].count == groups[1].count) continue;
                sets.Union(n.Index, groups[0].c.Index);
                linked.Add(n.Index);
            }
        }
        foreach (var n in nodes)
        {
            if (n.Kind is SchemaKind.Location || linked.Contains(n.Index) || n.WordKeys.Count == 0) continue;
            var roots = Candidates(n, byWord).Select(c => sets.Find(c.Index)).Distinct().ToList();
            if (roots.Count == 1) sets.Union(n.Index, roots[0]);
        }
    }

    private static IEnumerable<FormInfo> Candidates(FormInfo shortForm, Dictionary<string, List<FormInfo>> byWord)
    {
        if (!byWord.TryGetValue(shortForm.WordKeys[0], out var withWord)) yield break;
        foreach (var c in withWord)
            if (c.Kind == shortForm.Kind && c.WordKeys.Count > shortForm.WordKeys.Count && ContainsInOrder(c.WordKeys, shortForm.WordKeys))
                yield return c;
    }

    private static bool ContainsInOrder(IReadOnlyList<string> longer, IReadOnlyList<string> shorter)
    {
        for (var i = 0; i + shorter.Count <= longer.Count; i++)
        {
            var all = true;
            for (var j = 0; j < shorter.Count && all; j++) all = longer[i + j] == shorter[j];
            if (all) return true;
        }
        return false;
    }

    /// <summary>
    /// 김정은 and Ким Чен Ын join Kim Jong Un when their sound skeleton matches exactly one Latin
    /// entity of the same kind. Latin names never join each other this way: Kim Jong Un and Kim Jin Un
    /// share a skeleton and are different people.
    /// </summary>
    private static void LinkAcrossScripts(FormInfo[] nodes, DisjointSets sets)
    {
        var latin = nodes.Where(n => n.IsLatin && n.Loose.Length > 0)
            .GroupBy(n => (n.Kind, n.Loose)).ToDictionary(g => g.Key, g => g.ToList());
        foreach (var n in nodes.Where(n => !n.IsLatin && n.Loose.Length > 0))
        {
            if (!latin.TryGetValue((n.Kind, n.Loose), out var matches)) continue;
            var roots = matches.Select(m => sets.Find(m.Index)).Distinct().ToList();
            if (roots.Count == 1) sets.Union(n.Index, roots[0]);
        }
        foreach (var g in nodes.Where(n => !n.IsLatin && n.Loose.Length > 0).GroupBy(n => (n.Kind, n.Loose)))
        {
            var list = g.ToList();
            for (var i = 1; i < list.Count; i++) sets.Union(list[0].Index, list[i].Index);
        }
    }

    private static Entity Build(List<FormInfo> group)
    {
        var mentions = group.SelectMany(f => f.Mentions)
            .OrderBy(m => m.Span.DocumentId, StringComparer.Ordinal).ThenBy(m => m.Span.Start).ToList();
        var schema = MostSpecific(mentions);

        // The most frequent of the fullest Latin forms; another script only when there is no Latin one.
        var named = group.Where(f => f.IsLatin).ToList();
        if (named.Count == 0) named = group;
        var maxWords = named.Max(f => f.WordKeys.Count);
        var name = named.Where(f => f.WordKeys.Count == maxWords)
            .OrderByDescending(f => f.Mentions.Count).ThenBy(f => f.Form, StringComparer.Ordinal).First().Form;

        var aliases = mentions.SelectMany(m => new[] { FormOf(m), m.Text.Trim() })
            .Where(a => a.Length > 0 && a != name)
            .GroupBy(a => a, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Key).ToList();

        return new Entity(IdFor(schema, name), schema, name, aliases, mentions, []);
    }

    /// <summary>The id an entity of this schema and name gets; stable across runs and machines.</summary>
    public static string IdFor(EntitySchema schema, string name) =>
        Ids.Derive(IdPrefix, KindOf(schema).ToString(), NameKeys.Exact(name));

    internal enum SchemaKind { Person, Organization, Vessel, Location }

    internal static SchemaKind KindOf(EntitySchema schema) => schema switch
    {
        EntitySchema.Person => SchemaKind.Person,
        EntitySchema.Vessel => SchemaKind.Vessel,
        EntitySchema.Location => SchemaKind.Location,
        _ => SchemaKind.Organization,
    };

    private sealed class FormInfo(string form, int index)
    {
        public string Form { get; } = form;
        public int Index { get; } = index;
        public string Exact { get; } = NameKeys.Exact(form);
        public string Sorted { get; } = NameKeys.Sorted(form);
        public string Loose { get; } = NameKeys.Loose(form);
        public bool IsLatin { get; } = NameKeys.IsLatin(form);
        public IReadOnlyList<string> WordKeys { get; } = NameKeys.WordKeys(form);
        public List<Mention> Mentions { get; } = [];
        public Dictionary<string, int> CountByDocument { get; } = new(StringComparer.Ordinal);
        private readonly int[] _schemaCounts = new int[Enum.GetValues<EntitySchema>().Length];
        public SchemaKind Kind { get; private set; }

        public void Add(Mention m)
        {
            Mentions.Add(m);
            CountByDocument[m.Span.DocumentId] = CountByDocument.GetValueOrDefault(m.Span.DocumentId) + 1;
            _schemaCounts[(int)m.Schema]++;
            // As MostSpecific, from the counts: a form can have thousands of mentions.
            var best = -1;
            for (var i = 0; i < _schemaCounts.Length; i++)
                if (i != (int)EntitySchema.LegalEntity && _schemaCounts[i] > 0 && (best < 0 || _schemaCounts[i] > _schemaCounts[best])) best = i;
            Kind = KindOf(best < 0 ? EntitySchema.LegalEntity : (EntitySchema)best);
        }
    }

    /// <summary>
    /// The schema most of the mentions give, leaving out those of unknown kind (LegalEntity, as English capitals give
    /// them) when any says more: "Subhash Kapoor" named a person once is a person, as FollowTheMoney makes Person a kind
    /// of LegalEntity.
    /// </summary>
    private static EntitySchema MostSpecific(IReadOnlyCollection<Mention> mentions)
    {
        var known = mentions.Where(m => m.Schema != EntitySchema.LegalEntity).ToList();
        return (known.Count > 0 ? known : mentions).GroupBy(m => m.Schema)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key).First().Key;
    }
}

/// <summary>Union–find over 0..n-1 with path halving and union by size.</summary>
internal sealed class DisjointSets
{
    private readonly int[] _parent;
    private readonly int[] _size;

    public DisjointSets(int count)
    {
        _parent = new int[count];
        _size = new int[count];
        for (var i = 0; i < count; i++) { _parent[i] = i; _size[i] = 1; }
    }

    public int Find(int x)
    {
        while (_parent[x] != x) { _parent[x] = _parent[_parent[x]]; x = _parent[x]; }
        return x;
    }

    public void Union(int a, int b)
    {
        a = Find(a); b = Find(b);
        if (a == b) return;
        if (_size[a] < _size[b]) (a, b) = (b, a);
        _parent[b] = a;
        _size[a] += _size[b];
    }
}
