using Vigil.Extraction;
using Vigil.Model;
using Vigil.Provisions;

namespace Vigil.Analysis;

/// <summary>
/// The analysis stage's entry point: from documents and what extraction found in them to
/// entities, stories, per-claim corroboration, provisions, a timeline and an entity graph.
/// Plugs into the pipeline as an <see cref="IAnalysisStep"/> after resolution and screening,
/// keeping the entities (and their sanctions hits) it is given.
/// </summary>
public sealed class Analyzer(ProvisionMatcher? provisions = null, IEntityResolver? resolver = null, RegimeBodies? bodies = null) : IAnalysisStep
{
    private readonly IEntityResolver _resolver = resolver ?? new EntityResolver();

    /// <summary>Everything from scratch: resolves entities, then analyses.</summary>
    public AnalysisResult Analyze(IReadOnlyList<Document> documents, IReadOnlyList<ExtractionResult> extractions)
    {
        var entities = _resolver.Resolve(documents, extractions);
        return Apply(new AnalysisResult(documents, entities, extractions.SelectMany(x => x.Claims).ToList(), []), extractions);
    }

    public AnalysisResult Apply(AnalysisResult result, IReadOnlyList<ExtractionResult> extractions)
    {
        var claims = result.Claims.Count > 0 ? result.Claims : extractions.SelectMany(x => x.Claims).ToList();
        var context = new Context(result.Documents, result.Entities);

        // Stories grow as documents arrive: oldest first, so ids and titles follow the first report.
        var clusterer = new StoryClusterer(context.Lookup);
        var order = result.Documents.Select((d, i) => (d, i)).ToDictionary(x => x.d.Id, x => (x.d.Published, x.i), StringComparer.Ordinal);
        foreach (var docClaims in claims.GroupBy(c => c.DocumentId)
                     .OrderBy(g => order.TryGetValue(g.Key, out var o) ? o.Published ?? NodaTime.LocalDate.MaxIsoValue : NodaTime.LocalDate.MaxIsoValue)
                     .ThenBy(g => order.TryGetValue(g.Key, out var o) ? o.i : int.MaxValue))
            clusterer.Add(docClaims);

        var names = new PartyNames(context.Lookup, claims);
        var stories = clusterer.Clusters.Select(cluster => new Story(cluster.Id, Title(MainType(cluster.Claims), cluster.Claims, names),
            cluster.Claims.Select(c => c.DocumentId).Distinct().ToList(), cluster.Claims.Select(c => c.Id).ToList(),
            context.Corroborator.Assess(Headline(cluster.Claims), cluster.Claims))).ToList();
        return Finish(result with { Claims = claims, Stories = stories }, context, names);
    }

    /// <summary>
    /// Fills what a stored analysis does not keep (per-claim assessments, timeline, graph) from its
    /// documents, entities, claims and stories, without clustering again. A result that has them is returned as it is.
    /// </summary>
    public AnalysisResult Complete(AnalysisResult result)
    {
        if (result.Stories.Count == 0 || (result.Assessments.Count > 0 && result.Timeline.Count > 0)) return result;
        var context = new Context(result.Documents, result.Entities);
        return Finish(result, context, new PartyNames(context.Lookup, result.Claims));
    }

    private AnalysisResult Finish(AnalysisResult result, Context context, PartyNames names)
    {
        var claims = result.Claims;
        var matches = claims.ToDictionary(c => c.Id, c => MatchProvisions(c, context.Lookup), StringComparer.Ordinal);
        var effects = claims.ToDictionary(c => c.Id, c => bodies?.Effects(c, NamesOf(context.Lookup)) ?? [], StringComparer.Ordinal);
        var byId = claims.ToDictionary(c => c.Id, StringComparer.Ordinal);
        var assessments = new List<ClaimAssessment>();
        foreach (var story in result.Stories)
        {
            var members = story.ClaimIds.Where(byId.ContainsKey).Select(id => byId[id]).ToList();
            // Claims of one type in one story assert the same thing: weigh them together, once.
            foreach (var sameType in members.GroupBy(c => c.Type))
            {
                var corroboration = context.Corroborator.Assess(sameType.ToList(), members);
                foreach (var c in sameType) assessments.Add(new ClaimAssessment(c.Id, story.Id, corroboration, matches[c.Id]) { Affects = effects[c.Id] });
            }
        }

        var updated = claims.Select(c => matches[c.Id].Count == 0 ? c
            : c with { Provisions = c.Provisions.Concat(matches[c.Id].Select(m => m.Citation)).Distinct().ToList() }).ToList();
        var docs = result.Documents.ToDictionary(d => d.Id, StringComparer.Ordinal);
        return result with
        {
            Claims = updated,
            Assessments = assessments,
            Timeline = TimelineBuilder.Build(result.Stories, updated.ToDictionary(c => c.Id, StringComparer.Ordinal), docs, names),
            Graph = GraphBuilder.Build(updated, names, context.Lookup, effects.Values.SelectMany(e => e)),
        };
    }

    /// <summary>The claims a story's corroboration is about: its events, not the statements and denials around them.</summary>
    private static List<Claim> Headline(IReadOnlyList<Claim> members)
    {
        var headline = members.Where(c => c.Type is not (ClaimType.Denial or ClaimType.Statement)).ToList();
        if (headline.Count == 0) headline = members.Where(c => c.Type != ClaimType.Denial).ToList();
        return headline.Count == 0 ? members.ToList() : headline;
    }

    private sealed class Context
    {
        public Context(IReadOnlyList<Document> documents, IReadOnlyList<Entity> entities)
        {
            Lookup = new EntityLookup(entities);
            Corroborator = new Corroborator(Lookup, new SourceGroups(documents, Lookup));
        }

        public EntityLookup Lookup { get; }
        public Corroborator Corroborator { get; }
    }

    private static Func<string, IEnumerable<string>> NamesOf(EntityLookup lookup) =>
        name => lookup.Find(name) is { } e ? e.Aliases.Prepend(e.Name) : [name];

    private IReadOnlyList<ProvisionMatch> MatchProvisions(Claim claim, EntityLookup lookup)
    {
        if (provisions is null) return [];
        return provisions.Match(claim, NamesOf(lookup),
            name => lookup.Find(name)?.Sanctions.Any(h => h.IsMatch && h.List.StartsWith("UN", StringComparison.OrdinalIgnoreCase)) ?? false);
    }

    /// <summary>An analyser with the shipped DPRK provisions catalogue.</summary>
    public static Analyzer WithDefaultProvisions(IEntityResolver? resolver = null)
    {
        var provisions = new ProvisionMatcher(ProvisionCatalog.LoadDefault());
        return new(provisions, resolver, RegimeBodies.LoadDefault(provisions));
    }

    internal static ClaimType MainType(IReadOnlyList<Claim> claims) =>
        claims.GroupBy(c => c.Type)
            .OrderBy(g => g.Key is ClaimType.Statement or ClaimType.Denial ? 1 : 0)
            .ThenByDescending(g => g.Count()).ThenBy(g => g.Key)
            .First().Key;

    internal static string Title(ClaimType main, IReadOnlyList<Claim> claims, PartyNames names)
    {
        var parties = claims.Where(c => c.Type == main).SelectMany(c => c.Actors.Select(names.KeyOf)).Distinct()
            .Select(k => (k, n: claims.Sum(c => c.Actors.Count(a => names.KeyOf(a) == k))))
            .OrderByDescending(x => x.n).ThenBy(x => names.NameOf(x.k), StringComparer.Ordinal)
            .Take(4).Select(x => names.NameOf(x.k)).ToList();
        var dates = claims.Where(c => c.Type == main && c.Date?.Date is not null).Select(c => c.Date!.Date!.Value).ToList();
        var date = dates.Count == 0 ? "" : " (" + dates.OrderByDescending(d => d.Precision).ThenBy(d => d.Value).First() + ")";
        return $"{Label(main)}: {(parties.Count == 0 ? "unnamed parties" : string.Join(", ", parties))}{date}";
    }

    /// <summary>"arms_transfer" → "Arms transfer".</summary>
    public static string Label(ClaimType type)
    {
        var wire = type.ToWire().Replace('_', ' ');
        return char.ToUpperInvariant(wire[0]) + wire[1..];
    }
}

/// <summary>Display names for the parties claims name: the resolved entity's name, else the words used.</summary>
internal sealed class PartyNames
{
    private readonly EntityLookup _lookup;
    private readonly Dictionary<string, string> _names = new(StringComparer.Ordinal);

    public PartyNames(EntityLookup lookup, IEnumerable<Claim> claims)
    {
        _lookup = lookup;
        foreach (var a in claims.SelectMany(c => c.Actors.Concat(c.DeniedBy)))
        {
            var key = lookup.KeyOf(a);
            if (!_names.ContainsKey(key)) _names[key] = lookup.Find(a)?.Name ?? a;
        }
    }

    public string KeyOf(string name) => _lookup.KeyOf(name);

    /// <summary>Makes a name that no claim names (a regime body) known; returns its key.</summary>
    public string Register(string name)
    {
        var key = _lookup.KeyOf(name);
        if (!_names.ContainsKey(key)) _names[key] = _lookup.Find(name)?.Name ?? name;
        return key;
    }

    public string NameOf(string key) => _names.GetValueOrDefault(key, key);

    public string Display(string name) => NameOf(KeyOf(name));
}
