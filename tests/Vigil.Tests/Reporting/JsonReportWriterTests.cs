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

    [Fact]
    public void A_report_file_streamed_as_utf8_is_the_same_text_as_the_report_written_as_a_string()
    {
        var text = new StringWriter();
        new JsonReportWriter().Write(ReportSamples.Analysis(), text);
        using var bytes = new MemoryStream();
        using (var file = new StreamWriter(bytes, new System.Text.UTF8Encoding(false), leaveOpen: true))
        {
            file.Write("");
            new JsonReportWriter().Write(ReportSamples.Analysis(), file);
        }

        Assert.Equal(text.ToString(), System.Text.Encoding.UTF8.GetString(bytes.ToArray()));
    }
}
