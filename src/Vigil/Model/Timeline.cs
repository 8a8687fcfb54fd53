namespace Vigil.Model;

/// <summary>
/// Where a timeline entry's date comes from: the claim's own text, or (when the text gives none)
/// the publication date of its document, which only bounds the event from above.
/// </summary>
public enum TimelineDateSource { Text, Published, None }

/// <summary>One claim on the timeline: its date at the precision the text gives, and the words behind it.</summary>
public sealed record TimelineEntry(
    string ClaimId,
    string StoryId,
    FuzzyDate? Date,
    TimelineDateSource DateSource,
    ClaimType Type,
    string Summary,
    Span Evidence);

/// <summary>The claims of one story in date order (undated claims last).</summary>
public sealed record TimelineGroup(string StoryId, string Title, IReadOnlyList<TimelineEntry> Entries);

/// <summary>An entity in the graph; <see cref="EntityId"/> is a resolved entity id, or "name:..." for a party no mention named.</summary>
public sealed record GraphNode(string EntityId, string Name, EntitySchema? Schema, int Claims);

/// <summary>
/// A relation that claims state between two parties: "supplied arms to", "met", "signed a treaty with", "denies".
/// <see cref="Directed"/> is false for symmetric relations (meetings, treaties), whose ends are in id order.
/// </summary>
public sealed record GraphEdge(string Source, string Target, string Relation, bool Directed, IReadOnlyList<string> ClaimIds);

public sealed record EntityGraph(IReadOnlyList<GraphNode> Nodes, IReadOnlyList<GraphEdge> Edges)
{
    public static readonly EntityGraph Empty = new([], []);
}
