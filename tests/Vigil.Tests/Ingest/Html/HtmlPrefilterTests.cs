using Vigil.Evaluation;
using Vigil.Ingest.Html;

namespace Vigil.Tests.Ingest.Html;

public class HtmlPrefilterTests
{
    [Fact]
    public void Scripts_styles_and_comments_are_cut_but_json_ld_stays()
    {
        const string page = """
            <html><head><title>T</title><style>p { color: red }</style>
            <script type="application/ld+json">{"articleBody": "x"}</script>
            <SCRIPT src="a.js"></SCRIPT><script>if (a < b && c > d) { s = "</div>"; }</script></head>
            <body><!-- a comment <p>hidden</p> --><p>Kept text.</p><!--></body></html>
            """;

        var stripped = HtmlPrefilter.Strip(page);

        Assert.Contains("application/ld+json", stripped);
        Assert.Contains("<p>Kept text.</p>", stripped);
        Assert.DoesNotContain("color", stripped);
        Assert.DoesNotContain("a.js", stripped);
        Assert.DoesNotContain("if (a", stripped);
        Assert.DoesNotContain("hidden", stripped);
        Assert.DoesNotContain("comment", stripped);
    }

    [Fact]
    public void Markup_lookalikes_inside_attributes_titles_and_text_areas_are_left_alone()
    {
        const string page = """<html><head><title>Why <!-- breaks pages</title></head><body><div data-x="a > b <script>">Body <b>one</b></div><textarea><style></textarea><p>two</p></body></html>""";

        Assert.Equal(page, HtmlPrefilter.Strip(page));
    }

    [Fact]
    public void An_unclosed_script_runs_to_the_end_of_the_page_as_a_browser_reads_it()
    {
        Assert.Equal("<p>a</p>", HtmlPrefilter.Strip("<p>a</p><script>var x = 1; <p>never shown</p>"));
    }

    [Fact]
    public void Cutting_before_parsing_changes_no_extraction_on_the_benchmark_pages()
    {
        var extractor = new HtmlArticleExtractor();
        var pages = ArticleBenchmark.Load(SharedData.FindRoot()).Pages;

        var changed = pages.Where(p => extractor.Extract(p.Html) != extractor.ExtractUnfiltered(p.Html)).Select(p => p.Id).ToList();

        Assert.Empty(changed);
    }
}
