using Vigil.Model;
using Vigil.Model.Wire;

namespace Vigil.Reporting;

/// <summary>The machine-readable report: exactly the DESIGN.md shape (documents, entities, claims, stories).</summary>
public sealed class JsonReportWriter : IReportWriter
{
    public string Format => "json";
    public string FileExtension => ".json";

    public void Write(AnalysisResult analysis, TextWriter output)
    {
        output.Write(WireFormat.Serialize(analysis));
        output.WriteLine();
    }
}
