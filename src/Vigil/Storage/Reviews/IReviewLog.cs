namespace Vigil.Storage.Reviews;

/// <summary>What a reviewer decided about one sanctions hit on one entity.</summary>
public static class ReviewVerdicts
{
    public const string FalsePositive = "false_positive";
    public const string Confirmed = "confirmed";
    /// <summary>Withdraws an earlier verdict: the hit shows again.</summary>
    public const string Reopened = "reopened";

    public static readonly IReadOnlyList<string> All = [FalsePositive, Confirmed, Reopened];
}

/// <summary>
/// One reviewer decision, kept for ever: the audit trail is the list of these.
/// <see cref="EntryFingerprint"/> is the list entry as the reviewer saw it (<see cref="Vigil.Screening.EntryFingerprint.Of"/>).
/// </summary>
public sealed record HitReview(
    string Id,
    string EntityId,
    string List,
    string ListId,
    string Verdict,
    string Reviewer,
    string? Note,
    DateTimeOffset At,
    string? EntryFingerprint = null);

/// <summary>
/// Reviewer decisions on sanctions hits, append-only. The latest decision on an
/// (entity, list, list id) triple is in force: a false positive stays suppressed across
/// re-analyses until someone reopens it, and every change stays in the trail.
/// </summary>
public interface IReviewLog : IDisposable
{
    void Add(HitReview review);

    /// <summary>Every decision, oldest first; only one entity's when <paramref name="entityId"/> is given.</summary>
    IReadOnlyList<HitReview> History(string? entityId = null);
}

public static class ReviewLogExtensions
{
    /// <summary>
    /// The (entity, list, list id) triples whose latest verdict is false_positive and whose list entry
    /// is still the one the reviewer saw. <paramref name="currentFingerprint"/> gives the entry's
    /// fingerprint as the lists hold it now (null when it is no longer listed); a changed or delisted
    /// entry ends the suppression, so the hit is shown again for a fresh review.
    /// </summary>
    public static HashSet<(string EntityId, string List, string ListId)> Suppressed(this IReviewLog log, string? entityId = null,
        Func<string, string, string?>? currentFingerprint = null) =>
        log.History(entityId)
            .GroupBy(r => (r.EntityId, r.List, r.ListId))
            .Select(g => g.OrderBy(r => r.At).ThenBy(r => r.Id, StringComparer.Ordinal).Last())
            .Where(r => r.Verdict == ReviewVerdicts.FalsePositive && StillTheSameEntry(r, currentFingerprint))
            .Select(r => (r.EntityId, r.List, r.ListId))
            .ToHashSet();

    private static bool StillTheSameEntry(HitReview review, Func<string, string, string?>? currentFingerprint) =>
        review.EntryFingerprint is null || currentFingerprint is null || currentFingerprint(review.List, review.ListId) == review.EntryFingerprint;
}
