namespace Vigil.Model;

/// <summary>
/// One paragraph of a sanctions resolution and what it prohibits, in Vigil's own words.
/// <see cref="Citation"/> is the form reports print: "UNSCR 1718 (2006) para 8(b)".
/// </summary>
public sealed record Provision(
    string Id,
    string Regime,
    string Resolution,
    int Year,
    string Paragraph,
    string Category,
    string Prohibits,
    string Source)
{
    public string Citation => $"UNSCR {Resolution} ({Year}) para {Paragraph}";
}

/// <summary>Why a claim, if true, would breach a provision: the claim, the provision and the reason in one sentence.</summary>
public sealed record ProvisionMatch(string ClaimId, string ProvisionId, string Citation, string Reason);

/// <summary>
/// What a claim, if true, did to a body of the sanctions regime: a veto that ended the mandate of
/// the panel monitoring the sanctions, with the body and the reason in one sentence.
/// </summary>
public sealed record RegimeEffect(string ClaimId, string BodyId, string Body, string Citation, string Reason);
