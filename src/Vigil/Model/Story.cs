namespace Vigil.Model;

/// <summary>
/// How well a story's (or a claim's) account stands up across sources. <see cref="IndependentSources"/>
/// counts origins, not documents: copies of one wire story and chains such as "Yonhap, citing the NIS"
/// count once. <see cref="Confidence"/> is high, medium or low, and <see cref="Reasons"/> says why.
/// </summary>
public sealed record Corroboration(int IndependentSources, IReadOnlyList<string> Conflicts, string? Confidence = null, IReadOnlyList<string>? Reasons = null)
{
    /// <summary>Each independent origin with the documents that carry it.</summary>
    public IReadOnlyList<SourceOrigin> Sources { get; init; } = [];

    /// <summary>Parties the reports say deny the account.</summary>
    public IReadOnlyList<string> DeniedBy { get; init; } = [];

    /// <summary>Figures reported for the same measure, side by side (10,000 / 11,000 / 13,000 containers).</summary>
    public IReadOnlyList<FigureSet> Figures { get; init; } = [];
}

/// <summary>One origin of a claim: who ultimately says it, and the documents (and claims) that relay it.</summary>
public sealed record SourceOrigin(string Key, string Label, IReadOnlyList<string> DocumentIds, IReadOnlyList<string> ClaimIds, string? Via = null);

/// <summary>The values reported for one unit; <see cref="IsConflict"/> when they disagree.</summary>
public sealed record FigureSet(string Unit, IReadOnlyList<ReportedFigure> Values)
{
    public bool IsConflict => Values.Select(v => v.Quantity.Value).Distinct().Count() > 1;
}

/// <summary>One reported value with the claims and origins that give it.</summary>
public sealed record ReportedFigure(Quantity Quantity, IReadOnlyList<string> ClaimIds, IReadOnlyList<string> Sources);

/// <summary>A group of reports about the same event.</summary>
public sealed record Story(
    string Id,
    string Title,
    IReadOnlyList<string> DocumentIds,
    IReadOnlyList<string> ClaimIds,
    Corroboration Corroboration);

/// <summary>What analysis concluded about one claim: its story, its corroboration, the provisions it would breach.</summary>
public sealed record ClaimAssessment(string ClaimId, string StoryId, Corroboration Corroboration, IReadOnlyList<ProvisionMatch> Provisions)
{
    /// <summary>Bodies of the sanctions regime the claim acts on (a veto ending the Panel of Experts).</summary>
    public IReadOnlyList<RegimeEffect> Affects { get; init; } = [];
}
