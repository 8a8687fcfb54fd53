using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Tests.TestSupport;

namespace Vigil.Tests.Server.Api;

/// <summary>Vigil's own /api: the analysis in the DESIGN.md names, filters, reviews, ingest, limits and keys.</summary>
public sealed class ApiEndpointsTests
{
    private static async Task<(HttpStatusCode Status, JsonElement Body)> Send(HttpClient client, HttpMethod method, string url, object? body = null, string? key = null)
    {
        using var request = new HttpRequestMessage(method, url);
        if (body is not null) request.Content = JsonContent.Create(body);
        if (key is not null) request.Headers.Add("X-Api-Key", key);
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    private static object FalsePositive(string reviewer = "Ana") =>
        new { entity = "ent-kim", list = "US-OFAC", list_id = "20193", verdict = "false_positive", reviewer, note = "different person" };

    [Fact]
    public async Task Analysis_is_served_with_the_fixed_json_names()
    {
        using var factory = new VigilServerFactory();
        var (status, body) = await Send(factory.CreateClient(), HttpMethod.Get, "/api/analysis");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(2, body.GetProperty("documents").GetArrayLength());
        var claim = body.GetProperty("claims")[0];
        Assert.Equal("meeting", claim.GetProperty("type").GetString());
        Assert.Equal("asserted", claim.GetProperty("stance").GetString());
        Assert.Equal("2024-06-19", claim.GetProperty("date").GetProperty("value").GetString());
        Assert.Equal("day", claim.GetProperty("date").GetProperty("precision").GetString());
        var kim = body.GetProperty("entities").EnumerateArray().Single(e => e.GetProperty("id").GetString() == "ent-kim");
        Assert.Equal("KPi.033", kim.GetProperty("sanctions")[0].GetProperty("list_id").GetString());
        Assert.Equal(2, body.GetProperty("stories")[0].GetProperty("corroboration").GetProperty("independent_sources").GetInt32());
    }

    [Theory]
    [InlineData("/api/claims?type=meeting", new[] { "claim-1" })]
    [InlineData("/api/claims?stance=reported", new[] { "claim-2" })]
    [InlineData("/api/claims?lang=it", new[] { "claim-1", "claim-2" })]
    [InlineData("/api/claims?lang=en", new string[0])]
    [InlineData("/api/claims?from=2024-06-20", new[] { "claim-2" })]
    [InlineData("/api/claims?to=2024-06", new[] { "claim-1", "claim-2" })]
    [InlineData("/api/claims?min_sources=2", new[] { "claim-1", "claim-2" })]
    [InlineData("/api/claims?min_sources=3", new string[0])]
    [InlineData("/api/claims?entity=ent-putin", new[] { "claim-1" })]
    public async Task Claims_filter_by_type_stance_language_date_and_corroboration(string url, string[] expected)
    {
        using var factory = new VigilServerFactory();
        var (status, body) = await Send(factory.CreateClient(), HttpMethod.Get, url);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(expected, body.EnumerateArray().Select(c => c.GetProperty("id").GetString()!).Order());
    }

    [Theory]
    [InlineData("/api/claims?type=smuggling", "Unknown claim type")]
    [InlineData("/api/claims?stance=maybe", "Unknown stance")]
    [InlineData("/api/claims?from=June", "'from' must be a date")]
    public async Task Bad_filters_get_a_problem_document_naming_the_input(string url, string expected)
    {
        using var factory = new VigilServerFactory();
        var (status, body) = await Send(factory.CreateClient(), HttpMethod.Get, url);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(400, body.GetProperty("status").GetInt32());
        Assert.Contains(expected, body.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task An_entity_comes_with_its_neighbours_and_claims()
    {
        using var factory = new VigilServerFactory();
        var (status, body) = await Send(factory.CreateClient(), HttpMethod.Get, "/api/entities/ent-kim");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(2, body.GetProperty("entity").GetProperty("mentions").GetArrayLength());
        Assert.Contains(body.GetProperty("neighbours").EnumerateArray(), n => n.GetProperty("id").GetString() == "ent-putin");
        Assert.Contains(body.GetProperty("claims").EnumerateArray(), c => c.GetProperty("id").GetString() == "claim-1");
        var (missing, problem) = await Send(factory.CreateClient(), HttpMethod.Get, "/api/entities/nope");
        Assert.Equal(HttpStatusCode.NotFound, missing);
        Assert.Contains("GET /api/entities", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_hit_marked_false_positive_stays_suppressed_with_an_audit_trail_until_reopened()
    {
        using var factory = new VigilServerFactory();
        var client = factory.CreateClient();
        var (created, _) = await Send(client, HttpMethod.Post, "/api/reviews", FalsePositive());
        Assert.Equal(HttpStatusCode.Created, created);

        var (_, entity) = await Send(client, HttpMethod.Get, "/api/entities/ent-kim");
        Assert.Equal(["KPi.033"], entity.GetProperty("entity").GetProperty("sanctions").EnumerateArray().Select(h => h.GetProperty("list_id").GetString()!));
        Assert.Equal("20193", entity.GetProperty("suppressed")[0].GetProperty("list_id").GetString());
        var (_, analysis) = await Send(client, HttpMethod.Get, "/api/analysis");
        var kim = analysis.GetProperty("entities").EnumerateArray().Single(e => e.GetProperty("id").GetString() == "ent-kim");
        Assert.Equal(1, kim.GetProperty("sanctions").GetArrayLength());

        await Send(client, HttpMethod.Post, "/api/reviews", new { entity = "ent-kim", list = "US-OFAC", list_id = "20193", verdict = "reopened", reviewer = "Ben" });
        var (_, trail) = await Send(client, HttpMethod.Get, "/api/reviews?entity=ent-kim");
        Assert.Equal(["false_positive", "reopened"], trail.EnumerateArray().Select(r => r.GetProperty("verdict").GetString()!));
        Assert.Equal("Ana", trail[0].GetProperty("reviewer").GetString());
        // The review is tied to the entry as the lists held it: a change to that entry ends the suppression.
        Assert.Equal(Vigil.Screening.EntryFingerprint.Of(SampleData.KimOfac), trail[0].GetProperty("entry_fingerprint").GetString());
        var (_, after) = await Send(client, HttpMethod.Get, "/api/entities/ent-kim");
        Assert.Equal(2, after.GetProperty("entity").GetProperty("sanctions").GetArrayLength());
    }

    [Theory]
    [InlineData("{\"entity\": \"ent-kim\"}", 400, "Missing: list, list_id, verdict, reviewer")]
    [InlineData("{\"entity\": \"ent-kim\", \"list\": \"UN-SC\", \"list_id\": \"KPi.033\", \"verdict\": \"maybe\", \"reviewer\": \"A\"}", 400, "Unknown verdict")]
    [InlineData("{\"entity\": \"ent-kim\", \"list\": \"EU\", \"list_id\": \"1\", \"verdict\": \"confirmed\", \"reviewer\": \"A\"}", 404, "has no hit on EU 1")]
    public async Task A_bad_review_is_refused_with_the_reason(string json, int status, string expected)
    {
        using var factory = new VigilServerFactory();
        using var response = await factory.CreateClient().PostAsync("/api/reviews", new StringContent(json, Encoding.UTF8, "application/json"));
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Contains(expected, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Writes_need_the_api_key_when_one_is_configured()
    {
        using var factory = VigilServerFactory.With(settings: new() { ["Vigil:ApiKey"] = "s3cret" });
        var client = factory.CreateClient();
        var (without, problem) = await Send(client, HttpMethod.Post, "/api/reviews", FalsePositive());
        Assert.Equal(HttpStatusCode.Unauthorized, without);
        Assert.Contains("X-Api-Key", problem.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, (await Send(client, HttpMethod.Post, "/api/reviews", FalsePositive(), key: "wrong")).Status);
        Assert.Equal(HttpStatusCode.Created, (await Send(client, HttpMethod.Post, "/api/reviews", FalsePositive(), key: "s3cret")).Status);
        Assert.Equal(HttpStatusCode.OK, (await Send(client, HttpMethod.Get, "/api/reviews")).Status);
    }

    [Fact]
    public async Task A_server_listening_beyond_loopback_without_a_key_refuses_writes_but_serves_reads()
    {
        using var factory = VigilServerFactory.With(exposed: true);
        var client = factory.CreateClient();
        var (status, problem) = await Send(client, HttpMethod.Post, "/api/ingest/urls", new { urls = new[] { "https://example.org/a" } });
        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Contains("--api-key", problem.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.OK, (await Send(client, HttpMethod.Get, "/api/claims")).Status);
    }

    [Fact]
    public async Task Ingest_queues_a_job_whose_progress_can_be_followed()
    {
        using var factory = new VigilServerFactory();
        var client = factory.CreateClient();
        var (status, job) = await Send(client, HttpMethod.Post, "/api/ingest/urls", new { urls = new[] { "https://example.org/report" } });
        Assert.Equal(HttpStatusCode.Accepted, status);
        Assert.Equal("ingest", job.GetProperty("kind").GetString());
        var (_, again) = await Send(client, HttpMethod.Get, "/api/jobs/" + job.GetProperty("id").GetString());
        Assert.Equal("queued", again.GetProperty("status").GetString());

        using var form = new MultipartFormDataContent { { new StringContent("Testo di prova."), "files", "../../etc/passwd" } };
        using var upload = await client.PostAsync("/api/ingest/files", form);
        Assert.Equal(HttpStatusCode.Accepted, upload.StatusCode);
        var payload = JsonDocument.Parse(factory.Services.GetRequiredService<Vigil.Server.Hosting.Backend>().Jobs.List(1)[0].Payload).RootElement;
        var saved = payload.GetProperty("inputs")[0].GetString()!;
        Assert.EndsWith("000-passwd", saved);
        Assert.Equal("Testo di prova.", File.ReadAllText(saved));

        var (bad, problem) = await Send(client, HttpMethod.Post, "/api/ingest/urls", new { urls = new[] { "javascript:alert(1)" } });
        Assert.Equal(HttpStatusCode.BadRequest, bad);
        Assert.Contains("not an http(s) URL", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_queued_job_can_be_cancelled_once_and_an_unknown_one_is_not_found()
    {
        using var factory = new VigilServerFactory();
        var client = factory.CreateClient();
        var (_, job) = await Send(client, HttpMethod.Post, "/api/analyze");
        var id = job.GetProperty("id").GetString();

        var (status, cancelled) = await Send(client, HttpMethod.Post, $"/api/jobs/{id}/cancel");
        var (again, problem) = await Send(client, HttpMethod.Post, $"/api/jobs/{id}/cancel");
        var (unknown, _) = await Send(client, HttpMethod.Post, "/api/jobs/no-such-job/cancel");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("cancelled", cancelled.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Conflict, again);
        Assert.Contains("already finished (cancelled)", problem.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.NotFound, unknown);
    }

    [Fact]
    public async Task Screening_explains_each_hit()
    {
        using var factory = new VigilServerFactory();
        var (status, body) = await Send(factory.CreateClient(), HttpMethod.Post, "/api/screen", new { name = "Kim Jong Un", schema = "Person" });
        Assert.Equal(HttpStatusCode.OK, status);
        var hit = body.GetProperty("hits").EnumerateArray().Single(h => h.GetProperty("entity_id").GetString() == "un_sc-kpi-033");
        Assert.Equal("UN-SC", hit.GetProperty("list").GetString());
        Assert.False(string.IsNullOrEmpty(hit.GetProperty("explanation").GetString()));
        Assert.Equal("name", hit.GetProperty("features")[0].GetProperty("name").GetString());
        var (bad, problem) = await Send(factory.CreateClient(), HttpMethod.Post, "/api/screen", new { name = "" });
        Assert.Equal(HttpStatusCode.BadRequest, bad);
        Assert.Contains("Give a name", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Oversized_requests_are_refused_with_413()
    {
        using var factory = VigilServerFactory.With(settings: new() { ["Vigil:MaxRequestBytes"] = "1000" });
        using var response = await factory.CreateClient().PostAsync("/match/default", new StringContent(new string(' ', 5000), Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("at most 1,000", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Writes_beyond_the_rate_limit_get_429_with_retry_after()
    {
        using var factory = VigilServerFactory.With(settings: new() { ["Vigil:WritesPerMinute"] = "2" });
        var client = factory.CreateClient();
        for (var i = 0; i < 2; i++) Assert.Equal(HttpStatusCode.Accepted, (await Send(client, HttpMethod.Post, "/api/analyze")).Status);
        using var response = await client.PostAsync("/api/analyze", null);
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.True(response.Headers.Contains("Retry-After"));
    }

    [Fact]
    public async Task Health_and_the_openapi_document_are_served()
    {
        using var factory = new VigilServerFactory();
        var client = factory.CreateClient();
        var (status, health) = await Send(client, HttpMethod.Get, "/health");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("ok", health.GetProperty("status").GetString());
        var (_, openapi) = await Send(client, HttpMethod.Get, "/openapi/v1.json");
        var paths = openapi.GetProperty("paths");
        foreach (var path in new[] { "/match/{dataset}", "/search/{dataset}", "/entities/{id}", "/api/analysis", "/api/claims", "/api/reviews", "/health" })
            Assert.True(paths.TryGetProperty(path, out _), $"OpenAPI lacks {path}");
    }
}
