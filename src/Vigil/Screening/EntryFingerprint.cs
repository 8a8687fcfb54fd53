using Vigil.Model;

namespace Vigil.Screening;

/// <summary>
/// A stable hash of what identifies a list entry: names, aliases, dates of birth, nationalities,
/// identifiers, programmes. A reviewer's verdict on a hit is tied to it, so a change to the entry
/// on its list (a new alias, date of birth or passport) brings the hit back for a fresh review.
/// </summary>
public static class EntryFingerprint
{
    public static string Of(ListEntry entry)
    {
        static string Join(IEnumerable<string> values) => string.Join('\u001e', values.Order(StringComparer.Ordinal));
        return Ids.Hash(string.Join('\u001f',
            entry.List, entry.ListId, entry.Schema.ToString(), entry.Name,
            Join(entry.Aliases), Join(entry.WeakAliases), Join(entry.BirthDates.Select(d => d.ToString())),
            Join(entry.Nationalities), Join(entry.Identifiers.Select(i => $"{i.Type}:{i.Value}:{i.Country}")), Join(entry.Programs)))[..32];
    }

    /// <summary>
    /// Looks up the fingerprint of (list, list id) among <paramref name="entries"/>, null when it is not
    /// listed. The entries are read, and indexed, only at the first lookup.
    /// </summary>
    public static Func<string, string, string?> Lookup(Func<IEnumerable<ListEntry>> entries)
    {
        var index = new Lazy<Dictionary<(string, string), ListEntry>>(() =>
            entries().DistinctBy(e => (e.List, e.ListId)).ToDictionary(e => (e.List, e.ListId)));
        return (list, listId) => index.Value.TryGetValue((list, listId), out var e) ? Of(e) : null;
    }
}
