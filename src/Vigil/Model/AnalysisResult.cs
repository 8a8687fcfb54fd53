namespace Vigil.Model;

/// <summary>
/// Everything one analysis produced: what `vigil analyze --format json` and
/// `GET /api/analysis` serialise (names fixed by DESIGN.md).
/// </summary>
public sealed record AnalysisResult(
    IReadOnlyList<Document> Documents,
    IReadOnlyList<Entity> Entities,
    IReadOnlyList<Claim> Claims,
    IReadOnlyList<Story> Stories)
{
    public static readonly AnalysisResult Empty = new([], [], [], []);

    /// <summary>Per-claim story, corroboration and provisions (filled by the analysis stage).</summary>
    public IReadOnlyList<ClaimAssessment> Assessments { get; init; } = [];

    /// <summary>Claims in date order, grouped by story.</summary>
    public IReadOnlyList<TimelineGroup> Timeline { get; init; } = [];

    /// <summary>Entities and the relations claims state between them.</summary>
    public EntityGraph Graph { get; init; } = EntityGraph.Empty;
}
