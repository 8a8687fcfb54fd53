namespace Vigil.Model;

/// <summary>Claim types fixed by the JSON contract (DESIGN.md).</summary>
public enum ClaimType
{
    TreatySigned, Ratification, Meeting, Statement, ArmsTransfer, TroopDeployment, Veto,
    SanctionsImposed, Denial, ShipToShipTransfer, Payment, Other,
}

/// <summary>How the text stands behind a claim.</summary>
public enum Stance { Asserted, Reported, Denied, Speculative }

/// <summary>A date found in text, with the words it came from.</summary>
public sealed record DateMention(Span Span, string Text, FuzzyDate? Date);

/// <summary>A quantity found in text, with the words it came from.</summary>
public sealed record QuantityMention(Span Span, string Text, Quantity Quantity);

/// <summary>
/// Something a document says happened, with who says so and how. <see cref="Evidence"/> is the
/// sentence (or clause) that supports it.
/// </summary>
public sealed record Claim(
    string Id,
    string DocumentId,
    ClaimType Type,
    IReadOnlyList<string> Actors,
    Quantity? Quantity,
    DateMention? Date,
    string? Attribution,
    Stance Stance,
    IReadOnlyList<string> DeniedBy,
    IReadOnlyList<string> Provisions,
    Span Evidence,
    string EvidenceText);

public static class ClaimTypes
{
    /// <summary>The snake_case name used in JSON and storage: ArmsTransfer → "arms_transfer".</summary>
    public static string ToWire(this ClaimType type) => System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(type.ToString());

    public static ClaimType ParseWire(string wire) =>
        Enum.GetValues<ClaimType>().FirstOrDefault(t => t.ToWire() == wire, ClaimType.Other);

    public static string ToWire(this Stance stance) => stance.ToString().ToLowerInvariant();
}
