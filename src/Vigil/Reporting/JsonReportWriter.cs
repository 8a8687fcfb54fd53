using System.Text;
using System.Text.Json;
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
        // A report file is written as UTF-8 straight to its stream: the report of a large store never
        // becomes one string (tens of MB on the large-object heap, then encoded again).
        if (output is StreamWriter { BaseStream.CanWrite: true } file && file.Encoding.CodePage == Encoding.UTF8.CodePage && file.Encoding.Preamble.Length == 0)
        {
            file.Flush();
            JsonSerializer.Serialize(file.BaseStream, WireFormat.ToDto(analysis), WireFormat.Options);
        }
        else output.Write(WireFormat.Serialize(analysis));
        output.WriteLine();
    }
}
