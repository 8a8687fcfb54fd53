namespace Vigil.Model;

/// <summary>One named piece of evidence behind a score: "name", "birth_date", "identifier", ...</summary>
public sealed record MatchFeature(string Name, double Value, string Detail);

/// <summary>
/// A candidate list entry for a screened name. <see cref="Score"/> is in [0, 1];
/// <see cref="IsMatch"/> says whether it reaches the matcher's calibrated threshold.
/// </summary>
public sealed record SanctionHit(
    string List,
    string ListId,
    string Name,
    double Score,
    bool IsMatch,
    IReadOnlyList<string> Programs,
    string Explanation,
    IReadOnlyList<MatchFeature> Features);
