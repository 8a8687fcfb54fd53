using Vigil.Ingest.Html;

namespace Vigil.Tests.Ingest.Html;

public class RawTextBodiesTests
{
    private static string Cut(string html)
    {
        var chars = html.ToCharArray();
        return new string(chars, 0, RawTextBodies.Remove(chars));
    }

    [Fact]
    public void Script_and_style_bodies_are_cut_and_their_tags_kept()
    {
        var html = "<html><head><style>p { color: red }</style><SCRIPT src=\"a.js\">var a = 1 < 2;</SCRIPT ></head><body><p>Text</p><script>if (a<b) document.write('</p>');</script></body></html>";

        Assert.Equal("<html><head><style></style><SCRIPT src=\"a.js\"></SCRIPT ></head><body><p>Text</p><script></script></body></html>", Cut(html));
    }

    [Fact]
    public void Json_ld_is_kept_for_the_article_body()
    {
        var html = "<script type=\"application/ld+json\">{\"articleBody\": \"x\"}</script><script>var x;</script>";

        Assert.Equal("<script type=\"application/ld+json\">{\"articleBody\": \"x\"}</script><script></script>", Cut(html));
    }

    [Theory]
    [InlineData("<!-- <script>var a;</script> --><p>Text</p>")]
    [InlineData("<p title=\"<script>\">Text</p><p>more</script></p>")]
    [InlineData("<title>How <script> tags work</title><p>Text</p></script>")]
    [InlineData("<textarea><style>a</style></textarea>")]
    [InlineData("<script><!-- document.write('<script></script>'); --></script>")]
    [InlineData("<script>var a = 1; // no end tag")]
    [InlineData("<!--!> <script>var a;</script> -->")]
    [InlineData("<plaintext><script>var a;</script>")]
    public void What_the_tokenizer_does_not_read_as_a_script_body_stays(string html) => Assert.Equal(html, Cut(html));

    [Fact]
    public void A_comment_closed_at_once_does_not_hide_the_script_after_it() =>
        Assert.Equal("<!--><script></script><!---><style></style>", Cut("<!--><script>var a;</script><!---><style>p{}</style>"));

    [Fact]
    public void The_article_is_the_same_with_and_without_the_bodies()
    {
        var prose = "<p>The ministry said on Tuesday that the sanctions would remain in force, and that the panel would report on them in June.</p>";
        var withScripts = $"<html><head><title>T</title><style>.x{{}}</style></head><body><script>var s = '<div>not text</div>';</script><article>{prose}{prose}</article><script>track();</script></body></html>";
        var without = $"<html><head><title>T</title></head><body><article>{prose}{prose}</article></body></html>";

        Assert.Equal(new HtmlArticleExtractor().Extract(without), new HtmlArticleExtractor().Extract(withScripts));
    }
}
