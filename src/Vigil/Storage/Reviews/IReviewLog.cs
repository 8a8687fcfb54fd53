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

/// <summary>One reviewer decision, kept for ever: the audit trail is the list of these.</summary>
public sealed record HitReview(
    string Id,
    string EntityId,
    string List,
    string ListId,
    string Verdict,
    string Reviewer,
    string? Note,
    DateTimeOffset At);

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
    /// <summary>The (entity, list, list id) triples whose latest verdict is false_positive.</summary>
    public static HashSet<(string EntityId, string List, string ListId)> Suppressed(this IReviewLog log, string? entityId = null) =>
        log.History(entityId)
            .GroupBy(r => (r.EntityId, r.List, r.ListId))
            .Where(g => g.OrderBy(r => r.At).ThenBy(r => r.Id, StringComparer.Ordinal).Last().Verdict == ReviewVerdicts.FalsePositive)
            .Select(g => g.Key)
            .ToHashSet();
}
