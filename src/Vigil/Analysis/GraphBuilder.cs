using Vigil.Model;

namespace Vigil.Analysis;

/// <summary>
/// The parties claims name and the relations they state between them: a transfer, payment or
/// deployment runs from its first actor to each of the others; meetings, treaties and ratifications
/// join every pair of their actors; a denial runs from the denier to the parties of what it denies.
/// Statements name one side only and add nodes, not edges; a veto runs to the regime body it ended, when there is one.
/// </summary>
internal static class GraphBuilder
{
    public static EntityGraph Build(IReadOnlyList<Claim> claims, PartyNames names, EntityLookup lookup, IEnumerable<RegimeEffect>? effects = null)
    {
        var edges = new Dictionary<(string, string, string), (bool Directed, List<string> Claims)>();
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        void Edge(string a, string b, ClaimType type, bool directed, string claimId)
        {
            if (a == b) return;
            if (!directed && string.CompareOrdinal(a, b) > 0) (a, b) = (b, a);
            var key = (a, b, type.ToWire());
            if (!edges.TryGetValue(key, out var e)) edges[key] = e = (directed, []);
            if (!e.Claims.Contains(claimId)) e.Claims.Add(claimId);
        }
        foreach (var c in claims)
        {
            var parties = c.Actors.Select(names.KeyOf).Distinct(StringComparer.Ordinal).ToList();
            foreach (var p in parties) counts[p] = counts.GetValueOrDefault(p) + 1;
            if (parties.Count < 2) continue;
            if (TimelineBuilder.IsDirected(c.Type))
                foreach (var target in parties.Skip(1)) Edge(parties[0], target, c.Type, true, c.Id);
            else if (c.Type is ClaimType.Meeting or ClaimType.TreatySigned or ClaimType.Ratification)
                for (var i = 0; i < parties.Count; i++)
                    for (var j = i + 1; j < parties.Count; j++) Edge(parties[i], parties[j], c.Type, false, c.Id);
        }
        // Deniers: each denier of a claim is linked to that claim's parties.
        foreach (var c in claims.Where(c => c.DeniedBy.Count > 0))
            foreach (var denier in c.DeniedBy.Select(names.KeyOf).Distinct())
            {
                counts.TryAdd(denier, 0);
                foreach (var p in c.Actors.Select(names.KeyOf).Distinct().Where(p => p != denier)) Edge(denier, p, ClaimType.Denial, true, c.Id);
            }

        // A veto that ended a body of the regime: from the vetoing party to the body.
        var byId = claims.ToDictionary(c => c.Id, StringComparer.Ordinal);
        foreach (var e in effects ?? [])
        {
            if (!byId.TryGetValue(e.ClaimId, out var c) || c.Actors.Count == 0) continue;
            var body = names.Register(e.Body);
            counts[body] = counts.GetValueOrDefault(body) + 1;
            Edge(names.KeyOf(c.Actors[0]), body, c.Type, true, c.Id);
        }

        var nodes = counts.Select(kv =>
        {
            var entity = kv.Key.StartsWith(EntityResolver.IdPrefix + "-", StringComparison.Ordinal) ? lookup.Find(names.NameOf(kv.Key)) : null;
            return new GraphNode(kv.Key, names.NameOf(kv.Key), entity?.Schema, kv.Value);
        }).OrderByDescending(n => n.Claims).ThenBy(n => n.Name, StringComparer.Ordinal).ToList();
        var edgeList = edges.Select(kv => new GraphEdge(kv.Key.Item1, kv.Key.Item2, kv.Key.Item3, kv.Value.Directed, kv.Value.Claims))
            .OrderByDescending(e => e.ClaimIds.Count).ThenBy(e => e.Source, StringComparer.Ordinal).ThenBy(e => e.Target, StringComparer.Ordinal).ThenBy(e => e.Relation, StringComparer.Ordinal)
            .ToList();
        return new EntityGraph(nodes, edgeList);
    }
}
