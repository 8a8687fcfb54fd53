using Vigil.Reporting;

namespace Vigil.Tests.Reporting;

public class MarkdownReportWriterTests
{
    [Fact]
    public void Links_and_html_from_documents_are_neutralised()
    {
        var sw = new StringWriter();
        new MarkdownReportWriter().Write(ReportSamples.Analysis(), sw);
        var md = sw.ToString();
        Assert.DoesNotContain("<script>", md, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"(?<!\\)\]\(javascript:", md);
        Assert.Contains("US-OFAC `35096`", md, StringComparison.Ordinal);
    }
}
