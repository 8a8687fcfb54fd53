using Vigil.Model;

namespace Vigil.Analysis;

/// <summary>
/// Puts each story's claims in date order. A claim's own date (at the precision its text gives)
/// comes first; a claim without one is placed at its document's publication date, marked as such,
/// because the event happened on or before it; claims with neither come last.
/// </summary>
internal static class TimelineBuilder
{
    public static IReadOnlyList<TimelineGroup> Build(IReadOnlyList<Story> stories, IReadOnlyDictionary<string, Claim> claims,
        IReadOnlyDictionary<string, Document> documents, PartyNames names)
    {
        var groups = new List<TimelineGroup>();
        foreach (var story in stories)
        {
            var entries = story.ClaimIds.Select(id => claims[id]).Select(c => Entry(c, story.Id, documents, names))
                .OrderBy(e => e.DateSource == TimelineDateSource.None ? 1 : 0)
                .ThenBy(e => e.Date?.Value ?? NodaTime.LocalDate.MaxIsoValue)
                .ThenBy(e => e.Date?.Precision ?? DatePrecision.Day)
                .ThenBy(e => e.Evidence.DocumentId, StringComparer.Ordinal).ThenBy(e => e.Evidence.Start)
                .ToList();
            groups.Add(new TimelineGroup(story.Id, story.Title, entries));
        }
        return groups
            .OrderBy(g => g.Entries.FirstOrDefault(e => e.Date is not null)?.Date?.Value ?? NodaTime.LocalDate.MaxIsoValue)
            .ThenBy(g => g.StoryId, StringComparer.Ordinal)
            .ToList();
    }

    private static TimelineEntry Entry(Claim c, string storyId, IReadOnlyDictionary<string, Document> documents, PartyNames names)
    {
        FuzzyDate? date = c.Date?.Date;
        var source = TimelineDateSource.Text;
        if (date is null)
        {
            source = TimelineDateSource.None;
            if (documents.TryGetValue(c.DocumentId, out var d) && d.Published is { } p) { date = FuzzyDate.Day(p); source = TimelineDateSource.Published; }
        }
        return new TimelineEntry(c.Id, storyId, date, source, c.Type, Summary(c, names), c.Evidence);
    }

    /// <summary>One plain sentence: "Arms transfer: North Korea → Russia, 11,000 containers, according to Matthew Miller (denied by Russia)."</summary>
    public static string Summary(Claim c, PartyNames names)
    {
        var actors = c.Actors.Select(names.Display).Distinct().ToList();
        var parties = actors.Count == 0 ? "unnamed parties"
            : IsDirected(c.Type) && actors.Count > 1 ? $"{actors[0]} → {string.Join(", ", actors.Skip(1))}" : string.Join(", ", actors);
        var parts = new List<string> { $"{Analyzer.Label(c.Type)}: {parties}" };
        if (c.Quantity is { } q) parts.Add($"{Corroborator.Format(q)} {q.Unit}");
        if (!string.IsNullOrWhiteSpace(c.Attribution)) parts.Add($"according to {c.Attribution}");
        var text = string.Join(", ", parts);
        if (c.Stance is Stance.Speculative) text += " (speculative)";
        if (c.DeniedBy.Count > 0) text += $" (denied by {string.Join(", ", c.DeniedBy.Select(names.Display).Distinct())})";
        return text + ".";
    }

    internal static bool IsDirected(ClaimType type) => type is ClaimType.ArmsTransfer or ClaimType.Payment or ClaimType.ShipToShipTransfer
        or ClaimType.TroopDeployment or ClaimType.SanctionsImposed;
}
