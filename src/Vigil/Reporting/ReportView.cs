using Vigil.Model;

namespace Vigil.Reporting;

/// <summary>
/// What the human-readable reports share: documents by id, quoting a span in its context,
/// anchors, and an order for entities (sanctioned first, then by how often they are mentioned).
/// </summary>
internal sealed class ReportView(AnalysisResult analysis)
{
    private readonly Dictionary<string, Document> _documents = analysis.Documents.ToDictionary(d => d.Id);

    public AnalysisResult Analysis => analysis;

    public Document? DocumentOf(Span span) => _documents.GetValueOrDefault(span.DocumentId);

    public IEnumerable<Entity> EntitiesInReportOrder =>
        analysis.Entities
            .OrderByDescending(e => e.Sanctions.Any(h => h.IsMatch))
            .ThenByDescending(e => e.Mentions.Count)
            .ThenBy(e => e.Name, StringComparer.Ordinal);

    public static string DocumentAnchor(string documentId) => "doc-" + documentId;

    public static string MentionAnchor(Span span) => $"m-{span.DocumentId}-{span.Start}-{span.End}";

    public string DocumentLabel(string documentId) =>
        _documents.TryGetValue(documentId, out var d) ? (d.Title ?? Path.GetFileName(d.Source)) : documentId;

    /// <summary>The words before, the span itself and the words after, cut at whitespace.</summary>
    public (string Before, string Text, string After) Context(Span span, int width = 70)
    {
        if (DocumentOf(span) is not { } doc || span.End > doc.Text.Length) return ("", "", "");
        var from = Math.Max(0, span.Start - width);
        var to = Math.Min(doc.Text.Length, span.End + width);
        while (from > 0 && !char.IsWhiteSpace(doc.Text[from - 1]) && span.Start - from < width + 20) from--;
        while (to < doc.Text.Length && !char.IsWhiteSpace(doc.Text[to]) && to - span.End < width + 20) to++;
        static string Flat(string s) => s.Replace('\n', ' ').Replace('\r', ' ');
        return ((from > 0 ? "…" : "") + Flat(doc.Text[from..span.Start]), Flat(doc.Text[span.Start..span.End]),
                Flat(doc.Text[span.End..to]) + (to < doc.Text.Length ? "…" : ""));
    }
}
