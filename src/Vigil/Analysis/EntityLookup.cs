using Vigil.Model;

namespace Vigil.Analysis;

/// <summary>
/// Finds the resolved entity a free-text name (a claim's actor, an attribution) refers to, by the
/// same keys the resolver groups with. A name that is no entity still gets a stable key, so two
/// claims naming the same unknown party can be compared.
/// </summary>
public sealed class EntityLookup
{
    private readonly Dictionary<string, Entity> _byExact = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Entity> _bySorted = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Entity>> _byLoose = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Entity>> _byWord = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _cache = new(StringComparer.Ordinal);

    public EntityLookup(IEnumerable<Entity> entities)
    {
        foreach (var e in entities)
        {
            foreach (var name in e.Aliases.Prepend(e.Name))
            {
                _byExact.TryAdd(NameKeys.Exact(name), e);
                _bySorted.TryAdd(NameKeys.Sorted(name), e);
                var loose = NameKeys.Loose(name);
                if (loose.Length > 0) Add(_byLoose, loose, e);
            }
            foreach (var w in NameKeys.WordKeys(e.Name).Distinct()) Add(_byWord, w, e);
        }
    }

    public static readonly EntityLookup Empty = new([]);

    /// <summary>The entity this name denotes, or null when none fits unambiguously.</summary>
    public Entity? Find(string name)
    {
        if (string.IsNullOrWhiteSpace(name)) return null;
        if (_byExact.TryGetValue(NameKeys.Exact(name), out var e)) return e;
        if (_bySorted.TryGetValue(NameKeys.Sorted(name), out e)) return e;
        if (!NameKeys.IsLatin(name) && _byLoose.TryGetValue(NameKeys.Loose(name), out var loose) && loose.Distinct().Count() == 1) return loose[0];
        // A surname alone ("Putin") denotes the one entity whose name contains it, when there is one.
        var words = NameKeys.WordKeys(name);
        if (words.Count == 1 && _byWord.TryGetValue(words[0], out var withWord))
        {
            var distinct = withWord.Distinct().Where(x => x.Schema is not EntitySchema.Location).ToList();
            if (distinct.Count == 1) return distinct[0];
        }
        return null;
    }

    /// <summary>The entity id for this name, or "name:" plus its exact key when no entity fits.</summary>
    public string KeyOf(string name)
    {
        if (_cache.TryGetValue(name, out var key)) return key;
        key = Find(name)?.Id ?? "name:" + NameKeys.Exact(name);
        _cache[name] = key;
        return key;
    }

    private static void Add(Dictionary<string, List<Entity>> index, string key, Entity e)
    {
        if (!index.TryGetValue(key, out var list)) index[key] = list = [];
        if (!list.Contains(e)) list.Add(e);
    }
}
