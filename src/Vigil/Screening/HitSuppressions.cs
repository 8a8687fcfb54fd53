using Vigil.Model;

namespace Vigil.Screening;

/// <summary>Hits split by reviewer suppressions: shown, suppressed (with the decision), and shown again because the entry changed.</summary>
public sealed record SuppressionResult(
    IReadOnlyList<SanctionHit> Active,
    IReadOnlyList<(SanctionHit Hit, HitSuppression By)> Suppressed,
    IReadOnlyList<(SanctionHit Hit, HitSuppression Lapsed)> Reopened);

/// <summary>
/// Applies reviewers' false-positive decisions to screening hits. A suppression holds for one
/// entity and one list entry, and only while that entry is unchanged (<see cref="Fingerprint"/>).
/// </summary>
public static class HitSuppressions
{
    /// <summary>A stable hash of what identifies a list entry: names, aliases, dates of birth, nationalities, identifiers, programmes.</summary>
    public static string Fingerprint(ListEntry entry)
    {
        static string Join(IEnumerable<string> values) => string.Join('\u001e', values.Order(StringComparer.Ordinal));
        return Ids.Hash(string.Join('\u001f',
            entry.List, entry.ListId, entry.Schema.ToString(), entry.Name,
            Join(entry.Aliases), Join(entry.WeakAliases), Join(entry.BirthDates.Select(d => d.ToString())),
            Join(entry.Nationalities), Join(entry.Identifiers.Select(i => $"{i.Type}:{i.Value}:{i.Country}")), Join(entry.Programs)))[..32];
    }

    /// <summary>A suppression of <paramref name="hit"/> for <paramref name="entityKey"/>, recording the entry as it is now.</summary>
    public static HitSuppression Suppress(string entityKey, SanctionHit hit, ListEntry entry, string reviewer, string reason, DateTimeOffset at)
    {
        if (entry.List != hit.List || entry.ListId != hit.ListId)
            throw new ArgumentException($"The entry {entry.List} {entry.ListId} is not the one hit ({hit.List} {hit.ListId}).", nameof(entry));
        if (string.IsNullOrWhiteSpace(reviewer) || string.IsNullOrWhiteSpace(reason))
            throw new ArgumentException("A suppression needs the reviewer's name and a reason.");
        return new HitSuppression(entityKey, hit.List, hit.ListId, Fingerprint(entry), reviewer.Trim(), at, reason.Trim());
    }

    /// <summary>
    /// Splits <paramref name="hits"/> for one entity. <paramref name="currentEntry"/> finds the entry as the
    /// lists hold it now (null when it has been delisted, which also ends the suppression's relevance).
    /// The latest suppression per (entity, list, id) is the one in force.
    /// </summary>
    public static SuppressionResult Apply(IEnumerable<SanctionHit> hits, string entityKey, IEnumerable<HitSuppression> suppressions, Func<string, string, ListEntry?> currentEntry)
    {
        var latest = suppressions.Where(s => s.EntityKey == entityKey)
            .GroupBy(s => (s.List, s.ListId))
            .ToDictionary(g => g.Key, g => g.OrderBy(s => s.At).Last());
        var active = new List<SanctionHit>();
        var suppressed = new List<(SanctionHit, HitSuppression)>();
        var reopened = new List<(SanctionHit, HitSuppression)>();
        foreach (var hit in hits)
        {
            if (!latest.TryGetValue((hit.List, hit.ListId), out var s)) { active.Add(hit); continue; }
            var entry = currentEntry(hit.List, hit.ListId);
            if (entry is not null && Fingerprint(entry) == s.EntryFingerprint) suppressed.Add((hit, s));
            else { active.Add(hit); reopened.Add((hit, s)); }
        }
        return new SuppressionResult(active, suppressed, reopened);
    }
}
