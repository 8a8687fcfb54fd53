using System.Globalization;
using System.Text.Encodings.Web;
using Vigil.Model;

namespace Vigil.Reporting;

/// <summary>
/// A self-contained HTML report (no scripts, no external resources): documents with their cleaned
/// text and every mention marked, entities with mentions quoted in context and linked to the
/// place in the document, sanctions hits with their explanation. All document text is escaped:
/// documents are hostile input.
/// </summary>
public sealed class HtmlReportWriter : IReportWriter
{
    public string Format => "html";
    public string FileExtension => ".html";

    private static readonly HtmlEncoder Html = HtmlEncoder.Default;

    private static string E(string? text) => Html.Encode(text ?? "");

    public void Write(AnalysisResult analysis, TextWriter o)
    {
        analysis = AnalysisSections.Completed(analysis);
        var view = new ReportView(analysis);
        o.WriteLine("<!DOCTYPE html>");
        o.WriteLine("<html lang=\"en\"><head><meta charset=\"utf-8\">");
        // No script may run in a report built from hostile text, whatever slips through.
        o.WriteLine("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">");
        o.WriteLine("<title>Vigil report</title>");
        o.WriteLine($"<style>{Css}{AnalysisSections.Css}</style></head><body>");
        o.WriteLine("<h1>Vigil report</h1>");
        o.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"<p class=\"summary\">{analysis.Documents.Count} documents · {analysis.Entities.Count} entities · {analysis.Claims.Count} claims · {analysis.Stories.Count} stories · " +
            $"<strong>{analysis.Entities.Count(e => e.Sanctions.Any(h => h.IsMatch))}</strong> entities with sanctions hits</p>"));

        WriteHits(o, analysis);
        AnalysisSections.WriteHtml(o, view);
        WriteClaims(o, view);
        WriteEntities(o, view);
        WriteDocuments(o, analysis);
        o.WriteLine("</body></html>");
    }

    private static void WriteHits(TextWriter o, AnalysisResult analysis)
    {
        o.WriteLine("<section id=\"hits\"><h2>Sanctions hits</h2>");
        var rows = analysis.Entities.SelectMany(e => e.Sanctions.Where(h => h.IsMatch).Select(h => (e, h))).ToList();
        if (rows.Count == 0) { o.WriteLine("<p>No extracted person or organisation matched a sanctions list.</p></section>"); return; }
        o.WriteLine("<table><thead><tr><th>entity</th><th>list</th><th>list id</th><th>listed name</th><th>score</th><th>programs</th><th>why</th></tr></thead><tbody>");
        foreach (var (e, h) in rows)
            o.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"<tr><td><a href=\"#{E(EntityAnchor(e))}\">{E(e.Name)}</a></td><td>{E(h.List)}</td><td><code>{E(h.ListId)}</code></td><td>{E(h.Name)}</td><td>{h.Score:0.00}</td><td>{E(string.Join(", ", h.Programs))}</td><td>{E(h.Explanation)}</td></tr>"));
        o.WriteLine("</tbody></table></section>");
    }

    private static void WriteClaims(TextWriter o, ReportView view)
    {
        if (view.Analysis.Claims.Count == 0) return;
        o.WriteLine("<section id=\"claims\"><h2>Claims</h2><table><thead><tr><th>type</th><th>stance</th><th>date</th><th>according to</th><th>actors</th><th>evidence</th></tr></thead><tbody>");
        foreach (var c in view.Analysis.Claims)
        {
            var date = c.Date?.Date?.ToString() ?? (c.Date is null ? "" : "unresolved: " + c.Date.Text);
            o.WriteLine($"<tr><td>{E(c.Type.ToWire())}</td><td>{E(c.Stance.ToWire())}</td><td>{E(date)}</td><td>{E(c.Attribution)}</td><td>{E(string.Join(", ", c.Actors))}</td>" +
                        $"<td><a href=\"#{E(ReportView.MentionAnchor(c.Evidence))}\">“{E(c.EvidenceText)}”</a></td></tr>");
        }
        o.WriteLine("</tbody></table></section>");
    }

    private static void WriteEntities(TextWriter o, ReportView view)
    {
        o.WriteLine("<section id=\"entities\"><h2>Entities</h2>");
        foreach (var e in view.EntitiesInReportOrder)
        {
            var flagged = e.Sanctions.Any(h => h.IsMatch) ? " sanctioned" : "";
            o.WriteLine($"<article class=\"entity{flagged}\" id=\"{E(EntityAnchor(e))}\"><h3>{E(e.Name)} <span class=\"schema\">{E(e.Schema.ToString())}</span></h3>");
            if (e.Aliases.Count > 0) o.WriteLine($"<p class=\"aliases\">Also: {E(string.Join(", ", e.Aliases))}</p>");
            foreach (var h in e.Sanctions.Where(h => h.IsMatch))
                o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"<p class=\"hit\">{E(h.List)} <code>{E(h.ListId)}</code> {E(h.Name)} ({h.Score:0.00}): {E(h.Explanation)}</p>"));
            o.WriteLine("<ul class=\"mentions\">");
            foreach (var m in e.Mentions)
            {
                var (before, text, after) = view.Context(m.Span);
                o.WriteLine($"<li>{E(before)}<a href=\"#{E(ReportView.MentionAnchor(m.Span))}\"><mark>{E(text)}</mark></a>{E(after)} <span class=\"src\">{E(view.DocumentLabel(m.Span.DocumentId))}</span></li>");
            }
            o.WriteLine("</ul></article>");
        }
        o.WriteLine("</section>");
    }

    private static void WriteDocuments(TextWriter o, AnalysisResult analysis)
    {
        var spansByDoc = analysis.Entities.SelectMany(e => e.Mentions.Select(m => m.Span))
            .Concat(analysis.Claims.Select(c => c.Evidence))
            .ToLookup(s => s.DocumentId);
        o.WriteLine("<section id=\"documents\"><h2>Documents</h2>");
        foreach (var d in analysis.Documents)
        {
            o.WriteLine($"<article class=\"document\" id=\"{E(ReportView.DocumentAnchor(d.Id))}\"><h3>{E(d.Title ?? d.Source)}</h3>");
            o.WriteLine($"<p class=\"meta\">{E(d.Source)} · language {E(d.Lang ?? "unknown")} · published {E(d.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "unknown")} · {d.Chars} characters · id <code>{E(d.Id)}</code></p>");
            o.Write("<div class=\"text\">");
            WriteMarkedText(o, d.Text, spansByDoc[d.Id]);
            o.WriteLine("</div></article>");
        }
        o.WriteLine("</section>");
    }

    /// <summary>The cleaned text with each span wrapped in an anchored mark; overlapping spans after the first are skipped.</summary>
    private static void WriteMarkedText(TextWriter o, string text, IEnumerable<Span> spans)
    {
        var pos = 0;
        foreach (var s in spans.Where(s => s.End <= text.Length).OrderBy(s => s.Start).ThenByDescending(s => s.End).DistinctBy(s => (s.Start, s.End)))
        {
            if (s.Start < pos) continue;
            o.Write(E(text[pos..s.Start]));
            o.Write($"<mark id=\"{E(ReportView.MentionAnchor(s))}\">{E(text[s.Start..s.End])}</mark>");
            pos = s.End;
        }
        o.Write(E(text[pos..]));
    }

    private static string EntityAnchor(Entity e) => "ent-" + e.Id;

    private const string Css = """
        body{font:15px/1.5 system-ui,sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#1d1d1f}
        h1{margin-bottom:.2em}.summary{color:#555}
        table{border-collapse:collapse;width:100%;margin:1em 0}th,td{border-bottom:1px solid #ddd;padding:.35em .5em;text-align:left;vertical-align:top}
        th{background:#f4f4f6}.entity{border-left:3px solid #ccc;padding-left:.8em;margin:1em 0}.entity.sanctioned{border-color:#c0392b}
        .schema{font-size:.75em;color:#777;font-weight:normal}.hit{color:#c0392b}.aliases,.src,.meta{color:#666;font-size:.9em}
        .text{white-space:pre-wrap;background:#fafafa;padding:1em;border:1px solid #eee}mark{background:#fff3a8}mark:target{background:#ffb347}
        """;
}
