using Vigil.Model;
using Vigil.Model.Wire;

namespace Vigil.Server.Api;

/// <summary>GET /api/reports/{format}: the stored analysis through the report writers.</summary>
internal static class Reports
{
    public static readonly IReadOnlyList<string> Formats = ["json"];

    public static IResult Render(string format, AnalysisResult analysis) => format switch
    {
        "json" => Results.Text(WireFormat.Serialize(analysis), "application/json"),
        _ => ApiEndpoints.NotFound($"No report format '{format}'. Use one of: {string.Join(", ", Formats)}."),
    };
}
