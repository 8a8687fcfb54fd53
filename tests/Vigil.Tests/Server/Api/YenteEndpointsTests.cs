using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Vigil.Tests.TestSupport;

namespace Vigil.Tests.Server.Api;

/// <summary>yente's request and response shapes, and its error shapes, as a yente client sees them.</summary>
public sealed class YenteEndpointsTests : IClassFixture<VigilServerFactory>
{
    private readonly HttpClient _client;

    public YenteEndpointsTests(VigilServerFactory factory) => _client = factory.CreateClient();

    private async Task<(HttpStatusCode Status, JsonElement Body)> Post(string url, string json)
    {
        using var response = await _client.PostAsync(url, new StringContent(json, Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, JsonDocument.Parse(text).RootElement.Clone());
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> Get(string url)
    {
        using var response = await _client.GetAsync(url);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    private const string KimQuery = """{"queries": {"q1": {"schema": "Person", "properties": {"name": ["Kim Jong Un"], "birthDate": ["1984-01-08"]}}}}""";

    [Fact]
    public async Task Match_answers_each_query_in_yentes_response_shape()
    {
        var (status, body) = await Post("/match/default", KimQuery);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(5, body.GetProperty("limit").GetInt32());
        Assert.Equal(JsonValueKind.Object, body.GetProperty("matcher").ValueKind);
        var q1 = body.GetProperty("responses").GetProperty("q1");
        Assert.Equal(200, q1.GetProperty("status").GetInt32());
        Assert.Equal("eq", q1.GetProperty("total").GetProperty("relation").GetString());
        Assert.Equal("Person", q1.GetProperty("query").GetProperty("schema").GetString());
        Assert.Equal("Kim Jong Un", q1.GetProperty("query").GetProperty("properties").GetProperty("name")[0].GetString());
        var results = q1.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(2, results.Count);
        Assert.Equal(results.Count, q1.GetProperty("total").GetProperty("value").GetInt32());
        var top = results[0];
        foreach (var field in new[] { "id", "caption", "schema", "properties", "datasets", "referents", "target", "first_seen", "last_seen", "last_change", "score", "features", "match" })
            Assert.True(top.TryGetProperty(field, out _), $"result lacks '{field}'");
        Assert.Equal("un_sc-kpi-033", top.GetProperty("id").GetString());
        Assert.Equal("Kim Jong Un", top.GetProperty("caption").GetString());
        Assert.Equal(["un_sc"], top.GetProperty("datasets").EnumerateArray().Select(d => d.GetString()!));
        Assert.Equal("1984-01-08", top.GetProperty("properties").GetProperty("birthDate")[0].GetString());
        Assert.True(top.GetProperty("match").GetBoolean());
        Assert.Equal(1.0, top.GetProperty("score").GetDouble());
        Assert.Equal(1.0, top.GetProperty("features").GetProperty("name").GetDouble());
    }

    [Fact]
    public async Task Match_on_one_lists_dataset_returns_only_that_lists_entries()
    {
        var (status, body) = await Post("/match/us_ofac", KimQuery);
        Assert.Equal(HttpStatusCode.OK, status);
        var results = body.GetProperty("responses").GetProperty("q1").GetProperty("results").EnumerateArray().ToList();
        Assert.Single(results);
        Assert.Equal("us_ofac-20193", results[0].GetProperty("id").GetString());
        Assert.Equal("PS123", results[0].GetProperty("properties").GetProperty("passportNumber")[0].GetString());
    }

    [Fact]
    public async Task Match_threshold_decides_which_results_are_matches()
    {
        var (_, body) = await Post("/match/default?threshold=1.01&limit=1",
            """{"queries": {"a": {"schema": "Person", "properties": {"name": "Kim Jong Un"}}}}""");
        var results = body.GetProperty("responses").GetProperty("a").GetProperty("results").EnumerateArray().ToList();
        Assert.Single(results);
        Assert.False(results[0].GetProperty("match").GetBoolean());
        Assert.Equal(1, body.GetProperty("limit").GetInt32());
    }

    [Fact]
    public async Task Match_answers_several_queries_under_their_own_keys()
    {
        var (_, body) = await Post("/match/default",
            """{"queries": {"person": {"schema": "Person", "properties": {"name": ["Kim Jong-un"]}}, "ship": {"schema": "Vessel", "properties": {"name": ["Angara"], "imoNumber": ["9179842"]}}}}""");
        var responses = body.GetProperty("responses");
        Assert.Equal("un_sc-kpi-033", responses.GetProperty("person").GetProperty("results")[0].GetProperty("id").GetString());
        Assert.Equal("us_ofac-30001", responses.GetProperty("ship").GetProperty("results")[0].GetProperty("id").GetString());
        Assert.Equal("9179842", responses.GetProperty("ship").GetProperty("results")[0].GetProperty("properties").GetProperty("imoNumber")[0].GetString());
    }

    [Theory]
    [InlineData("{\"queries\": ", "json_invalid", "body")]
    [InlineData("{}", "missing", "body/queries")]
    [InlineData("{\"queries\": []}", "dict_type", "body/queries")]
    [InlineData("{\"queries\": {\"q\": {\"properties\": {\"name\": [\"x\"]}}}}", "missing", "body/queries/q/schema")]
    [InlineData("{\"queries\": {\"q\": {\"schema\": \"Person\"}}}", "missing", "body/queries/q/properties")]
    [InlineData("{\"queries\": {\"q\": {\"schema\": \"Person\", \"properties\": {\"name\": [{\"a\": 1}]}}}}", "string_type", "body/queries/q/properties/name")]
    public async Task A_body_that_does_not_validate_gets_422_with_fastapi_style_details(string json, string type, string loc)
    {
        var (status, body) = await Post("/match/default", json);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        var detail = body.GetProperty("detail")[0];
        Assert.Equal(type, detail.GetProperty("type").GetString());
        if (type != "json_invalid") Assert.Equal(loc, string.Join('/', detail.GetProperty("loc").EnumerateArray().Select(l => l.GetString())));
        Assert.False(string.IsNullOrEmpty(detail.GetProperty("msg").GetString()));
    }

    [Theory]
    [InlineData("/match/default", "{\"queries\": {}}", "No queries provided.")]
    [InlineData("/match/default", "{\"queries\": {\"q\": {\"schema\": \"Spaceship\", \"properties\": {\"name\": [\"x\"]}}}}", "Cannot parse example entity")]
    [InlineData("/match/default", "{\"queries\": {\"q\": {\"schema\": \"Person\", \"properties\": {\"birthDate\": [\"1984\"]}}}}", "no 'name' property")]
    public async Task A_query_that_cannot_be_answered_gets_400_with_a_detail_string(string url, string json, string expected)
    {
        var (status, body) = await Post(url, json);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(expected, body.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Too_many_queries_in_one_batch_are_refused()
    {
        var queries = string.Join(",", Enumerable.Range(0, 101).Select(i => $"\"q{i}\": {{\"schema\": \"Person\", \"properties\": {{\"name\": [\"x\"]}}}}"));
        var (status, body) = await Post("/match/default", "{\"queries\": {" + queries + "}}");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("Too many queries in one batch (limit: 100)", body.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("/match/default?limit=many", "int_parsing")]
    [InlineData("/match/default?limit=501", "less_than_equal")]
    [InlineData("/match/default?threshold=high", "float_parsing")]
    public async Task Bad_query_parameters_get_422(string url, string type)
    {
        var (status, body) = await Post(url, KimQuery);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Equal(type, body.GetProperty("detail")[0].GetProperty("type").GetString());
        Assert.Equal("query", body.GetProperty("detail")[0].GetProperty("loc")[0].GetString());
    }

    [Fact]
    public async Task An_unknown_dataset_is_404_with_yentes_detail()
    {
        var (status, body) = await Post("/match/nope", KimQuery);
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("No such dataset.", body.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Search_returns_entities_with_total_limit_offset_and_facets()
    {
        var (status, body) = await Get("/search/default?q=kim%20jong%20un&limit=1");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(1, body.GetProperty("limit").GetInt32());
        Assert.Equal(0, body.GetProperty("offset").GetInt32());
        Assert.Equal(JsonValueKind.Object, body.GetProperty("facets").ValueKind);
        Assert.Equal("eq", body.GetProperty("total").GetProperty("relation").GetString());
        var result = Assert.Single(body.GetProperty("results").EnumerateArray());
        Assert.Equal("Person", result.GetProperty("schema").GetString());
        Assert.False(result.TryGetProperty("score", out _));
    }

    [Fact]
    public async Task Entities_returns_one_list_entry_or_404()
    {
        var (status, body) = await Get("/entities/un_sc-kpi-033");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Kim Jong Un", body.GetProperty("caption").GetString());
        Assert.Equal(["Kim Jong-un"], body.GetProperty("properties").GetProperty("alias").EnumerateArray().Select(a => a.GetString()!));
        Assert.Equal(["KP"], body.GetProperty("properties").GetProperty("nationality").EnumerateArray().Select(a => a.GetString()!));

        var (missing, error) = await Get("/entities/un_sc-nothing");
        Assert.Equal(HttpStatusCode.NotFound, missing);
        Assert.Equal("No such entity!", error.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_yente_client_can_round_trip_the_typed_shapes()
    {
        using var response = await _client.PostAsJsonAsync("/match/default", new { queries = new Dictionary<string, object> { ["x"] = new { schema = "Person", properties = new { name = new[] { "Kim Jong Un" } } } } });
        var typed = await response.Content.ReadFromJsonAsync<Vigil.Server.Api.YenteMatchResponse>(new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower });
        Assert.NotNull(typed);
        Assert.Equal(2, typed.Responses["x"].Results.Count);
    }
}
