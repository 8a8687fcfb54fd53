using System.Globalization;
using System.Reflection;
using System.Text;
using Vigil.Model;
using Vigil.Reporting;
using Vigil.Screening;
using Vigil.Server.Api;
using Vigil.Server.Hosting;
using Vigil.Storage.Reviews;
using static Vigil.Server.Ui.Html;

namespace Vigil.Server.Ui;

/// <summary>
/// The web UI: server-rendered pages over the same queries as the API, plus one small script
/// (ingest progress, review buttons). A strict Content-Security-Policy allows scripts from this
/// server only, so even a mistake in escaping could not run a document's script.
/// </summary>
internal static class UiEndpoints
{
    private const string Csp = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public static void Map(IEndpointRouteBuilder app)
    {
        var ui = app.MapGroup("").ExcludeFromDescription().RequireRateLimiting(RateLimits.Read);
        ui.MapGet("/", (Backend b, CatalogHolder c) => Page(Dashboard(b, c)));
        ui.MapGet("/claims", (HttpRequest r, Backend b) => Page(Claims(r, b)));
        ui.MapGet("/entity", (string? q, string? schema, Backend b, CatalogHolder c) => Page(EntityList(q, schema, b, c)));
        ui.MapGet("/entity/{id}", (string id, Backend b, CatalogHolder c) => Page(EntityPage(id, b, c)));
        ui.MapGet("/document/{id}", (string id, Backend b) => Page(DocumentPage(id, b)));
        ui.MapGet("/timeline", (Backend b) => Page(Timeline(b)));
        ui.MapGet("/screening", (HttpRequest r, CatalogHolder c) => Page(Screening(r, c)));
        ui.MapGet("/ingest", (Backend b) => Page(Ingest(b)));
        ui.MapGet("/reviews", (Backend b) => Page(Reviews(b)));
        ui.MapGet("/ui/app.js", () => Asset("app.js", "text/javascript; charset=utf-8"));
        ui.MapGet("/ui/site.css", () => Asset("site.css", "text/css; charset=utf-8"));
    }

    private static IResult Page((string Title, string Active, string Body, int Status) page) =>
        new HtmlResult(Html.Page(page.Title, page.Active, page.Body), page.Status);

    private sealed class HtmlResult(string html, int status) : IResult
    {
        public Task ExecuteAsync(HttpContext ctx)
        {
            ctx.Response.StatusCode = status;
            ctx.Response.ContentType = "text/html; charset=utf-8";
            ctx.Response.Headers.ContentSecurityPolicy = Csp;
            ctx.Response.Headers.XFrameOptions = "DENY";
            return ctx.Response.WriteAsync(html);
        }
    }

    private static IResult Asset(string name, string type)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"Vigil.Server.Ui.{name}")
            ?? throw new InvalidOperationException($"UI asset {name} is missing from the build.");
        using var reader = new StreamReader(stream);
        return Results.Text(reader.ReadToEnd(), type);
    }

    private static (string, string, string, int) Dashboard(Backend b, CatalogHolder lists)
    {
        var a = b.Analysis();
        var q = new AnalysisQueries(a);
        var suppressed = AnalysisQueries.Suppressed(b.Reviews, lists);
        var sb = new StringBuilder();
        sb.Append($"<section class=\"counts\"><div><b>{E(a.Documents.Count)}</b> documents</div><div><b>{E(a.Entities.Count)}</b> entities</div><div><b>{E(a.Claims.Count)}</b> claims</div><div><b>{E(a.Stories.Count)}</b> stories</div>")
          .Append($"<div><b>{E(a.Entities.Count(e => HitReviews.SplitHits(e, suppressed).Active.Any(h => h.IsMatch)))}</b> entities with sanctions hits</div></section>");
        sb.Append("<h2>Stories</h2>");
        sb.Append(Table(["story", "documents", "claims", "independent sources", "conflicts"],
            a.Stories.OrderByDescending(s => s.Corroboration.IndependentSources).Select(s => new[]
            {
                $"<span class=\"story\">{E(s.Title)}</span>", E(s.DocumentIds.Count), $"<a href=\"/claims?story={U(s.Id)}\">{E(s.ClaimIds.Count)}</a>",
                E(s.Corroboration.IndependentSources), E(string.Join("; ", s.Corroboration.Conflicts)),
            }), "stories"));
        sb.Append("<h2>Sanctioned entities</h2>");
        sb.Append(Table(["entity", "schema", "mentions", "best hit"],
            a.Entities.Select(e => (e, hits: HitReviews.SplitHits(e, suppressed).Active)).Where(x => x.hits.Any(h => h.IsMatch))
                .OrderByDescending(x => x.hits.Max(h => h.Score)).Take(50)
                .Select(x => new[] { EntityLink(x.e), E(x.e.Schema.ToString()), E(x.e.Mentions.Count), HitLabel(x.hits.MaxBy(h => h.Score)!) }), "sanctioned"));
        sb.Append("<h2>Documents</h2>");
        sb.Append(Table(["title", "language", "published", "chars"],
            a.Documents.OrderByDescending(d => d.Published).Select(d => new[] { DocLink(d), E(d.Lang), E(d.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), E(d.Chars) }), "documents"));
        _ = q;
        return ("Dashboard", "Dashboard", sb.ToString(), 200);
    }

    private static (string, string, string, int) Claims(HttpRequest r, Backend b)
    {
        var a = b.Analysis();
        var q = new AnalysisQueries(a);
        string? P(string k) => r.Query[k].ToString() is { Length: > 0 } v ? v : null;
        int? minSources = int.TryParse(P("min_sources"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var m) ? m : null;
        var filter = new ClaimFilter(P("type"), P("stance"), P("lang"), P("from"), P("to"), minSources, P("q"), P("entity"));
        IEnumerable<Claim> claims = q.Claims(filter);
        if (P("story") is { } storyId && a.Stories.FirstOrDefault(s => s.Id == storyId) is { } story)
            claims = claims.Where(c => story.ClaimIds.Contains(c.Id));
        var list = claims.ToList();
        var sb = new StringBuilder("<form method=\"get\" class=\"filters\" id=\"claim-filters\">");
        sb.Append(Select("type", "Type", Enum.GetValues<ClaimType>().Select(t => t.ToWire()), filter.Type))
          .Append(Select("stance", "Stance", Enum.GetValues<Stance>().Select(s => s.ToWire()), filter.Stance))
          .Append(Select("lang", "Language", a.Documents.Select(d => d.Lang).OfType<string>().Distinct().Order(StringComparer.Ordinal), filter.Lang))
          .Append(Input("from", "From", filter.From, placeholder: "2024-06"))
          .Append(Input("to", "To", filter.To, placeholder: "2024-12-31"))
          .Append(Input("min_sources", "Min. sources", minSources?.ToString(CultureInfo.InvariantCulture), "number"))
          .Append(Input("q", "Text", filter.Text))
          .Append("<button type=\"submit\">Filter</button></form>");
        sb.Append($"<p class=\"muted\">{E(list.Count)} claims</p>");
        sb.Append(Table(["date", "type", "stance", "actors", "attribution", "sources", "evidence"], list.Select(c => new[]
        {
            E(q.DateOf(c)), E(c.Type.ToWire()), $"<span class=\"stance {E(c.Stance.ToWire())}\">{E(c.Stance.ToWire())}</span>",
            E(string.Join(", ", c.Actors)), E(c.Attribution), E(q.SourcesOf(c)),
            $"<q>{E(Clip(c.EvidenceText, 300))}</q> {(q.Document(c.DocumentId) is { } d ? DocLink(d, "source") : "")}",
        }), "claims"));
        return ("Claims", "Claims", sb.ToString(), 200);
    }

    private static (string, string, string, int) EntityList(string? text, string? schema, Backend b, CatalogHolder lists)
    {
        var q = new AnalysisQueries(b.Analysis());
        var suppressed = AnalysisQueries.Suppressed(b.Reviews, lists);
        var sb = new StringBuilder("<form method=\"get\" class=\"filters\">");
        sb.Append(Input("q", "Name", text)).Append(Select("schema", "Schema", Enum.GetNames<EntitySchema>(), schema)).Append("<button type=\"submit\">Search</button></form>");
        sb.Append(Table(["entity", "schema", "aliases", "mentions", "hits"], q.Entities(text, schema).Take(500).Select(e => new[]
        {
            EntityLink(e), E(e.Schema.ToString()), E(string.Join(", ", e.Aliases.Take(5))), E(e.Mentions.Count),
            E(HitReviews.SplitHits(e, suppressed).Active.Count(h => h.IsMatch)),
        }), "entities"));
        return ("Entities", "Entities", sb.ToString(), 200);
    }

    private static (string, string, string, int) EntityPage(string id, Backend b, CatalogHolder lists)
    {
        var a = b.Analysis();
        var q = new AnalysisQueries(a);
        if (q.Entity(id) is not { } e) return ("Entity not found", "Entities", $"<p>No entity with id <code>{E(id)}</code>. <a href=\"/entity\">All entities</a>.</p>", 404);
        var reviews = b.Reviews.History(e.Id);
        var (active, suppressed) = HitReviews.SplitHits(e, AnalysisQueries.Suppressed(b.Reviews, lists, e.Id));
        var sb = new StringBuilder();
        sb.Append($"<p class=\"meta\"><span class=\"schema\">{E(e.Schema.ToString())}</span> <span class=\"entity-name\">{E(e.Name)}</span>");
        if (e.Aliases.Count > 0) sb.Append($" · also: {E(string.Join(", ", e.Aliases))}");
        sb.Append("</p>");
        sb.Append("<h2>Sanctions hits</h2><p><label>Reviewer <input id=\"reviewer\" placeholder=\"your name\"></label> <label>Note <input id=\"review-note\"></label></p>");
        sb.Append(Table(["list", "entry", "score", "match", "explanation", "review"], active.Select(h => new[]
        {
            E(h.List), E($"{h.ListId} {h.Name}"), Num(h.Score), h.IsMatch ? "<b>match</b>" : "candidate",
            E(h.Explanation) + FeatureList(h),
            ReviewButton(e.Id, h, ReviewVerdicts.FalsePositive, "Mark false positive") + ReviewButton(e.Id, h, ReviewVerdicts.Confirmed, "Confirm"),
        }), "hits"));
        if (suppressed.Count > 0)
        {
            sb.Append("<h3>Marked false positive</h3>");
            sb.Append(Table(["list", "entry", "score", "review"], suppressed.Select(h => new[]
                { E(h.List), E($"{h.ListId} {h.Name}"), Num(h.Score), ReviewButton(e.Id, h, ReviewVerdicts.Reopened, "Reopen") }), "suppressed"));
        }
        if (reviews.Count > 0)
        {
            sb.Append("<h3>Review trail</h3>");
            sb.Append(Table(["when", "reviewer", "hit", "verdict", "note"], reviews.Select(r => new[]
                { E(r.At.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture)), E(r.Reviewer), E($"{r.List} {r.ListId}"), E(r.Verdict), E(r.Note) }), "review-trail"));
        }
        sb.Append("<h2>Graph</h2>").Append(Graph(e, q.Neighbours(e, 12))).Append(Relations(e, q));
        sb.Append("<h2>Mentions</h2><ul class=\"mentions\">");
        foreach (var m in e.Mentions.Take(200))
        {
            var d = q.Document(m.Span.DocumentId);
            sb.Append("<li>").Append(d is null ? E(m.Text) : Snippet(d, m.Span)).Append(' ').Append(d is null ? "" : DocLink(d)).Append("</li>");
        }
        sb.Append("</ul><h2>Claims</h2>");
        sb.Append(Table(["date", "type", "stance", "evidence"], q.Claims(new ClaimFilter(Entity: e.Id)).Select(c => new[]
            { E(q.DateOf(c)), E(c.Type.ToWire()), E(c.Stance.ToWire()), $"<q>{E(Clip(c.EvidenceText, 300))}</q>" }), "entity-claims"));
        return (e.Name, "Entities", sb.ToString(), 200);
    }

    private static (string, string, string, int) DocumentPage(string id, Backend b)
    {
        if (b.Read(s => s.GetDocument(id)) is not { } d) return ("Document not found", "Dashboard", $"<p>No document with id <code>{E(id)}</code>.</p>", 404);
        var q = new AnalysisQueries(b.Analysis());
        var sb = new StringBuilder("<dl class=\"meta\">");
        sb.Append($"<dt>Source</dt><dd>{E(d.Source)}</dd><dt>URL</dt><dd>{ExternalLink(d.Url)}</dd><dt>Outlet</dt><dd>{E(d.Outlet)}</dd>")
          .Append($"<dt>Language</dt><dd>{E(d.Lang)}</dd><dt>Published</dt><dd>{E(d.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))}</dd><dt>Characters</dt><dd>{E(d.Chars)}</dd></dl>");
        sb.Append("<h2>Claims</h2>").Append(Table(["type", "stance", "evidence"], q.Analysis.Claims.Where(c => c.DocumentId == d.Id).Select(c => new[]
            { E(c.Type.ToWire()), E(c.Stance.ToWire()), $"<q>{E(Clip(c.EvidenceText, 300))}</q>" }), "document-claims"));
        sb.Append($"<h2>Text</h2><pre class=\"doc\" id=\"document-text\">{E(d.Text)}</pre>");
        return (d.Title ?? d.Source, "Dashboard", sb.ToString(), 200);
    }

    /// <summary>Each story's claims in date order, with the precision the text gives and where the date comes from.</summary>
    private static (string, string, string, int) Timeline(Backend b)
    {
        var q = new AnalysisQueries(b.Analysis());
        var claims = q.Analysis.Claims.ToDictionary(c => c.Id, StringComparer.Ordinal);
        var sb = new StringBuilder("<div id=\"timeline\">");
        if (q.Analysis.Timeline.Count == 0) sb.Append("<p class=\"muted\">No claims yet: ingest documents and run the analysis.</p>");
        foreach (var g in q.Analysis.Timeline)
        {
            sb.Append($"<section class=\"story-timeline\"><h2>{E(g.Title)}</h2><ol class=\"timeline\">");
            foreach (var e in g.Entries)
            {
                var c = claims.GetValueOrDefault(e.ClaimId);
                var precision = e.Date?.Precision.ToString().ToLowerInvariant();
                sb.Append($"<li><time class=\"{E(e.DateSource.ToString().ToLowerInvariant())}\"{(precision is null ? "" : $" title=\"{E(precision)} precision\"")}>{E(ReportWording.DateLabel(e))}</time> ")
                  .Append($"<span class=\"type\">{E(e.Type.ToWire())}</span> ");
                if (c is not null) sb.Append($"<span class=\"stance {E(c.Stance.ToWire())}\">{E(c.Stance.ToWire())}</span> ");
                sb.Append($"{E(e.Summary)}");
                if (c is not null) sb.Append($": <q>{E(Clip(c.EvidenceText, 240))}</q>");
                if (q.Document(e.Evidence.DocumentId) is { } d) sb.Append(' ').Append(DocLink(d, "source"));
                sb.Append("</li>");
            }
            sb.Append("</ol></section>");
        }
        sb.Append("</div>");
        return ("Timeline", "Timeline", sb.ToString(), 200);
    }

    private static (string, string, string, int) Screening(HttpRequest r, CatalogHolder holder)
    {
        string? P(string k) => r.Query[k].ToString() is { Length: > 0 } v ? v : null;
        var name = P("name");
        var sb = new StringBuilder("<form method=\"get\" class=\"filters\" id=\"screen-form\">");
        sb.Append(Input("name", "Name", name, placeholder: "Kim Jong Un")).Append(Select("schema", "Schema", Enum.GetNames<EntitySchema>().Where(s => s != "Location"), P("schema")))
          .Append(Input("birth_date", "Born", P("birth_date"), placeholder: "1984")).Append(Input("country", "Country", P("country"), placeholder: "kp"))
          .Append("<button type=\"submit\">Screen</button></form>");
        if (name is not null)
        {
            var catalog = holder.Catalog;
            EntitySchema? schema = Enum.TryParse<EntitySchema>(P("schema"), true, out var s) ? s : null;
            FuzzyDate? birth = FuzzyDate.TryParse(P("birth_date"), out var bd) ? bd : null;
            var hits = catalog.Screen(new ScreeningQuery(name.Trim(), schema, birth, P("country")), ScreeningCatalog.AllDatasets, 20, 0.5);
            sb.Append($"<p class=\"muted\">{E(hits.Count)} candidates in {E(catalog.Entries.Count)} list entries</p>");
            sb.Append(Table(["list", "entry", "name", "score", "match", "programs", "why"], hits.Select(h => new[]
            {
                E(h.List), $"<a href=\"/entities/{U(catalog.IdOf(h) ?? "")}\">{E(h.ListId)}</a>", E(h.Name), Num(h.Score), h.IsMatch ? "<b>match</b>" : "candidate",
                E(string.Join(", ", h.Programs)), E(h.Explanation) + FeatureList(h),
            }), "screen-results"));
            if (catalog.Problems.Count > 0)
                sb.Append("<ul class=\"problems\">").Append(string.Concat(catalog.Problems.Select(p => $"<li>{E(p.File)}: {E(p.Message)}</li>"))).Append("</ul>");
        }
        return ("Screening", "Screening", sb.ToString(), 200);
    }

    private static (string, string, string, int) Ingest(Backend b)
    {
        var sb = new StringBuilder();
        sb.Append("<section class=\"ingest\"><form id=\"upload-form\"><h2>Upload files</h2><input type=\"file\" id=\"upload-files\" name=\"files\" multiple> <button type=\"submit\">Upload and ingest</button></form>");
        sb.Append("<form id=\"url-form\"><h2>Paste URLs</h2><textarea id=\"urls\" rows=\"4\" placeholder=\"one URL or feed per line\"></textarea><br><button type=\"submit\">Ingest URLs</button></form>");
        sb.Append("<form id=\"analyze-form\"><h2>Analysis</h2><button type=\"submit\">Re-analyse all documents</button></form></section>");
        sb.Append("<h2>Progress</h2><ul id=\"progress\"></ul>");
        sb.Append("<h2>Recent jobs</h2>").Append(Table(["job", "kind", "status", "attempts", "worker", "progress", "result"], b.Jobs.List(30).Select(j => new[]
            { $"<code>{E(j.Id[..Math.Min(8, j.Id.Length)])}</code>", E(j.Kind), E(j.Status.ToString().ToLowerInvariant()), E(j.Attempts), E(j.Worker), E(j.Progress), E(j.Error ?? j.Result) }), "jobs"));
        return ("Ingest", "Ingest", sb.ToString(), 200);
    }

    private static (string, string, string, int) Reviews(Backend b)
    {
        var names = b.Analysis().Entities.ToDictionary(e => e.Id, e => e.Name, StringComparer.Ordinal);
        var trail = b.Reviews.History().Reverse();
        return ("Review trail", "Reviews", Table(["when", "reviewer", "entity", "hit", "verdict", "note"], trail.Select(r => new[]
        {
            E(r.At.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture)), E(r.Reviewer),
            $"<a href=\"/entity/{U(r.EntityId)}\">{E(names.GetValueOrDefault(r.EntityId, r.EntityId))}</a>", E($"{r.List} {r.ListId}"), E(r.Verdict), E(r.Note),
        }), "reviews"), 200);
    }

    /// <summary>The relations claims state between this entity and others ("supplied arms to", "met"), each with its evidence.</summary>
    private static string Relations(Entity e, AnalysisQueries q)
    {
        var graph = q.Analysis.Graph;
        var edges = graph.Edges.Where(x => x.Source == e.Id || x.Target == e.Id).ToList();
        if (edges.Count == 0) return "";
        var names = graph.Nodes.ToDictionary(n => n.EntityId, n => n.Name, StringComparer.Ordinal);
        var claims = q.Analysis.Claims.ToDictionary(c => c.Id, StringComparer.Ordinal);
        string Party(string id) => q.Entity(id) is { } other ? EntityLink(other) : E(names.GetValueOrDefault(id, id));
        return "<h3>Relations stated by claims</h3>" + Table(["from", "relation", "to", "claims"], edges.Select(x => new[]
        {
            Party(x.Source), E(ReportWording.Relation(x)), Party(x.Target),
            string.Join(" ", x.ClaimIds.Where(claims.ContainsKey).Select(id => claims[id]).Select(c =>
                q.Document(c.DocumentId) is { } d ? $"<a href=\"/document/{U(d.Id)}\" title=\"{E(Clip(c.EvidenceText, 200))}\">{E(c.Type.ToWire())}</a>" : E(c.Type.ToWire()))),
        }), "relations");
    }

    private static string EntityLink(Entity e) => $"<a href=\"/entity/{U(e.Id)}\">{E(e.Name)}</a>";

    private static string DocLink(Document d, string? label = null) => $"<a href=\"/document/{U(d.Id)}\">{E(label ?? d.Title ?? d.Source)}</a>";

    private static string HitLabel(SanctionHit h) => $"{E(h.List)} {E(h.ListId)} {E(h.Name)} ({Num(h.Score)})";

    private static string FeatureList(SanctionHit h) => h.Features.Count == 0 ? "" :
        "<ul class=\"features\">" + string.Concat(h.Features.Select(f => $"<li>{E(f.Name)} {Num(f.Value)}: {E(f.Detail)}</li>")) + "</ul>";

    private static string ReviewButton(string entity, SanctionHit h, string verdict, string label) =>
        $"<button type=\"button\" class=\"review\" data-entity=\"{E(entity)}\" data-list=\"{E(h.List)}\" data-list-id=\"{E(h.ListId)}\" data-verdict=\"{E(verdict)}\">{E(label)}</button>";

    private static string Clip(string text, int max) => text.Length <= max ? text : text[..max] + "…";

    private static string Snippet(Document d, Span span)
    {
        var start = Math.Clamp(span.Start, 0, d.Text.Length);
        var end = Math.Clamp(span.End, start, d.Text.Length);
        var from = Math.Max(0, start - 80);
        var to = Math.Min(d.Text.Length, end + 80);
        return $"…{E(d.Text[from..start])}<mark>{E(d.Text[start..end])}</mark>{E(d.Text[end..to])}…";
    }

    /// <summary>The entity amid its neighbours: an SVG star, edge width by shared documents.</summary>
    private static string Graph(Entity center, IReadOnlyList<Neighbour> neighbours)
    {
        const double W = 720, H = 420, R = 160;
        var sb = new StringBuilder($"<svg class=\"graph\" id=\"graph\" viewBox=\"0 0 {W} {H}\" width=\"{W}\" height=\"{H}\" role=\"img\" aria-label=\"entity graph\">");
        var (cx, cy) = (W / 2, H / 2);
        for (var i = 0; i < neighbours.Count; i++)
        {
            var n = neighbours[i];
            var angle = 2 * Math.PI * i / Math.Max(1, neighbours.Count);
            var (x, y) = (cx + R * 1.6 * Math.Cos(angle), cy + R * Math.Sin(angle));
            var width = Math.Min(6, 1 + n.SharedDocuments + n.SharedClaims);
            sb.Append(string.Create(CultureInfo.InvariantCulture, $"<line x1=\"{cx:0}\" y1=\"{cy:0}\" x2=\"{x:0}\" y2=\"{y:0}\" stroke-width=\"{width}\"/>"));
            sb.Append(string.Create(CultureInfo.InvariantCulture, $"<a href=\"/entity/{U(n.Id)}\"><circle cx=\"{x:0}\" cy=\"{y:0}\" r=\"7\" class=\"{E(n.Schema.ToLowerInvariant())}\"/><text x=\"{x:0}\" y=\"{y + 20:0}\">{E(Clip(n.Name, 28))}</text></a>"));
        }
        sb.Append(string.Create(CultureInfo.InvariantCulture, $"<circle cx=\"{cx:0}\" cy=\"{cy:0}\" r=\"11\" class=\"center\"/><text x=\"{cx:0}\" y=\"{cy - 18:0}\" class=\"center\">{E(Clip(center.Name, 40))}</text></svg>"));
        if (neighbours.Count == 0) sb.Append("<p class=\"muted\">No other entity is named in the same documents.</p>");
        return sb.ToString();
    }
}
