using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using Vigil.Extraction;
using Vigil.Extraction.Llm;
using Vigil.Model;
using Vigil.Tests.Extraction;

namespace Vigil.Tests.Extraction.Llm;

/// <summary>The LLM extractor against a fake OpenAI-compatible server on 127.0.0.1 (no network beyond the loopback).</summary>
public sealed class LlmExtractorTests(ExtractorFixture fixture) : IClassFixture<ExtractorFixture>
{
    private const string Text = "Secondo la Tass, la Corea del Nord ha fornito missili alla Russia. Il tempo era bello.";

    /// <summary>Serves one canned chat completion per request and records what it was asked.</summary>
    private sealed class FakeServer : IDisposable
    {
        private readonly HttpListener _listener = new();
        private readonly Task _loop;
        public Uri Endpoint { get; }
        public List<string> Requests { get; } = [];

        public FakeServer(string content, int status = 200)
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            Endpoint = new Uri($"http://127.0.0.1:{port}/v1");
            _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            _listener.Start();
            _loop = Task.Run(async () =>
            {
                while (_listener.IsListening)
                {
                    HttpListenerContext ctx;
                    try { ctx = await _listener.GetContextAsync(); } catch (Exception) { return; }
                    using (var reader = new StreamReader(ctx.Request.InputStream)) Requests.Add(ctx.Request.Url!.AbsolutePath + " " + await reader.ReadToEndAsync());
                    var body = new JsonObject { ["choices"] = new JsonArray(new JsonObject { ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = content } }) };
                    var bytes = Encoding.UTF8.GetBytes(body.ToJsonString());
                    ctx.Response.StatusCode = status;
                    ctx.Response.ContentType = "application/json";
                    await ctx.Response.OutputStream.WriteAsync(bytes);
                    ctx.Response.Close();
                }
            });
        }

        public void Dispose()
        {
            _listener.Stop();
            _listener.Close();
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
    }

    private static Document Doc() => new("d1", "test", Text, Ids.Hash(Text), Lang: "it");

    [Fact]
    public void Keeps_claims_grounded_in_the_text_and_drops_the_rest()
    {
        const string answer = """
            ```json
            {"claims": [
              {"type": "arms_transfer", "actors": ["North Korea", "Russia"], "evidence": "la Corea del Nord ha fornito missili alla Russia",
               "attribution": "TASS", "stance": "reported", "denied_by": [], "quantity": {"value": 12, "unit": "missile", "qualifier": "more_than"}},
              {"type": "payment", "actors": ["Russia"], "evidence": "Russia paid 5 billion dollars", "stance": "asserted", "denied_by": []}
            ]}
            ```
            """;
        using var server = new FakeServer(answer);
        using var llm = new LlmExtractor(fixture.Extractor, new LlmOptions(server.Endpoint, "test-model"));
        var result = llm.Extract(Doc());

        var claim = Assert.Single(result.Claims);
        Assert.Equal(ClaimType.ArmsTransfer, claim.Type);
        Assert.Equal(Text[claim.Evidence.Start..claim.Evidence.End], claim.EvidenceText);
        Assert.Equal("la Corea del Nord ha fornito missili alla Russia", claim.EvidenceText);
        Assert.Equal(Stance.Reported, claim.Stance);
        Assert.Equal(new Quantity(12, "missile", QuantityQualifier.MoreThan), claim.Quantity);
        Assert.Equal(1, llm.DroppedUngrounded);
        Assert.NotEmpty(result.Mentions); // entities still come from the gazetteer and rules
        var request = Assert.Single(server.Requests);
        Assert.StartsWith("/v1/chat/completions", request);
        Assert.Contains("test-model", request);
    }

    [Fact]
    public void Falls_back_to_the_rule_based_claims_when_the_endpoint_fails()
    {
        using var server = new FakeServer("irrelevant", status: 500);
        using var llm = new LlmExtractor(fixture.Extractor, new LlmOptions(server.Endpoint, "m"));
        var result = llm.Extract(Doc());
        Assert.Equal(fixture.Extractor.Extract(Doc()).Claims.Select(c => c.Id), result.Claims.Select(c => c.Id));
        Assert.Contains("HTTP 500", llm.LastError);
    }

    [Fact]
    public void Is_off_unless_an_endpoint_is_configured()
    {
        var saved = Environment.GetEnvironmentVariable(LlmOptions.EndpointVariable);
        try
        {
            Environment.SetEnvironmentVariable(LlmOptions.EndpointVariable, null);
            Assert.Null(LlmOptions.FromEnvironment());
            Environment.SetEnvironmentVariable(LlmOptions.EndpointVariable, "not a url");
            Assert.Throws<ArgumentException>(LlmOptions.FromEnvironment);
        }
        finally { Environment.SetEnvironmentVariable(LlmOptions.EndpointVariable, saved); }
    }
}
