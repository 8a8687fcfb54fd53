using System.Globalization;
using System.Text;
using Vigil.Model;

namespace Vigil.Reporting;

/// <summary>A Markdown report: documents, entities with quoted mentions, sanctions hits explained, claims with evidence.</summary>
public sealed class MarkdownReportWriter : IReportWriter
{
    public string Format => "md";
    public string FileExtension => ".md";

    public void Write(AnalysisResult analysis, TextWriter o)
    {
        analysis = AnalysisSections.Completed(analysis);
        var view = new ReportView(analysis);
        o.WriteLine("# Vigil report");
        o.WriteLine();
        o.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{analysis.Documents.Count} documents, {analysis.Entities.Count} entities, {analysis.Claims.Count} claims, {analysis.Stories.Count} stories; " +
            $"{analysis.Entities.Count(e => e.Sanctions.Any(h => h.IsMatch))} entities with sanctions hits."));
        o.WriteLine();

        o.WriteLine("## Documents");
        o.WriteLine();
        o.WriteLine("| id | title | language | published | characters | source |");
        o.WriteLine("|---|---|---|---|---|---|");
        foreach (var d in analysis.Documents)
            o.WriteLine($"| <a id=\"{ReportView.DocumentAnchor(d.Id)}\"></a>`{d.Id}` | {Escape(d.Title ?? "")} | {d.Lang ?? "?"} | {d.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "unknown"} | {d.Chars} | {Escape(d.Source)} |");
        o.WriteLine();

        var sanctioned = analysis.Entities.Where(e => e.Sanctions.Any(h => h.IsMatch)).ToList();
        o.WriteLine("## Sanctions hits");
        o.WriteLine();
        if (sanctioned.Count == 0) o.WriteLine("No extracted person or organisation matched a sanctions list.");
        foreach (var e in sanctioned)
            foreach (var h in e.Sanctions.Where(h => h.IsMatch))
                o.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"- **{Escape(e.Name)}** ({e.Schema}) → {h.List} `{h.ListId}` {Escape(h.Name)}, score {h.Score:0.00}, programs {Escape(string.Join(", ", h.Programs))}: {Escape(h.Explanation)}"));
        o.WriteLine();

        AnalysisSections.WriteMarkdown(o, view);

        o.WriteLine("## Entities");
        foreach (var e in view.EntitiesInReportOrder)
        {
            o.WriteLine();
            o.WriteLine($"### {Escape(e.Name)} ({e.Schema})");
            if (e.Aliases.Count > 0) o.WriteLine($"Also: {Escape(string.Join(", ", e.Aliases))}.");
            o.WriteLine();
            foreach (var m in e.Mentions)
            {
                var (before, text, after) = view.Context(m.Span);
                o.WriteLine($"- {Escape(before)}**{Escape(text)}**{Escape(after)} ([{Escape(view.DocumentLabel(m.Span.DocumentId))}](#{ReportView.DocumentAnchor(m.Span.DocumentId)}), {m.Span.Start}–{m.Span.End})");
            }
        }
        o.WriteLine();

        if (analysis.Claims.Count > 0)
        {
            o.WriteLine("## Claims");
            o.WriteLine();
            foreach (var c in analysis.Claims)
            {
                var who = c.Attribution is null ? "" : $", according to {Escape(c.Attribution)}";
                var when = c.Date?.Date is { } d ? $" ({d})" : "";
                o.WriteLine($"- **{c.Type.ToWire()}** [{c.Stance.ToWire()}]{when}{who}: “{Escape(c.EvidenceText)}” ([{Escape(view.DocumentLabel(c.DocumentId))}](#{ReportView.DocumentAnchor(c.DocumentId)}), {c.Evidence.Start}–{c.Evidence.End})");
            }
            o.WriteLine();
        }
    }

    /// <summary>Document text is hostile input: neutralise Markdown and HTML syntax in it.</summary>
    public static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length + 8);
        foreach (var ch in text)
        {
            switch (ch)
            {
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '&': sb.Append("&amp;"); break;
                case '\r' or '\n': sb.Append(' '); break;
                case '\\' or '`' or '*' or '_' or '[' or ']' or '|' or '#' or '!':
                    sb.Append('\\').Append(ch); break;
                default: sb.Append(ch); break;
            }
        }
        return sb.ToString();
    }
}
