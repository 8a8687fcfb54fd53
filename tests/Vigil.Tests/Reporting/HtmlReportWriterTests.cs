using Vigil.Reporting;

namespace Vigil.Tests.Reporting;

public class HtmlReportWriterTests
{
    private static string Render()
    {
        var sw = new StringWriter();
        new HtmlReportWriter().Write(ReportSamples.Analysis(), sw);
        return sw.ToString();
    }

    [Fact]
    public void Hostile_document_text_is_escaped_and_no_script_runs()
    {
        var html = Render();
        Assert.DoesNotContain("<script>", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("default-src 'none'", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Mentions_link_to_their_place_in_the_document_and_hits_are_explained()
    {
        var html = Render();
        var analysis = ReportSamples.Analysis();
        var span = analysis.Entities[0].Mentions[0].Span;
        Assert.Contains($"href=\"#m-{span.DocumentId}-{span.Start}-{span.End}\"", html, StringComparison.Ordinal);
        Assert.Contains($"id=\"m-{span.DocumentId}-{span.Start}-{span.End}\"", html, StringComparison.Ordinal);
        Assert.Contains("surname and given name agree", html, StringComparison.Ordinal);
    }
}
