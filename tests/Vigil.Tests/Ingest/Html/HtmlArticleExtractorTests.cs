using Vigil.Ingest.Html;

namespace Vigil.Tests.Ingest.Html;

public class HtmlArticleExtractorTests
{
    private static readonly HtmlArticleExtractor Extractor = new();

    private const string Prose = "<p>The standings were updated after the final race of the season, with the top drivers separated by only a few points, organisers said.</p>";

    [Fact]
    public void A_table_row_reads_as_one_line()
    {
        var html = $"<html><body><article>{Prose}<table><tr><th>Pos</th><th>Driver</th><th>Points</th></tr><tr><td>1</td><td>Kyle Busch</td><td>5040</td></tr><tr><td>2</td><td>Martin Truex Jr.</td><td>5035</td></tr></table>{Prose.Replace("standings", "results")}</article></body></html>";

        var text = Extractor.Extract(html).Text;

        Assert.Contains("\n1 Kyle Busch 5040\n2 Martin Truex Jr. 5035\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_json_ld_article_body_is_used_when_the_page_markup_hides_the_text()
    {
        var body = string.Join(" ", Enumerable.Repeat("The full article text lives in the structured data of this page, as publishers often ship it.", 5));
        var html = $"<html><head><script type=\"application/ld+json\">{{\"@type\": \"NewsArticle\", \"articleBody\": \"{body}\", \"datePublished\": \"2024-06-19T10:00:00Z\"}}</script></head><body><div class=\"teaser\"><p>Short teaser only.</p></div></body></html>";

        var article = Extractor.Extract(html);

        Assert.Equal(body, article.Text);
        Assert.Equal(new NodaTime.LocalDate(2024, 6, 19), article.Published);
    }

    [Fact]
    public void Class_names_that_only_hide_a_label_do_not_hide_the_article()
    {
        var html = $"<html><body><div class=\"field field--label-hidden\">{Prose}{Prose.Replace("standings", "tables")}</div><div class=\"sidebar\"><p>Most read: something else entirely, with a long sidebar teaser that should not appear.</p></div></body></html>";

        var text = Extractor.Extract(html).Text;

        Assert.Contains("The standings were updated", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Most read", text, StringComparison.Ordinal);
    }
}
