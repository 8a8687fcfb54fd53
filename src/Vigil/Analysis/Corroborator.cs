using System.Globalization;
using Vigil.Model;

namespace Vigil.Analysis;

/// <summary>
/// Weighs a set of claims that report one thing: how many independent origins stand behind it
/// (each copy of a wire story, each relay of a cited party counts once), which figures disagree,
/// who denies it, and a confidence label with its reasons written out.
/// </summary>
public sealed class Corroborator(EntityLookup lookup, SourceGroups groups)
{
    public static readonly IReadOnlyList<string> Levels = ["low", "medium", "high"];

    /// <summary>
    /// <paramref name="support"/>: the claims that assert the account; <paramref name="context"/>:
    /// the rest of the story, where denials of it are found.
    /// </summary>
    public Corroboration Assess(IReadOnlyList<Claim> support, IReadOnlyList<Claim> context)
    {
        var asserting = support.Where(c => c.Type != ClaimType.Denial || support.All(x => x.Type == ClaimType.Denial)).ToList();
        var origins = Origins(asserting);
        var figures = Figures(asserting, origins);
        var deniers = Deniers(asserting, context);

        var reasons = new List<string>();
        var level = origins.Count >= 3 ? 2 : origins.Count == 2 ? 1 : 0;
        reasons.Add(origins.Count == 1
            ? $"one source: {Label(origins[0])}"
            : $"{origins.Count} independent sources: {string.Join("; ", origins.Select(Label))}");
        var documents = asserting.Select(c => c.DocumentId).Distinct().Count();
        if (documents > origins.Count)
            reasons.Add($"{documents} documents reduce to {origins.Count} {(origins.Count == 1 ? "origin" : "origins")}: copies of one story, one outlet, or reports citing the same party count once");
        if (asserting.Count > 0 && asserting.All(c => c.Stance == Stance.Speculative))
        {
            level--;
            reasons.Add("reported only as speculation");
        }
        if (deniers.Count > 0)
        {
            level--;
            reasons.Add($"denied by {string.Join(", ", deniers)}");
        }
        var conflicts = figures.Where(f => f.IsConflict).Select(Describe).ToList();
        if (conflicts.Count > 0) reasons.Add("figures disagree: " + string.Join("; ", conflicts));

        return new Corroboration(origins.Count, conflicts, Levels[Math.Clamp(level, 0, 2)], reasons)
        {
            Sources = origins,
            DeniedBy = deniers,
            Figures = figures,
        };
    }

    private static string Label(SourceOrigin o) => o.Via is null ? o.Label : $"{o.Label} (via {o.Via})";

    /// <summary>
    /// The independent origins of these claims, in order of first appearance. A document that says
    /// who its account comes from is a relay of that party: its unattributed restatements of the same
    /// account (the headline, the lead) do not make it a second, independent source.
    /// </summary>
    public IReadOnlyList<SourceOrigin> Origins(IReadOnlyList<Claim> claims)
    {
        var byKey = new Dictionary<string, (string Label, string? Via, List<string> Docs, List<string> Claims)>(StringComparer.Ordinal);
        var order = new List<string>();
        var attributed = claims.Select(c => AttributionChain.Parse(c.Attribution).Count > 0).ToArray();
        var relaying = claims.Where((_, i) => attributed[i]).Select(c => c.DocumentId).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < claims.Count; i++)
        {
            var c = claims[i];
            if (!attributed[i] && relaying.Contains(c.DocumentId)) continue;
            foreach (var (key, label, via) in OriginsOf(c))
            {
                if (!byKey.TryGetValue(key, out var o))
                {
                    byKey[key] = o = (label, via, [], []);
                    order.Add(key);
                }
                if (!o.Docs.Contains(c.DocumentId)) o.Docs.Add(c.DocumentId);
                if (!o.Claims.Contains(c.Id)) o.Claims.Add(c.Id);
            }
        }
        return order.Select(k => new SourceOrigin(k, byKey[k].Label, byKey[k].Docs, byKey[k].Claims, byKey[k].Via)).ToList();
    }

    /// <summary>Who ultimately says this claim: the attributed parties, or the document's own voice.</summary>
    public IEnumerable<(string Key, string Label, string? Via)> OriginsOf(Claim claim)
    {
        var attributed = AttributionChain.Parse(claim.Attribution);
        if (attributed.Count == 0)
        {
            var (key, label) = groups.Of(claim.DocumentId);
            yield return (key, label, null);
            yield break;
        }
        foreach (var a in attributed)
            yield return (lookup.KeyOf(a.Origin), lookup.Find(a.Origin)?.Name ?? a.Origin, a.Via);
    }

    private IReadOnlyList<FigureSet> Figures(IReadOnlyList<Claim> claims, IReadOnlyList<SourceOrigin> origins)
    {
        var sourceOf = origins.SelectMany(o => o.ClaimIds.Select(id => (id, o))).GroupBy(x => x.id)
            .ToDictionary(g => g.Key, g => g.Select(x => Label(x.o)).ToList(), StringComparer.Ordinal);
        return claims.Where(c => c.Quantity is not null)
            .GroupBy(c => NormaliseUnit(c.Quantity!.Unit), StringComparer.Ordinal)
            .Select(g => new FigureSet(g.Key, g
                .GroupBy(c => (c.Quantity!.Value, c.Quantity.Qualifier))
                .OrderBy(v => v.Key.Value)
                .Select(v => new ReportedFigure(v.First().Quantity! with { Unit = g.Key }, v.Select(c => c.Id).ToList(),
                    v.SelectMany(c => sourceOf.GetValueOrDefault(c.Id) ?? []).Distinct().ToList()))
                .ToList()))
            .OrderBy(f => f.Unit, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>"10,000 vs 11,000 vs 13,000 containers", with hedges kept ("more than 11,000").</summary>
    public static string Describe(FigureSet set) =>
        string.Join(" vs ", set.Values.Select(v => Format(v.Quantity))) + " " + set.Unit + "s";

    public static string Format(Quantity q)
    {
        var n = q.Value.ToString("#,0.##", CultureInfo.InvariantCulture);
        return q.Qualifier switch
        {
            QuantityQualifier.MoreThan => "more than " + n,
            QuantityQualifier.LessThan => "less than " + n,
            QuantityQualifier.About => "about " + n,
            QuantityQualifier.UpTo => "up to " + n,
            QuantityQualifier.AtLeast => "at least " + n,
            _ => n,
        };
    }

    /// <summary>Singular, lower case: "Containers" → "container".</summary>
    public static string NormaliseUnit(string unit)
    {
        var u = unit.Trim().ToLowerInvariant();
        if (u.EndsWith("ies", StringComparison.Ordinal) && u.Length > 4) return u[..^3] + "y";
        if (u.EndsWith('s') && !u.EndsWith("ss", StringComparison.Ordinal) && u.Length > 3) return u[..^1];
        return u;
    }

    private IReadOnlyList<string> Deniers(IReadOnlyList<Claim> support, IReadOnlyList<Claim> context)
    {
        var names = new List<(string Key, string Name)>();
        void Add(string name)
        {
            var key = lookup.KeyOf(name);
            if (!names.Any(n => n.Key == key)) names.Add((key, lookup.Find(name)?.Name ?? name));
        }
        foreach (var c in support.Where(c => c.Type != ClaimType.Denial)) foreach (var d in c.DeniedBy) Add(d);
        if (support.Any(c => c.Type != ClaimType.Denial))
            foreach (var c in context.Where(c => c.Type == ClaimType.Denial))
            {
                if (c.Actors.Count > 0) foreach (var a in c.Actors) Add(a);
                else foreach (var o in AttributionChain.Parse(c.Attribution)) Add(o.Origin);
            }
        return names.Select(n => n.Name).ToList();
    }
}
