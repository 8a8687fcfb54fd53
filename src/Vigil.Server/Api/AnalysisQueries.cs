using Vigil.Model;
using Vigil.Server.Hosting;
using Vigil.Storage.Reviews;

namespace Vigil.Server.Api;

/// <summary>Filters for the claims table (all optional; a claim must pass every one given).</summary>
public sealed record ClaimFilter(
    string? Type = null,
    string? Stance = null,
    string? Lang = null,
    string? From = null,
    string? To = null,
    int? MinSources = null,
    string? Text = null,
    string? Entity = null);

/// <summary>An entity's neighbour in the graph: another entity named in the same documents or claims.</summary>
public sealed record Neighbour(string Id, string Name, string Schema, int SharedDocuments, int SharedClaims);

/// <summary>
/// Read-side views over one stored analysis, shared by the REST API and the web UI so both
/// show the same thing: claim filtering, corroboration per claim, an entity's neighbourhood,
/// the timeline, and hits with reviewers' false positives taken out.
/// </summary>
public sealed class AnalysisQueries(AnalysisResult analysis)
{
    private readonly Dictionary<string, Document> _docs = analysis.Documents.ToDictionary(d => d.Id, StringComparer.Ordinal);
    private readonly Dictionary<string, Story> _storyOfClaim = analysis.Stories
        .SelectMany(s => s.ClaimIds.Select(c => (c, s))).GroupBy(x => x.c).ToDictionary(g => g.Key, g => g.First().s, StringComparer.Ordinal);

    public AnalysisResult Analysis => analysis;

    public Document? Document(string id) => _docs.GetValueOrDefault(id);

    public Story? StoryOf(Claim claim) => _storyOfClaim.GetValueOrDefault(claim.Id);

    /// <summary>Independent sources behind a claim: its story's count, or 1 for a claim in no story.</summary>
    public int SourcesOf(Claim claim) => StoryOf(claim)?.Corroboration.IndependentSources ?? 1;

    /// <summary>The claim's date when the text gives one, else the publication date of its document.</summary>
    public string? DateOf(Claim claim) =>
        claim.Date?.Date?.ToString() ?? (Document(claim.DocumentId)?.Published is { } p ? FuzzyDate.Day(p).ToString() : null);

    public IReadOnlyList<Claim> Claims(ClaimFilter f)
    {
        IEnumerable<Claim> q = analysis.Claims;
        if (!string.IsNullOrWhiteSpace(f.Type)) q = q.Where(c => c.Type.ToWire() == f.Type);
        if (!string.IsNullOrWhiteSpace(f.Stance)) q = q.Where(c => c.Stance.ToWire() == f.Stance);
        if (!string.IsNullOrWhiteSpace(f.Lang)) q = q.Where(c => string.Equals(Document(c.DocumentId)?.Lang, f.Lang, StringComparison.OrdinalIgnoreCase));
        // ISO dates of any precision compare correctly as strings once truncated to the shorter.
        if (!string.IsNullOrWhiteSpace(f.From)) q = q.Where(c => DateOf(c) is { } d && string.CompareOrdinal(d, f.From[..Math.Min(f.From.Length, d.Length)]) >= 0);
        if (!string.IsNullOrWhiteSpace(f.To)) q = q.Where(c => DateOf(c) is { } d && string.CompareOrdinal(d[..Math.Min(f.To.Length, d.Length)], f.To) <= 0);
        if (f.MinSources is { } min) q = q.Where(c => SourcesOf(c) >= min);
        if (!string.IsNullOrWhiteSpace(f.Text))
            q = q.Where(c => c.EvidenceText.Contains(f.Text, StringComparison.OrdinalIgnoreCase)
                || c.Actors.Any(a => a.Contains(f.Text, StringComparison.OrdinalIgnoreCase))
                || (c.Attribution?.Contains(f.Text, StringComparison.OrdinalIgnoreCase) ?? false));
        if (!string.IsNullOrWhiteSpace(f.Entity) && Entity(f.Entity) is { } e)
        {
            var names = e.Aliases.Append(e.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
            q = q.Where(c => c.Actors.Any(names.Contains) || (c.Attribution is { } a && names.Contains(a)) || c.DeniedBy.Any(names.Contains)
                || e.Mentions.Any(m => m.Span.Overlaps(c.Evidence)));
        }
        return q.ToList();
    }

    public Entity? Entity(string id) => analysis.Entities.FirstOrDefault(e => e.Id == id);

    public IReadOnlyList<Entity> Entities(string? text = null, string? schema = null, bool? sanctioned = null)
    {
        IEnumerable<Entity> q = analysis.Entities;
        if (!string.IsNullOrWhiteSpace(text))
            q = q.Where(e => e.Name.Contains(text, StringComparison.OrdinalIgnoreCase) || e.Aliases.Any(a => a.Contains(text, StringComparison.OrdinalIgnoreCase)));
        if (!string.IsNullOrWhiteSpace(schema)) q = q.Where(e => string.Equals(e.Schema.ToString(), schema, StringComparison.OrdinalIgnoreCase));
        if (sanctioned is { } s) q = q.Where(e => e.Sanctions.Any(h => h.IsMatch) == s);
        return q.OrderByDescending(e => e.Mentions.Count).ThenBy(e => e.Name, StringComparer.Ordinal).ToList();
    }

    /// <summary>Entities named in the same documents or claims as this one, closest first.</summary>
    public IReadOnlyList<Neighbour> Neighbours(Entity entity, int limit = 25)
    {
        var docs = entity.Mentions.Select(m => m.Span.DocumentId).ToHashSet(StringComparer.Ordinal);
        var claims = Claims(new ClaimFilter(Entity: entity.Id)).Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        var result = new List<Neighbour>();
        foreach (var other in analysis.Entities)
        {
            if (other.Id == entity.Id) continue;
            var sharedDocs = other.Mentions.Select(m => m.Span.DocumentId).Distinct(StringComparer.Ordinal).Count(docs.Contains);
            if (sharedDocs == 0) continue;
            var sharedClaims = claims.Count == 0 ? 0 : Claims(new ClaimFilter(Entity: other.Id)).Count(c => claims.Contains(c.Id));
            result.Add(new Neighbour(other.Id, other.Name, other.Schema.ToString(), sharedDocs, sharedClaims));
        }
        return result.OrderByDescending(n => n.SharedClaims).ThenByDescending(n => n.SharedDocuments).ThenBy(n => n.Name, StringComparer.Ordinal).Take(limit).ToList();
    }

    /// <summary>Claims in date order; undated ones last.</summary>
    public IReadOnlyList<(string? Date, Claim Claim)> Timeline(ClaimFilter? filter = null) =>
        Claims(filter ?? new ClaimFilter()).Select(c => (Date: DateOf(c), Claim: c))
            .OrderBy(x => x.Date is null).ThenBy(x => x.Date, StringComparer.Ordinal).ThenBy(x => x.Claim.Id, StringComparer.Ordinal).ToList();

    /// <summary>
    /// The (entity, list, list id) hits a reviewer marked false positive, while their list entry is
    /// unchanged: a changed entry is shown again. The lists are consulted only when such a review exists.
    /// </summary>
    public static HashSet<(string EntityId, string List, string ListId)> Suppressed(IReviewLog reviews, CatalogHolder lists, string? entityId = null) =>
        reviews.Suppressed(entityId, (list, id) => lists.Catalog.FingerprintOf(list, id));
}
