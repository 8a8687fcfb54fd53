namespace Vigil.Model;

/// <summary>How well a story's claims stand up across sources.</summary>
public sealed record Corroboration(int IndependentSources, IReadOnlyList<string> Conflicts, string? Confidence = null, IReadOnlyList<string>? Reasons = null);

/// <summary>A group of reports about the same event.</summary>
public sealed record Story(
    string Id,
    string Title,
    IReadOnlyList<string> DocumentIds,
    IReadOnlyList<string> ClaimIds,
    Corroboration Corroboration);
