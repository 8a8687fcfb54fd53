using Vigil.Model;

namespace Vigil.Storage.Reviews;

/// <summary>A reviewer's verdict on one hit, as a person or a client gives it.</summary>
public sealed record ReviewInput(string EntityId, string List, string ListId, string Verdict, string Reviewer, string? Note);

/// <summary>The review as recorded, or why it was refused (<see cref="NotFound"/>: no such entity or hit).</summary>
public sealed record ReviewOutcome(HitReview? Recorded, string? Problem, bool NotFound = false);

/// <summary>
/// Recording reviewers' verdicts and applying them to an analysis, the same way in the CLI, the API
/// and the web UI: a hit marked false positive for an entity is left out while its list entry is
/// unchanged, and the audit trail keeps who, when and why.
/// </summary>
public static class HitReviews
{
    public const int MaxReviewerLength = 200;
    public const int MaxNoteLength = 4000;

    /// <summary>
    /// Checks the verdict against the analysis (the entity must exist and carry that hit) and appends it
    /// to the log with the entry's current fingerprint (<paramref name="fingerprintOf"/>).
    /// </summary>
    public static ReviewOutcome Record(IReviewLog log, AnalysisResult analysis, ReviewInput input, Func<string, string, string?> fingerprintOf, DateTimeOffset at)
    {
        if (!ReviewVerdicts.All.Contains(input.Verdict))
            return new(null, $"Unknown verdict '{input.Verdict}'. Use one of: {string.Join(", ", ReviewVerdicts.All)}.");
        if (string.IsNullOrWhiteSpace(input.Reviewer))
            return new(null, "Say who reviews: a reviewer's name is kept in the audit trail.");
        if (input.Reviewer.Length > MaxReviewerLength || (input.Note?.Length ?? 0) > MaxNoteLength)
            return new(null, $"Keep the reviewer's name under {MaxReviewerLength} characters and the note under {MaxNoteLength:N0}.");
        var entity = analysis.Entities.FirstOrDefault(e => e.Id == input.EntityId);
        if (entity is null)
            return new(null, $"No entity with id '{input.EntityId}' in the stored analysis.", NotFound: true);
        if (!entity.Sanctions.Any(h => h.List == input.List && h.ListId == input.ListId))
            return new(null, $"Entity '{input.EntityId}' has no hit on {input.List} {input.ListId}.", NotFound: true);
        var review = new HitReview(Guid.NewGuid().ToString("N"), entity.Id, input.List, input.ListId, input.Verdict, input.Reviewer.Trim(),
            string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim(), at, fingerprintOf(input.List, input.ListId));
        log.Add(review);
        return new(review, null);
    }

    /// <summary>The entity's hits, split into those in force and those a reviewer marked false positive.</summary>
    public static (IReadOnlyList<SanctionHit> Active, IReadOnlyList<SanctionHit> Suppressed) SplitHits(Entity entity, ISet<(string EntityId, string List, string ListId)> suppressed)
    {
        var active = new List<SanctionHit>();
        var hidden = new List<SanctionHit>();
        foreach (var h in entity.Sanctions)
            (suppressed.Contains((entity.Id, h.List, h.ListId)) ? hidden : active).Add(h);
        return (active, hidden);
    }

    public static Entity WithoutSuppressed(Entity entity, ISet<(string EntityId, string List, string ListId)> suppressed) =>
        entity with { Sanctions = SplitHits(entity, suppressed).Active };

    public static AnalysisResult WithoutSuppressed(AnalysisResult analysis, ISet<(string EntityId, string List, string ListId)> suppressed) =>
        suppressed.Count == 0 ? analysis : analysis with { Entities = analysis.Entities.Select(e => WithoutSuppressed(e, suppressed)).ToList() };
}
