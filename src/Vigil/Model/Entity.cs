namespace Vigil.Model;

/// <summary>A resolved real-world thing with every place it is mentioned and its sanctions hits.</summary>
public sealed record Entity(
    string Id,
    EntitySchema Schema,
    string Name,
    IReadOnlyList<string> Aliases,
    IReadOnlyList<Mention> Mentions,
    IReadOnlyList<SanctionHit> Sanctions);
