using Vigil.Model;

namespace Vigil.Reporting;

/// <summary>How reports and the web UI word timeline dates and graph relations, in one place.</summary>
public static class ReportWording
{
    /// <summary>"2024-06", "by 2024-06-19 (published)" when only the publication date bounds it, or "undated".</summary>
    public static string DateLabel(TimelineEntry e) => e.DateSource switch
    {
        TimelineDateSource.Text => e.Date?.ToString() ?? "",
        TimelineDateSource.Published => $"by {e.Date} (published)",
        _ => "undated",
    };

    /// <summary>"supplied arms to", "signed a treaty with": a relation as a phrase between its two ends.</summary>
    public static string Relation(GraphEdge e) => e.Relation switch
    {
        "arms_transfer" => "supplied arms to",
        "payment" => "paid / supplied",
        "ship_to_ship_transfer" => "transferred cargo at sea to",
        "troop_deployment" => "deployed troops to",
        "sanctions_imposed" => "imposed sanctions on",
        "meeting" => "met",
        "treaty_signed" => "signed a treaty with",
        "ratification" => "ratification with",
        "denial" => "denies claims about",
        "veto" => "vetoed the mandate of",
        _ => e.Relation.Replace('_', ' '),
    };
}
