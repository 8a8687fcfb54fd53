using System.Text.Json;
using Vigil.Model;
using Vigil.Model.Wire;
using Vigil.Screening;
using Vigil.Server.Hosting;
using Vigil.Storage.Jobs;
using Vigil.Storage.Reviews;

namespace Vigil.Server.Api;

/// <summary>Request body of POST /api/screen.</summary>
public sealed record ScreenRequest(string? Name, string? Schema = null, string? BirthDate = null, string? Country = null, int? Limit = null, double? MinScore = null);

/// <summary>One hit as /api/screen returns it: the hit in the DESIGN.md shape plus the list entry's yente id.</summary>
public sealed record ScreenHitDto(string EntityId, string List, string ListId, string Name, double Score, bool Match, List<string> Programs, string Explanation, List<FeatureDto> Features);

/// <summary>Request body of POST /api/reviews.</summary>
public sealed record ReviewRequest(string? Entity, string? List, string? ListId, string? Verdict, string? Reviewer, string? Note);

/// <summary>Request body of POST /api/ingest/urls.</summary>
public sealed record IngestUrlsRequest(List<string>? Urls);

/// <summary>A job as the API shows it.</summary>
public sealed record JobDto(string Id, string Kind, string Status, int Attempts, string? Worker, DateTimeOffset CreatedAt, DateTimeOffset? FinishedAt, string? Progress, string? Result, string? Error)
{
    public static JobDto From(Job j) => new(j.Id, j.Kind, j.Status.ToString().ToLowerInvariant(), j.Attempts, j.Worker, j.CreatedAt, j.FinishedAt, j.Progress, j.Result, j.Error);
}

/// <summary>
/// Vigil's own REST API under /api: the stored analysis (documents, entities, claims, stories),
/// reports, screening, reviewers' decisions on hits, and ingest through the job queue.
/// Errors are RFC 7807 problem documents with a "detail" that names the input and the fix.
/// </summary>
internal static class ApiEndpoints
{
    public const int MaxUrlsPerRequest = 100;

    public static void Map(IEndpointRouteBuilder app)
    {
        var read = app.MapGroup("/api").WithTags("analysis").RequireRateLimiting(RateLimits.Read);
        read.MapGet("/analysis", (Backend b, CatalogHolder c) => Reports.Render("json", HitReviews.WithoutSuppressed(b.Analysis(), AnalysisQueries.Suppressed(b.Reviews, c))))
            .WithSummary("The stored analysis, as `vigil analyze --format json` writes it").Produces<AnalysisDto>();
        read.MapGet("/documents", (Backend b) => b.Analysis().Documents.Select(DocumentDto.From).ToList()).WithSummary("Stored documents");
        read.MapGet("/documents/{id}", (string id, Backend b) =>
            b.Read(s => s.GetDocument(id)) is { } d
                ? Results.Ok(new { document = DocumentDto.From(d), text = d.Text })
                : NotFound($"No document with id '{id}'. GET /api/documents lists them."))
            .WithSummary("One document with its cleaned text");
        read.MapGet("/entities", (string? q, string? schema, bool? sanctioned, Backend b, CatalogHolder c) =>
        {
            var suppressed = AnalysisQueries.Suppressed(b.Reviews, c);
            return new AnalysisQueries(b.Analysis()).Entities(q, schema, sanctioned).Select(e => EntityDto.From(HitReviews.WithoutSuppressed(e, suppressed))).ToList();
        }).WithSummary("Entities, most mentioned first; filter by name (q), schema, sanctioned");
        read.MapGet("/entities/{id}", (string id, Backend b, CatalogHolder c) =>
        {
            var queries = new AnalysisQueries(b.Analysis());
            if (queries.Entity(id) is not { } e) return NotFound($"No entity with id '{id}'. GET /api/entities lists them.");
            var (active, suppressed) = HitReviews.SplitHits(e, AnalysisQueries.Suppressed(b.Reviews, c, e.Id));
            return Results.Ok(new
            {
                entity = EntityDto.From(e with { Sanctions = active }),
                suppressed = suppressed.Select(SanctionDto.From).ToList(),
                reviews = b.Reviews.History(e.Id),
                neighbours = queries.Neighbours(e),
                claims = queries.Claims(new ClaimFilter(Entity: e.Id)).Select(ClaimDto.From).ToList(),
            });
        }).WithSummary("One entity: mentions, hits in force, suppressed hits with their review trail, neighbours, claims");
        read.MapGet("/claims", (string? type, string? stance, string? lang, string? from, string? to, [Microsoft.AspNetCore.Mvc.FromQuery(Name = "min_sources")] int? minSources, string? q, string? entity, Backend b) =>
        {
            if (type is not null && !Enum.GetValues<ClaimType>().Any(t => t.ToWire() == type))
                return BadRequest($"Unknown claim type '{type}'. Use one of: {string.Join(", ", Enum.GetValues<ClaimType>().Select(t => t.ToWire()))}.");
            if (stance is not null && !Enum.GetValues<Stance>().Any(s => s.ToWire() == stance))
                return BadRequest($"Unknown stance '{stance}'. Use one of: {string.Join(", ", Enum.GetValues<Stance>().Select(s => s.ToWire()))}.");
            foreach (var (name, value) in new[] { ("from", from), ("to", to) })
                if (value is not null && !FuzzyDate.TryParse(value, out _)) return BadRequest($"'{name}' must be a date such as 2024, 2024-06 or 2024-06-19, not '{value}'.");
            return Results.Ok(new AnalysisQueries(b.Analysis()).Claims(new ClaimFilter(type, stance, lang, from, to, minSources, q, entity)).Select(ClaimDto.From).ToList());
        }).WithSummary("Claims; filter by type, stance, document language, date range, minimum independent sources, text, entity");
        read.MapGet("/stories", (Backend b) => b.Analysis().Stories.Select(StoryDto.From).ToList()).WithSummary("Stories with their corroboration");
        read.MapGet("/stories/{id}", (string id, Backend b) =>
            b.Analysis().Stories.FirstOrDefault(s => s.Id == id) is { } s ? Results.Ok(StoryDto.From(s)) : NotFound($"No story with id '{id}'. GET /api/stories lists them."))
            .WithSummary("One story");
        read.MapGet("/timeline", (Backend b) => new AnalysisQueries(b.Analysis()).Timeline().Select(x => new { date = x.Date, claim = ClaimDto.From(x.Claim) }).ToList())
            .WithSummary("Claims in date order");
        read.MapGet("/reports/{format}", (string format, Backend b, CatalogHolder c) => Reports.Render(format, HitReviews.WithoutSuppressed(b.Analysis(), AnalysisQueries.Suppressed(b.Reviews, c))))
            .WithSummary("The report of the stored analysis: json, md or html (as `vigil analyze --format` writes it)");
        read.MapGet("/counts", (Backend b) => b.Read(s => s.Count())).WithSummary("Row counts of the store");

        var screen = app.MapGroup("/api").WithTags("screening").RequireRateLimiting(RateLimits.Read);
        screen.MapPost("/screen", (ScreenRequest? body, CatalogHolder c) => Screen(body, c)).WithSummary("Screens one name against every loaded list, with the reason for each hit");
        screen.MapGet("/screen", (string? name, string? schema, [Microsoft.AspNetCore.Mvc.FromQuery(Name = "birth_date")] string? birthDate, string? country, CatalogHolder c) => Screen(new ScreenRequest(name, schema, birthDate, country), c))
            .WithSummary("Screens one name (query-string form)");
        screen.MapGet("/lists", (CatalogHolder c) => new
        {
            datasets = c.Catalog.Datasets.Select(kv => new { name = kv.Key, list = kv.Value, entries = c.Catalog.Entries.Count(e => e.List == kv.Value) }).ToList(),
            problems = c.Catalog.Problems,
        }).WithSummary("Loaded lists and the problems met loading them");

        var reviews = app.MapGroup("/api/reviews").WithTags("reviews");
        reviews.MapGet("", (string? entity, Backend b) => b.Reviews.History(entity)).RequireRateLimiting(RateLimits.Read).WithSummary("The review audit trail, oldest first");
        reviews.MapPost("", (ReviewRequest? body, Backend b, CatalogHolder c) => AddReview(body, b, c)).RequireRateLimiting(RateLimits.Write).AddEndpointFilter<ApiKeyFilter>()
            .WithSummary("Records a reviewer's verdict on one hit (false_positive, confirmed, reopened)");

        var jobs = app.MapGroup("/api").WithTags("jobs");
        jobs.MapGet("/jobs", (Backend b) => b.Jobs.List().Select(JobDto.From).ToList()).RequireRateLimiting(RateLimits.Read).WithSummary("Recent jobs, newest first");
        jobs.MapGet("/jobs/{id}", (string id, Backend b) => b.Jobs.Get(id) is { } j ? Results.Ok(JobDto.From(j)) : NotFound($"No job with id '{id}'."))
            .RequireRateLimiting(RateLimits.Read).WithSummary("One job's status and progress");
        var write = jobs.MapGroup("").RequireRateLimiting(RateLimits.Write).AddEndpointFilter<ApiKeyFilter>();
        write.MapPost("/ingest/urls", (IngestUrlsRequest? body, Backend b) => IngestUrls(body, b)).WithSummary("Queues the ingest of URLs or feeds");
        write.MapPost("/ingest/files", (HttpRequest r, Backend b, Microsoft.Extensions.Options.IOptions<ServerOptions> o) => IngestFiles(r, b, o.Value))
            .DisableAntiforgery().Accepts<IFormFileCollection>("multipart/form-data").WithSummary("Uploads files and queues their ingest");
        write.MapPost("/jobs/{id}/cancel", (string id, Backend b) => CancelJob(id, b))
            .WithSummary("Cancels a queued or running job; a running one stops at its worker's next heartbeat and saves nothing");
        write.MapPost("/analyze", (Backend b) => Results.Accepted(null, JobDto.From(b.Jobs.Get(b.Jobs.Enqueue(JobKinds.Analyze, "{}"))!)))
            .WithSummary("Queues a new analysis of every stored document");
    }

    internal static IResult Screen(ScreenRequest? body, CatalogHolder holder)
    {
        if (body is null || string.IsNullOrWhiteSpace(body.Name)) return BadRequest("Give a name to screen: {\"name\": \"Kim Jong Un\"}.");
        if (body.Name.Length > 500) return BadRequest("The name is longer than 500 characters; screen one name at a time.");
        EntitySchema? schema = null;
        if (!string.IsNullOrWhiteSpace(body.Schema))
        {
            if (!Enum.TryParse<EntitySchema>(body.Schema, true, out var s)) return BadRequest($"Unknown schema '{body.Schema}'. Use one of: {string.Join(", ", Enum.GetNames<EntitySchema>())}.");
            schema = s;
        }
        FuzzyDate? birth = null;
        if (!string.IsNullOrWhiteSpace(body.BirthDate))
        {
            if (!FuzzyDate.TryParse(body.BirthDate, out var d)) return BadRequest($"'birth_date' must be 1984, 1984-01 or 1984-01-08, not '{body.BirthDate}'.");
            birth = d;
        }
        var limit = Math.Clamp(body.Limit ?? 10, 1, 100);
        var catalog = holder.Catalog;
        var hits = catalog.Screen(new ScreeningQuery(body.Name.Trim(), schema, birth, string.IsNullOrWhiteSpace(body.Country) ? null : body.Country.Trim()), ScreeningCatalog.AllDatasets, limit, body.MinScore ?? 0.5);
        return Results.Ok(new
        {
            query = body,
            hits = hits.Select(h => new ScreenHitDto(catalog.IdOf(h) ?? ScreeningCatalog.EntityIdOf(h.List, h.ListId), h.List, h.ListId, h.Name, Math.Round(h.Score, 4), h.IsMatch,
                h.Programs.ToList(), h.Explanation, h.Features.Select(f => new FeatureDto(f.Name, Math.Round(f.Value, 4), f.Detail)).ToList())).ToList(),
        });
    }

    internal static IResult AddReview(ReviewRequest? body, Backend b, CatalogHolder lists)
    {
        if (body is null) return BadRequest("Send {\"entity\", \"list\", \"list_id\", \"verdict\", \"reviewer\", \"note\"}.");
        var missing = new[] { ("entity", body.Entity), ("list", body.List), ("list_id", body.ListId), ("verdict", body.Verdict), ("reviewer", body.Reviewer) }
            .Where(x => string.IsNullOrWhiteSpace(x.Item2)).Select(x => x.Item1).ToList();
        if (missing.Count > 0) return BadRequest($"Missing: {string.Join(", ", missing)}.");
        var outcome = HitReviews.Record(b.Reviews, b.Analysis(), new ReviewInput(body.Entity!, body.List!, body.ListId!, body.Verdict!, body.Reviewer!, body.Note),
            lists.Catalog.FingerprintOf, DateTimeOffset.UtcNow);
        if (outcome.Recorded is not { } review) return outcome.NotFound ? NotFound(outcome.Problem!) : BadRequest(outcome.Problem!);
        return Results.Created($"/api/reviews?entity={Uri.EscapeDataString(review.EntityId)}", review);
    }

    internal static IResult CancelJob(string id, Backend b)
    {
        if (b.Jobs.Cancel(id)) return Results.Ok(JobDto.From(b.Jobs.Get(id)!));
        return b.Jobs.Get(id) is { } job
            ? Results.Problem(detail: $"Job '{id}' has already finished ({job.Status.ToString().ToLowerInvariant()}); there is nothing to cancel.", statusCode: 409, title: "Conflict")
            : NotFound($"No job with id '{id}'.");
    }

    internal static IResult IngestUrls(IngestUrlsRequest? body, Backend b)
    {
        var urls = (body?.Urls ?? []).Select(u => u?.Trim() ?? "").Where(u => u.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (urls.Count == 0) return BadRequest("Give at least one URL: {\"urls\": [\"https://...\"]}.");
        if (urls.Count > MaxUrlsPerRequest) return BadRequest($"At most {MaxUrlsPerRequest} URLs per request; split the list.");
        foreach (var u in urls)
            if (!Uri.TryCreate(u, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
                return BadRequest($"'{u}' is not an http(s) URL.");
        var id = b.Jobs.Enqueue(JobKinds.Ingest, JsonSerializer.Serialize(new { inputs = urls }));
        return Results.Accepted($"/api/jobs/{id}", JobDto.From(b.Jobs.Get(id)!));
    }

    internal static async Task<IResult> IngestFiles(HttpRequest request, Backend b, ServerOptions options)
    {
        if (!request.HasFormContentType) return BadRequest("Send the files as multipart/form-data (field name: files).");
        var form = await request.ReadFormAsync();
        if (form.Files.Count == 0) return BadRequest("No file in the upload: attach one or more files in the 'files' field.");
        var dir = Path.GetFullPath(Path.Combine(options.Uploads, DateTime.UtcNow.ToString("yyyyMMddHHmmss") + "-" + Guid.NewGuid().ToString("N")[..8]));
        Directory.CreateDirectory(dir);
        var saved = new List<string>();
        foreach (var file in form.Files)
        {
            // Only the file name's last segment, made safe: an upload never chooses where it lands.
            var name = SafeFileName(file.FileName);
            var path = Path.Combine(dir, $"{saved.Count:D3}-{name}");
            await using (var output = File.Create(path)) await file.CopyToAsync(output);
            saved.Add(path);
        }
        var id = b.Jobs.Enqueue(JobKinds.Ingest, JsonSerializer.Serialize(new { inputs = saved }));
        return Results.Accepted($"/api/jobs/{id}", JobDto.From(b.Jobs.Get(id)!));
    }

    internal static string SafeFileName(string? name)
    {
        var last = Path.GetFileName((name ?? "").Replace('\\', '/'));
        var safe = new string(last.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_').ToArray()).TrimStart('.');
        if (safe.Length > 100) safe = safe[^100..];
        return safe.Length == 0 ? "upload.txt" : safe;
    }

    internal static IResult BadRequest(string detail) => Results.Problem(detail: detail, statusCode: 400, title: "Bad request");

    internal static IResult NotFound(string detail) => Results.Problem(detail: detail, statusCode: 404, title: "Not found");
}
