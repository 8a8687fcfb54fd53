using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Vigil.Model;

namespace Vigil.Extraction.Llm;

/// <summary>
/// Where an OpenAI-compatible chat endpoint is (a local Ollama, vLLM, llama.cpp server...).
/// Vigil never calls one unless it is configured: <see cref="FromEnvironment"/> returns null
/// when VIGIL_LLM_ENDPOINT is unset.
/// </summary>
public sealed record LlmOptions(Uri Endpoint, string Model, string? ApiKey = null, TimeSpan? Timeout = null)
{
    public const string EndpointVariable = "VIGIL_LLM_ENDPOINT", ModelVariable = "VIGIL_LLM_MODEL", KeyVariable = "VIGIL_LLM_API_KEY";

    public static LlmOptions? FromEnvironment()
    {
        var endpoint = Environment.GetEnvironmentVariable(EndpointVariable);
        if (string.IsNullOrWhiteSpace(endpoint)) return null;
        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri))
            throw new ArgumentException($"{EndpointVariable}='{endpoint}' is not an absolute URL; use e.g. http://127.0.0.1:11434/v1 for a local Ollama.");
        return new LlmOptions(uri, Environment.GetEnvironmentVariable(ModelVariable) ?? "llama3.1", Environment.GetEnvironmentVariable(KeyVariable));
    }
}

/// <summary>
/// Claims from a language model, behind the same seam as the rule-based extractor: entities,
/// dates and quantities come from the inner extractor; the model is asked for claims as JSON,
/// and a claim is kept only when its evidence is a verbatim span of the document (its offsets
/// are found in the text), so every claim stays traceable to the words behind it. When the
/// endpoint fails, the inner extractor's claims are returned and <see cref="LastError"/> says why.
/// </summary>
public sealed class LlmExtractor : IExtractor, IDisposable
{
    private readonly IExtractor _inner;
    private readonly LlmOptions _options;
    private readonly HttpClient _http;

    public string? LastError { get; private set; }
    public int DroppedUngrounded { get; private set; }

    public LlmExtractor(IExtractor inner, LlmOptions options, HttpMessageHandler? handler = null)
    {
        _inner = inner;
        _options = options;
        _http = handler is null ? new HttpClient() : new HttpClient(handler);
        _http.Timeout = options.Timeout ?? TimeSpan.FromSeconds(120);
    }

    public void Dispose() => _http.Dispose();

    internal const string Instructions =
        "You extract claims from news text about sanctions, arms transfers and diplomacy. Answer with one JSON object " +
        "{\"claims\": [...]}. Each claim: {\"type\": one of treaty_signed, ratification, meeting, statement, arms_transfer, troop_deployment, veto, " +
        "sanctions_imposed, denial, ship_to_ship_transfer, payment, other; \"actors\": [names]; \"evidence\": the exact sentence copied " +
        "character for character from the text; \"attribution\": who the text says makes the claim, or null; \"stance\": asserted, reported, " +
        "denied or speculative; \"denied_by\": [names]; \"quantity\": {\"value\": number, \"unit\": string, \"qualifier\": exact, more_than, less_than, about, up_to or at_least} or null}. " +
        "Use only what the text says.";

    public ExtractionResult Extract(Document document)
    {
        var base_ = _inner.Extract(document);
        try
        {
            var content = Ask(document.Text);
            var claims = Parse(document, content, base_.Dates);
            LastError = null;
            return base_ with { Claims = claims };
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException or InvalidDataException)
        {
            LastError = $"LLM endpoint {_options.Endpoint}: {e.Message}; kept the rule-based claims for document {document.Id}.";
            return base_;
        }
    }

    private string Ask(string text)
    {
        var url = new Uri(_options.Endpoint.ToString().TrimEnd('/') + "/chat/completions");
        var body = new JsonObject
        {
            ["model"] = _options.Model,
            ["temperature"] = 0,
            ["response_format"] = new JsonObject { ["type"] = "json_object" },
            ["messages"] = new JsonArray(
                new JsonObject { ["role"] = "system", ["content"] = Instructions },
                new JsonObject { ["role"] = "user", ["content"] = text }),
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json") };
        if (!string.IsNullOrEmpty(_options.ApiKey)) request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", _options.ApiKey);
        using var response = _http.Send(request);
        using var reader = new StreamReader(response.Content.ReadAsStream());
        var payload = reader.ReadToEnd();
        if (!response.IsSuccessStatusCode) throw new HttpRequestException($"HTTP {(int)response.StatusCode}: {payload[..Math.Min(200, payload.Length)]}");
        var json = JsonNode.Parse(payload) ?? throw new InvalidDataException("empty response");
        return json["choices"]?[0]?["message"]?["content"]?.GetValue<string>() ?? throw new InvalidDataException("no choices[0].message.content in the response");
    }

    /// <summary>Turns the model's JSON into claims, dropping every claim whose evidence is not found verbatim in the text.</summary>
    internal IReadOnlyList<Claim> Parse(Document document, string content, IReadOnlyList<DateMention> dates)
    {
        // Models sometimes wrap JSON in a code fence.
        var start = content.IndexOf('{');
        var end = content.LastIndexOf('}');
        if (start < 0 || end < start) throw new InvalidDataException("the model's answer holds no JSON object");
        var root = JsonNode.Parse(content[start..(end + 1)]);
        var result = new List<Claim>();
        DroppedUngrounded = 0;
        foreach (var item in root?["claims"]?.AsArray() ?? [])
        {
            if (item is null) continue;
            var evidence = Str(item["evidence"])?.Trim();
            var at = string.IsNullOrEmpty(evidence) ? -1 : document.Text.IndexOf(evidence, StringComparison.Ordinal);
            if (at < 0) { DroppedUngrounded++; continue; }
            var span = new Span(document.Id, at, at + evidence!.Length);
            var type = ClaimTypes.ParseWire(Str(item["type"]) ?? "other");
            var stance = (Str(item["stance"]) ?? "") switch { "reported" => Stance.Reported, "denied" => Stance.Denied, "speculative" => Stance.Speculative, _ => Stance.Asserted };
            var date = dates.FirstOrDefault(d => span.Start <= d.Span.Start && d.Span.End <= span.End);
            result.Add(new Claim(Ids.Derive("claim", document.Id, at.ToString(CultureInfo.InvariantCulture), type.ToWire(), "llm"), document.Id, type,
                Strings(item["actors"]), QuantityOf(item["quantity"]), date, Str(item["attribution"]), stance, Strings(item["denied_by"]), [], span, evidence));
        }
        return result;
    }

    private static string? Str(JsonNode? n) => n is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private static List<string> Strings(JsonNode? n) =>
        n is JsonArray a ? a.Select(Str).Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s!).ToList() : [];

    private static Quantity? QuantityOf(JsonNode? n)
    {
        if (n is not JsonObject o || o["value"] is not JsonValue v || !v.TryGetValue<decimal>(out var value)) return null;
        var qualifier = (Str(o["qualifier"]) ?? "exact").Replace("_", "", StringComparison.Ordinal);
        return new Quantity(value, Str(o["unit"]) ?? "", Enum.TryParse<QuantityQualifier>(qualifier, ignoreCase: true, out var q) ? q : QuantityQualifier.Exact);
    }
}
