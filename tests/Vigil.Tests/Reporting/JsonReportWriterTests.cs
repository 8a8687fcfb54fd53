using System.Text.Json;
using Vigil.Reporting;

namespace Vigil.Tests.Reporting;

public class JsonReportWriterTests
{
    [Fact]
    public void Uses_the_fixed_names_from_the_design()
    {
        var sw = new StringWriter();
        new JsonReportWriter().Write(ReportSamples.Analysis(), sw);
        using var json = JsonDocument.Parse(sw.ToString());
        var root = json.RootElement;
        foreach (var key in new[] { "documents", "entities", "claims", "stories" }) Assert.True(root.TryGetProperty(key, out _), key);
        var doc = root.GetProperty("documents")[0];
        foreach (var key in new[] { "id", "source", "title", "lang", "published", "chars" }) Assert.True(doc.TryGetProperty(key, out _), key);
        var entity = root.GetProperty("entities")[0];
        Assert.Equal("Person", entity.GetProperty("schema").GetString());
        var mention = entity.GetProperty("mentions")[0];
        foreach (var key in new[] { "doc", "start", "end", "text" }) Assert.True(mention.TryGetProperty(key, out _), key);
        var hit = entity.GetProperty("sanctions")[0];
        foreach (var key in new[] { "list", "list_id", "name", "score", "programs", "explanation" }) Assert.True(hit.TryGetProperty(key, out _), key);
    }
}
