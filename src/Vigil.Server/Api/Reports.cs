using Vigil.Model;
using Vigil.Reporting;

namespace Vigil.Server.Api;

/// <summary>GET /api/reports/{format} and /api/analysis: the stored analysis through the same writers as `vigil analyze`.</summary>
internal static class Reports
{
    public static IResult Render(string format, AnalysisResult analysis)
    {
        var writer = ReportWriters.Find(format);
        if (writer is null)
            return ApiEndpoints.NotFound($"No report format '{format}'. Use one of: {string.Join(", ", ReportWriters.All.Select(w => w.Format))}.");
        var text = new StringWriter();
        writer.Write(analysis, text);
        var type = writer.FileExtension switch
        {
            ".json" => "application/json",
            ".html" => "text/html",
            ".md" => "text/markdown",
            _ => "text/plain",
        };
        return Results.Text(text.ToString(), type + "; charset=utf-8");
    }
}
