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
}
