using Vigil.Model;
using Vigil.Screening;

namespace Vigil.Pipeline;

/// <summary>
/// Screens every person, organisation and vessel under each of its names and keeps, per list
/// entry, the best hit that reaches the matcher's threshold. Places are never screened, so a
/// country name can never make a hit.
/// </summary>
public sealed class EntityScreening(IScreener screener, int maxHitsPerEntity = 5)
{
    public IReadOnlyList<Entity> Attach(IReadOnlyList<Entity> entities) =>
        entities.Select(e => e.Schema.IsScreenable() ? e with { Sanctions = Screen(e) } : e).ToList();

    private List<SanctionHit> Screen(Entity entity) =>
        NamesToScreen(entity)
            .SelectMany(name => screener.Screen(new ScreeningQuery(name, entity.Schema)))
            .Where(h => h.IsMatch)
            .GroupBy(h => (h.List, h.ListId))
            .Select(g => g.MaxBy(h => h.Score)!)
            .OrderByDescending(h => h.Score).ThenBy(h => h.List, StringComparer.Ordinal).ThenBy(h => h.ListId, StringComparer.Ordinal)
            .Take(maxHitsPerEntity)
            .ToList();

    // A lone surname ("Kim") says too little to screen on its own; the full forms carry the match.
    private static IEnumerable<string> NamesToScreen(Entity entity) =>
        entity.Aliases.Prepend(entity.Name)
            .Where(n => !string.IsNullOrWhiteSpace(n))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Where((n, i) => i == 0 || n.Contains(' ') || n.Contains('-') || !IsLatin(n));

    private static bool IsLatin(string s) => s.All(c => c < 0x250);
}
