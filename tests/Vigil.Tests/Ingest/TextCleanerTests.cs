using Vigil.Ingest;

namespace Vigil.Tests.Ingest;

public class TextCleanerTests
{
    [Fact]
    public void Later_copies_of_a_line_are_dropped_and_the_first_kept()
    {
        var cleaned = TextCleaner.Clean("Treaty signed in Pyongyang\n\nTreaty signed in Pyongyang\nTreaty  signed in Pyongyang \nBody text of the article.\ntreaty signed in PYONGYANG");

        Assert.Equal("Treaty signed in Pyongyang\n\nBody text of the article.", cleaned);
    }

    [Fact]
    public void Short_lines_that_repeat_legitimately_are_kept()
    {
        Assert.Equal("Pos\n1\nKyle Busch\n5\n2\nMartin Truex\n5", TextCleaner.Clean("Pos\n1\nKyle Busch\n5\n2\nMartin Truex\n5"));
    }

    [Theory]
    [InlineData("For Latest Updates Follow us on Google\u00a0News")]
    [InlineData("PREV Chi non dovrebbe assumere la vitamina B12 e quali sono i rischi")]
    [InlineData("NEXT Il Venezuela ringrazia la Cina")]
    [InlineData("-")]
    [InlineData("* * *")]
    [InlineData("Leggi anche- Zelensky esorta gli alleati ad agire")]
    [InlineData("Read more: How the treaty was signed")]
    [InlineData("Share")]
    [InlineData("Seguici su Telegram")]
    [InlineData("Previous article: Something else")]
    public void Page_chrome_lines_are_dropped(string line)
    {
        Assert.True(TextCleaner.IsChrome(TextCleaner.NormaliseWhitespace(line)));
        Assert.Equal("Real text stays.", TextCleaner.Clean($"Real text stays.\n{line}"));
    }

    [Theory]
    [InlineData("Next week, Putin will travel to Vietnam for a two-day visit.")]
    [InlineData("Il presidente russo è atterrato mercoledì a Pyongyang.")]
    [InlineData("https://twitter.com/grantshapps/status/1803329393680388249")]
    [InlineData("«Non avrà alcun effetto», ha detto Lavrov.")]
    [InlineData("2024")]
    public void Reporting_lines_are_kept(string line)
    {
        Assert.False(TextCleaner.IsChrome(line));
    }

    [Fact]
    public void Whitespace_is_normalised_and_blank_runs_collapse_to_one_blank_line()
    {
        var cleaned = TextCleaner.Clean("  First\u00a0 line\t here \n\n\n \u200b\nSecond line\r");

        Assert.Equal("First line here\n\nSecond line", cleaned);
    }
}
