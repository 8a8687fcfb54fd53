using Vigil.Model;

namespace Vigil.Reporting;

/// <summary>One output format. Adding a format is adding a writer and registering it in <see cref="ReportWriters"/>.</summary>
public interface IReportWriter
{
    /// <summary>The name on the command line: json, md, html, ...</summary>
    string Format { get; }

    string FileExtension { get; }

    void Write(AnalysisResult analysis, TextWriter output);
}

public static class ReportWriters
{
    public static readonly IReadOnlyList<IReportWriter> All = [new JsonReportWriter(), new MarkdownReportWriter(), new HtmlReportWriter(), new Ftm.FtmWriter()];

    public static IReportWriter? Find(string format) =>
        All.FirstOrDefault(w => string.Equals(w.Format, format, StringComparison.OrdinalIgnoreCase)
                                || string.Equals(w.FileExtension.TrimStart('.'), format, StringComparison.OrdinalIgnoreCase));
}
