using Vigil.Extraction.Gazetteers;
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

    /// <summary>
    /// The entity's name and those of its other names that say something of their own. Another name of one Latin word
    /// says too little to screen: a lone surname ("Kim"), or an acronym (PTI is the Press Trust of India and Poly
    /// Technologies Inc.) whose entity's full name is screened anyway. Nor does a part of a fuller name of the same
    /// entity ("Kim Jong", where a text cut "Kim Jong Un" short): screened alone it finds other people who share those
    /// words (Kim Jung Jong), and the fuller name it belongs to carries the match. A name of unknown kind and one Latin
    /// word ("Jupiter", "GPS", found only by its capital) is not screened either: a listed name in the text is in the
    /// gazetteer, which gives its kind, so what is left can only match list names by likeness, and one word matches
    /// many ("Jupiter" the planet against a company named Jupiter Plant).
    /// </summary>
    internal static IReadOnlyList<string> NamesToScreen(Entity entity)
    {
        var names = entity.Aliases.Prepend(entity.Name)
            .Where(n => !string.IsNullOrWhiteSpace(n))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Where((n, i) => (i == 0 && entity.Schema != EntitySchema.LegalEntity) || n.Contains(' ') || n.Contains('-') || !IsLatin(n))
            .ToList();
        var words = names.Select(Words).ToList();
        return names.Where((_, i) => !words.Where((_, j) => j != i).Any(other => IsStrictPart(words[i], other))).ToList();
    }

    private static bool IsLatin(string s) => s.All(c => c < 0x250);

    private static string[] Words(string name) => NameKeys.ForName(name).ToArray();

    /// <summary>Whether every word of <paramref name="part"/> stands in <paramref name="whole"/>, which has more words.</summary>
    private static bool IsStrictPart(string[] part, string[] whole)
    {
        if (part.Length >= whole.Length) return false;
        var left = whole.ToList();
        foreach (var w in part)
            if (!left.Remove(w)) return false;
        return true;
    }
}
