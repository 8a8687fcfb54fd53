using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Vigil.Analysis;
using Vigil.Model;

namespace Vigil.Reporting;

/// <summary>
/// The analysis part of the human-readable reports: stories with their corroboration, provisions,
/// timeline, entity graph and two charts (claims over time, conflicting figures). Every summary
/// sentence ends with links to the evidence spans it rests on.
/// </summary>
internal static class AnalysisSections
{
    private static readonly HtmlEncoder Html = HtmlEncoder.Default;

    private static string E(string? text) => Html.Encode(text ?? "");

    /// <summary>A stored analysis lacks its derived views (assessments, timeline, graph): rebuild them.</summary>
    public static AnalysisResult Completed(AnalysisResult analysis)
    {
        if (analysis.Stories.Count == 0 || analysis.Timeline.Count > 0) return analysis;
        Analyzer analyzer;
        try { analyzer = Analyzer.WithDefaultProvisions(); }
        catch (FileNotFoundException) { analyzer = new Analyzer(); }
        return analyzer.Complete(analysis);
    }

    // ---------- HTML ----------

    public static void WriteHtml(TextWriter o, ReportView view)
    {
        var a = view.Analysis;
        if (a.Stories.Count == 0) return;
        var claims = a.Claims.ToDictionary(c => c.Id, StringComparer.Ordinal);

        o.WriteLine("<section id=\"stories\"><h2>Stories</h2>");
        foreach (var s in a.Stories.OrderByDescending(s => s.Corroboration.IndependentSources).ThenBy(s => s.Title, StringComparer.Ordinal))
        {
            var c = s.Corroboration;
            o.WriteLine($"<article class=\"story\" id=\"story-{E(s.Id)}\"><h3>{E(s.Title)} <span class=\"confidence {E(c.Confidence)}\">{E(c.Confidence)}</span></h3>");
            o.WriteLine($"<p>{E(StorySentence(s, a))} {HtmlLinks(s.ClaimIds.Where(claims.ContainsKey).Select(id => claims[id].Evidence))}</p>");
            if (c.Sources.Count > 0)
            {
                o.WriteLine("<ul class=\"sources\">");
                foreach (var src in c.Sources)
                    o.WriteLine($"<li>{E(src.Label)}{(src.Via is null ? "" : " (via " + E(src.Via) + ")")} {HtmlLinks(src.ClaimIds.Where(claims.ContainsKey).Select(id => claims[id].Evidence))}</li>");
                o.WriteLine("</ul>");
            }
            foreach (var f in c.Figures.Where(f => f.IsConflict))
                o.WriteLine($"<p class=\"conflict\">Figures disagree: {E(Corroborator.Describe(f))}. {string.Join(" ", f.Values.Select(v => E(Corroborator.Format(v.Quantity)) + " " + HtmlLinks(v.ClaimIds.Where(claims.ContainsKey).Select(id => claims[id].Evidence))))}</p>");
            o.WriteLine("</article>");
        }
        o.WriteLine("</section>");

        WriteProvisionsHtml(o, a, claims);

        o.WriteLine("<section id=\"charts\"><h2>Charts</h2>");
        o.WriteLine("<h3>Claims over time</h3>");
        o.WriteLine(ClaimsOverTimeSvg(a));
        var conflicts = a.Stories.SelectMany(s => s.Corroboration.Figures.Where(f => f.IsConflict).Select(f => (s, f))).ToList();
        o.WriteLine("<h3>Conflicting figures</h3>");
        if (conflicts.Count == 0) o.WriteLine("<p>No story reports conflicting figures.</p>");
        foreach (var (s, f) in conflicts) o.WriteLine($"<figure>{FiguresSvg(f)}<figcaption>{E(s.Title)}: {E(Corroborator.Describe(f))}</figcaption></figure>");
        o.WriteLine("</section>");

        o.WriteLine("<section id=\"timeline\"><h2>Timeline</h2>");
        foreach (var g in a.Timeline)
        {
            o.WriteLine($"<h3><a href=\"#story-{E(g.StoryId)}\">{E(g.Title)}</a></h3><table><thead><tr><th>date</th><th>precision</th><th>what</th></tr></thead><tbody>");
            foreach (var e in g.Entries)
                o.WriteLine($"<tr><td>{E(ReportWording.DateLabel(e))}</td><td>{E(e.Date?.Precision.ToString().ToLowerInvariant() ?? "")}</td><td>{E(e.Summary)} {HtmlLinks([e.Evidence])}</td></tr>");
            o.WriteLine("</tbody></table>");
        }
        o.WriteLine("</section>");

        o.WriteLine("<section id=\"graph\"><h2>Entity graph</h2>");
        if (a.Graph.Edges.Count > 0) o.WriteLine(GraphSvg(a.Graph));
        o.WriteLine("<table><thead><tr><th>from</th><th>relation</th><th>to</th><th>claims</th></tr></thead><tbody>");
        var names = a.Graph.Nodes.ToDictionary(n => n.EntityId, n => n.Name, StringComparer.Ordinal);
        foreach (var edge in a.Graph.Edges)
            o.WriteLine($"<tr><td>{E(names.GetValueOrDefault(edge.Source, edge.Source))}</td><td>{E(ReportWording.Relation(edge))}</td><td>{E(names.GetValueOrDefault(edge.Target, edge.Target))}</td>" +
                        $"<td>{HtmlLinks(edge.ClaimIds.Where(claims.ContainsKey).Select(id => claims[id].Evidence))}</td></tr>");
        o.WriteLine("</tbody></table></section>");
    }

    private static void WriteProvisionsHtml(TextWriter o, AnalysisResult a, Dictionary<string, Claim> claims)
    {
        var matched = a.Assessments.Where(x => x.Provisions.Count > 0 && claims.ContainsKey(x.ClaimId)).ToList();
        o.WriteLine("<section id=\"provisions\"><h2>Provisions</h2>");
        if (matched.Count == 0) o.WriteLine("<p>No claim describes an act that a provision in the catalogue prohibits.</p>");
        else
        {
            o.WriteLine("<ul>");
            foreach (var x in matched)
                foreach (var m in x.Provisions)
                    o.WriteLine($"<li><strong>{E(m.Citation)}</strong>: {E(m.Reason)} {HtmlLinks([claims[x.ClaimId].Evidence])}</li>");
            o.WriteLine("</ul>");
        }
        var effects = RegimeEffects(a, claims);
        if (effects.Count > 0)
        {
            o.WriteLine("<h3>Bodies of the regime</h3><ul>");
            foreach (var e in effects)
                o.WriteLine($"<li><strong>{E(e.Body)}</strong> ({E(e.Citation)}): {E(e.Reason)} {HtmlLinks([claims[e.ClaimId].Evidence])}</li>");
            o.WriteLine("</ul>");
        }
        o.WriteLine("</section>");
    }

    /// <summary>What claims did to bodies of the regime (a veto ending the Panel of Experts), each once.</summary>
    private static List<RegimeEffect> RegimeEffects(AnalysisResult a, Dictionary<string, Claim> claims) =>
        a.Assessments.SelectMany(x => x.Affects).Where(e => claims.ContainsKey(e.ClaimId)).DistinctBy(e => (e.ClaimId, e.BodyId)).ToList();

    private static string HtmlLinks(IEnumerable<Span> spans) =>
        string.Join("", spans.Distinct().Select((s, i) => $"<a class=\"cite\" href=\"#{E(ReportView.MentionAnchor(s))}\">[{i + 1}]</a>"));

    // ---------- Markdown ----------

    public static void WriteMarkdown(TextWriter o, ReportView view)
    {
        var a = view.Analysis;
        if (a.Stories.Count == 0) return;
        var claims = a.Claims.ToDictionary(c => c.Id, StringComparer.Ordinal);
        string Links(IEnumerable<string> claimIds) => MarkdownLinks(view, claimIds.Where(claims.ContainsKey).Select(id => claims[id]));

        o.WriteLine("## Stories");
        o.WriteLine();
        foreach (var s in a.Stories.OrderByDescending(s => s.Corroboration.IndependentSources).ThenBy(s => s.Title, StringComparer.Ordinal))
        {
            o.WriteLine($"### {MarkdownReportWriter.Escape(s.Title)}");
            o.WriteLine();
            o.WriteLine($"{MarkdownReportWriter.Escape(StorySentence(s, a))} {Links(s.ClaimIds)}");
            foreach (var f in s.Corroboration.Figures.Where(f => f.IsConflict))
            {
                o.WriteLine();
                o.WriteLine($"Figures disagree: {MarkdownReportWriter.Escape(Corroborator.Describe(f))}.");
                foreach (var v in f.Values)
                    o.WriteLine($"- {MarkdownReportWriter.Escape(Corroborator.Format(v.Quantity))} {MarkdownReportWriter.Escape(f.Unit)}: {MarkdownReportWriter.Escape(string.Join("; ", v.Sources))} {Links(v.ClaimIds)}");
            }
            o.WriteLine();
        }

        var matched = a.Assessments.Where(x => x.Provisions.Count > 0 && claims.ContainsKey(x.ClaimId)).ToList();
        o.WriteLine("## Provisions");
        o.WriteLine();
        if (matched.Count == 0) o.WriteLine("No claim describes an act that a provision in the catalogue prohibits.");
        foreach (var x in matched)
            foreach (var m in x.Provisions)
                o.WriteLine($"- **{MarkdownReportWriter.Escape(m.Citation)}**: {MarkdownReportWriter.Escape(m.Reason)} {Links([x.ClaimId])}");
        o.WriteLine();
        var effects = RegimeEffects(a, claims);
        if (effects.Count > 0)
        {
            o.WriteLine("### Bodies of the regime");
            o.WriteLine();
            foreach (var e in effects)
                o.WriteLine($"- **{MarkdownReportWriter.Escape(e.Body)}** ({MarkdownReportWriter.Escape(e.Citation)}): {MarkdownReportWriter.Escape(e.Reason)} {Links([e.ClaimId])}");
            o.WriteLine();
        }

        o.WriteLine("## Timeline");
        foreach (var g in a.Timeline)
        {
            o.WriteLine();
            o.WriteLine($"### {MarkdownReportWriter.Escape(g.Title)}");
            o.WriteLine();
            foreach (var e in g.Entries)
                o.WriteLine($"- {MarkdownReportWriter.Escape(ReportWording.DateLabel(e))}: {MarkdownReportWriter.Escape(e.Summary)} {Links([e.ClaimId])}");
        }
        o.WriteLine();

        o.WriteLine("## Entity graph");
        o.WriteLine();
        var names = a.Graph.Nodes.ToDictionary(n => n.EntityId, n => n.Name, StringComparer.Ordinal);
        foreach (var edge in a.Graph.Edges)
            o.WriteLine($"- {MarkdownReportWriter.Escape(names.GetValueOrDefault(edge.Source, edge.Source))} — {MarkdownReportWriter.Escape(ReportWording.Relation(edge))} — " +
                        $"{MarkdownReportWriter.Escape(names.GetValueOrDefault(edge.Target, edge.Target))} {Links(edge.ClaimIds)}");
        o.WriteLine();
    }

    /// <summary>Numbered links to the documents, each titled with the quoted evidence and its offsets.</summary>
    private static string MarkdownLinks(ReportView view, IEnumerable<Claim> claims) =>
        string.Join("", claims.DistinctBy(c => c.Evidence).Select((c, i) =>
            $"[\\[{i + 1}\\]](#{ReportView.DocumentAnchor(c.DocumentId)} \"{Quote(view.DocumentLabel(c.DocumentId))}, {c.Evidence.Start}–{c.Evidence.End}: {Quote(Shorten(c.EvidenceText, 120))}\")"));

    private static string Quote(string s) => s.Replace("\"", "'").Replace('\n', ' ').Replace('\r', ' ').Replace("\\", "/");

    private static string Shorten(string s, int max) => s.Length <= max ? s : s[..max] + "…";

    // ---------- shared wording ----------

    /// <summary>"3 independent sources (NIS; Pentagon; Kyiv); confidence medium: denied by Russia."</summary>
    internal static string StorySentence(Story s, AnalysisResult a)
    {
        var c = s.Corroboration;
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"{s.DocumentIds.Count} {(s.DocumentIds.Count == 1 ? "document" : "documents")}, ");
        sb.Append(CultureInfo.InvariantCulture, $"{c.IndependentSources} independent {(c.IndependentSources == 1 ? "source" : "sources")}");
        if (c.Sources.Count > 0) sb.Append(" (").Append(string.Join("; ", c.Sources.Select(x => x.Label))).Append(')');
        if (c.Confidence is not null) sb.Append("; confidence ").Append(c.Confidence);
        var reasons = (c.Reasons ?? []).Where(r => !r.Contains("independent source") && !r.StartsWith("one source", StringComparison.Ordinal)).ToList();
        if (reasons.Count > 0) sb.Append(": ").Append(string.Join("; ", reasons));
        return sb.Append('.').ToString();
    }


    // ---------- charts (inline SVG, no scripts) ----------

    /// <summary>Bars of claims per month, from each claim's text date or, failing that, its publication date.</summary>
    internal static string ClaimsOverTimeSvg(AnalysisResult a)
    {
        var months = a.Timeline.SelectMany(g => g.Entries).Where(e => e.Date is not null)
            .GroupBy(e => (e.Date!.Value.Value.Year, e.Date!.Value.Value.Month))
            .OrderBy(g => g.Key).Select(g => (Label: $"{g.Key.Year:D4}-{g.Key.Month:D2}", Text: g.Count(e => e.DateSource == TimelineDateSource.Text), All: g.Count()))
            .ToList();
        if (months.Count == 0) return "<p>No claim has a date, in its text or by publication.</p>";
        const int barWidth = 28, gap = 8, height = 140, top = 20, bottom = 40;
        var max = months.Max(m => m.All);
        var width = months.Count * (barWidth + gap) + gap;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"chart\" role=\"img\" aria-label=\"claims per month\" width=\"{width}\" height=\"{height + top + bottom}\" viewBox=\"0 0 {width} {height + top + bottom}\">");
        for (var i = 0; i < months.Count; i++)
        {
            var (label, text, all) = months[i];
            var x = gap + i * (barWidth + gap);
            var hAll = (double)all / max * height;
            var hText = (double)text / max * height;
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x}\" y=\"{top + height - hAll:0.#}\" width=\"{barWidth}\" height=\"{hAll:0.#}\" fill=\"#b9c7e4\"><title>{E(label)}: {all} {(all == 1 ? "claim" : "claims")}, {text} dated by their text</title></rect>");
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x}\" y=\"{top + height - hText:0.#}\" width=\"{barWidth}\" height=\"{hText:0.#}\" fill=\"#3b5ba5\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x + barWidth / 2}\" y=\"{top + height - hAll - 4:0.#}\" font-size=\"11\" text-anchor=\"middle\">{all}</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x + barWidth / 2}\" y=\"{top + height + 14}\" font-size=\"10\" text-anchor=\"end\" transform=\"rotate(-45 {x + barWidth / 2} {top + height + 14})\">{E(label)}</text>");
        }
        svg.Append("</svg>");
        return svg + "<p class=\"legend\"><span class=\"key dark\"></span> dated by the text · <span class=\"key light\"></span> placed at the publication date</p>";
    }

    /// <summary>One horizontal bar per reported value, labelled with the value and who reports it.</summary>
    internal static string FiguresSvg(FigureSet f)
    {
        const int barHeight = 22, gap = 6, labelWidth = 150, maxBar = 420;
        var max = (double)f.Values.Max(v => v.Quantity.Value);
        var height = f.Values.Count * (barHeight + gap) + gap;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"chart\" role=\"img\" aria-label=\"{E(Corroborator.Describe(f))}\" width=\"{labelWidth + maxBar + 260}\" height=\"{height}\">");
        for (var i = 0; i < f.Values.Count; i++)
        {
            var v = f.Values[i];
            var y = gap + i * (barHeight + gap);
            var w = max <= 0 ? 0 : (double)v.Quantity.Value / max * maxBar;
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{labelWidth - 6}\" y=\"{y + 15}\" font-size=\"12\" text-anchor=\"end\">{E(Corroborator.Format(v.Quantity))} {E(f.Unit)}</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{labelWidth}\" y=\"{y}\" width=\"{w:0.#}\" height=\"{barHeight}\" fill=\"#c0392b\" opacity=\"0.75\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{labelWidth + w + 6:0.#}\" y=\"{y + 15}\" font-size=\"11\">{E(string.Join("; ", v.Sources))}</text>");
        }
        return svg.Append("</svg>").ToString();
    }

    /// <summary>Parties on a circle, relations as lines (arrows for directed ones), most connected parties first.</summary>
    internal static string GraphSvg(EntityGraph g)
    {
        var nodes = g.Nodes.Where(n => g.Edges.Any(e => e.Source == n.EntityId || e.Target == n.EntityId)).Take(40).ToList();
        if (nodes.Count == 0) return "";
        const int size = 520, r = 190, c = size / 2;
        var pos = nodes.Select((n, i) => (n.EntityId, X: c + r * Math.Cos(2 * Math.PI * i / nodes.Count - Math.PI / 2), Y: c + r * Math.Sin(2 * Math.PI * i / nodes.Count - Math.PI / 2)))
            .ToDictionary(p => p.EntityId, p => (p.X, p.Y), StringComparer.Ordinal);
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"chart graph\" role=\"img\" aria-label=\"entity graph\" width=\"{size + 200}\" height=\"{size}\" viewBox=\"-100 0 {size + 200} {size}\">");
        svg.Append("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"18\" refY=\"5\" markerWidth=\"6\" markerHeight=\"6\" orient=\"auto-start-reverse\"><path d=\"M 0 0 L 10 5 L 0 10 z\" fill=\"#555\"/></marker></defs>");
        foreach (var e in g.Edges.Where(e => pos.ContainsKey(e.Source) && pos.ContainsKey(e.Target)))
        {
            var (x1, y1) = pos[e.Source];
            var (x2, y2) = pos[e.Target];
            var colour = e.Relation == "denial" ? "#999" : "#555";
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{x1:0.#}\" y1=\"{y1:0.#}\" x2=\"{x2:0.#}\" y2=\"{y2:0.#}\" stroke=\"{colour}\" stroke-width=\"{1 + Math.Min(4, e.ClaimIds.Count - 1)}\"{(e.Directed ? " marker-end=\"url(#arrow)\"" : "")}{(e.Relation == "denial" ? " stroke-dasharray=\"4 3\"" : "")}><title>{E(ReportWording.Relation(e))} ({e.ClaimIds.Count} claims)</title></line>");
        }
        foreach (var n in nodes)
        {
            var (x, y) = pos[n.EntityId];
            svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{x:0.#}\" cy=\"{y:0.#}\" r=\"7\" fill=\"#3b5ba5\"/><text x=\"{x:0.#}\" y=\"{y - 11:0.#}\" font-size=\"11\" text-anchor=\"middle\">{E(n.Name)}</text>");
        }
        return svg.Append("</svg>").ToString();
    }

    public const string Css = """
        .story{border-left:3px solid #3b5ba5;padding-left:.8em;margin:1em 0}.confidence{font-size:.7em;padding:.1em .5em;border-radius:.6em;background:#eee;font-weight:normal}
        .confidence.high{background:#d4f0d4}.confidence.medium{background:#fff1c2}.confidence.low{background:#f7d4d4}.conflict{color:#c0392b}
        .cite{font-size:.8em;vertical-align:super;text-decoration:none;margin-left:.1em}.chart{display:block;margin:.5em 0;font-family:system-ui,sans-serif}
        .legend{font-size:.85em;color:#555}.key{display:inline-block;width:.9em;height:.9em;vertical-align:middle}.key.dark{background:#3b5ba5}.key.light{background:#b9c7e4}
        """;
}
