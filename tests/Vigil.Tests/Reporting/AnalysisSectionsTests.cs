using System.Text.RegularExpressions;
using Vigil.Model;
using Vigil.Reporting;
using static Vigil.Tests.Analysis.AnalysisFixtures;

namespace Vigil.Tests.Reporting;

public class AnalysisSectionsTests
{
    private static string Render(IReportWriter writer, AnalysisResult analysis)
    {
        using var w = new StringWriter();
        writer.Write(analysis, w);
        return w.ToString();
    }

    [Fact]
    public void Every_story_sentence_in_the_html_links_to_evidence_that_exists_in_the_document_text()
    {
        var html = Render(new HtmlReportWriter(), SampleAnalysis());
        var stories = Regex.Match(html, "<section id=\"stories\">(.*?)</section>", RegexOptions.Singleline).Groups[1].Value;
        var sentences = Regex.Matches(stories, "<p>(.*?)</p>", RegexOptions.Singleline);
        Assert.Equal(2, sentences.Count);
        foreach (Match p in sentences)
        {
            var links = Regex.Matches(p.Value, "href=\"#(m-[^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
            Assert.NotEmpty(links);
            Assert.All(links, anchor => Assert.Contains($"<mark id=\"{anchor}\">", html));
        }
        Assert.Contains("denied by Russia", stories);
        Assert.Contains("Figures disagree: 10,000 vs more than 13,000 containers", stories);
    }

    [Fact]
    public void The_html_has_charts_of_claims_over_time_and_conflicting_figures_a_timeline_and_a_graph()
    {
        var html = Render(new HtmlReportWriter(), SampleAnalysis());
        Assert.Contains("aria-label=\"claims per month\"", html);
        Assert.Contains("aria-label=\"10,000 vs more than 13,000 containers\"", html);
        Assert.Contains("<section id=\"timeline\">", html);
        Assert.Contains("by 2024-06-19 (published)", html);
        Assert.Contains("<section id=\"graph\">", html);
        Assert.Contains("supplied arms to", html);
        Assert.Contains("UNSCR 1874 (2009) para 9", html);
        Assert.DoesNotContain("<script", html);
    }

    [Fact]
    public void A_stored_analysis_without_its_views_still_gets_stories_timeline_and_graph_in_markdown()
    {
        var stored = SampleAnalysis() with { Assessments = [], Timeline = [], Graph = EntityGraph.Empty };
        var md = Render(new MarkdownReportWriter(), stored);
        Assert.Contains("## Stories", md);
        Assert.Contains("## Timeline", md);
        Assert.Contains("## Entity graph", md);
        Assert.Matches(@"denied by Russia; figures disagree: 10,000 vs more than 13,000 containers\. \[\\\[1\\\]\]\(#doc-", md);
        Assert.Contains("UNSCR 1718 (2006) para 8(b)", md);
    }

    [Fact]
    public void Hostile_text_in_a_story_never_reaches_the_html_unescaped()
    {
        var a = SampleAnalysis();
        a = a with { Stories = a.Stories.Select(s => s with { Title = "<script>alert(1)</script>" }).ToList() };
        var html = Render(new HtmlReportWriter(), a);
        Assert.DoesNotContain("<script>alert", html);
    }
}
