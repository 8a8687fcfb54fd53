using NodaTime;
using Vigil.Extraction;
using Vigil.Text;

namespace Vigil.Tests.Extraction;

public sealed class TimexNormalizerTests
{
    private static readonly LocalDate Anchor = new(1989, 10, 27); // a Friday in the fourth quarter, ISO week 43

    private static List<(string Text, string? Value)> Tag(string text, LocalDate? anchor) =>
        TimexNormalizer.Tag(text, Tokenizer.Tokenize(text), anchor).Select(t => (text[t.Start..t.End], t.Value)).ToList();

    [Theory]
    [InlineData("Profits rose in the first nine months.", "the first nine months", "P9M")]
    [InlineData("The talks lasted three years.", "three years", "P3Y")]
    [InlineData("It signed a two-year contract.", "two-year", "P2Y")]
    [InlineData("Prices rose over the past two months.", "the past two months", "P2M")]
    [InlineData("He waited for several weeks.", "several weeks", "PXW")]
    [InlineData("The meeting took 45 minutes.", "45 minutes", "PT45M")]
    public void Durations_get_ISO_8601_periods_without_an_anchor(string text, string span, string value) =>
        Assert.Contains((span, value), Tag(text, null));

    [Fact]
    public void Present_past_and_future_references()
    {
        Assert.Contains(("now", "PRESENT_REF"), Tag("The company is now profitable.", Anchor));
        Assert.Contains(("recently", "PAST_REF"), Tag("It recently sold a unit.", Anchor));
        Assert.Contains(("the future", "FUTURE_REF"), Tag("Nobody knows the future of the plant.", Anchor));
        Assert.DoesNotContain(Tag("Stock-index futures fell.", Anchor), t => t.Value == "FUTURE_REF");
    }

    [Fact]
    public void Quarters_weeks_and_seasons_resolve_against_the_anchor()
    {
        Assert.Contains(("third-quarter", "1989-Q3"), Tag("Its third-quarter profit fell.", Anchor));
        Assert.Contains(("the quarter", "1989-Q3"), Tag("Sales in the quarter rose.", Anchor));
        Assert.Contains(("the fourth quarter of 1990", "1990-Q4"), Tag("Sales in the fourth quarter of 1990 rose.", Anchor));
        Assert.Contains(("last week", "1989-W42"), Tag("The board met last week.", Anchor));
        Assert.Contains(("last fall", "1988-FA"), Tag("It was announced last fall.", Anchor));
    }

    [Fact]
    public void Relative_expressions_stay_unresolved_without_an_anchor()
    {
        Assert.DoesNotContain(Tag("Sales in the quarter rose.", null), t => t.Value is not null);
        Assert.Contains(("last week", null), Tag("The board met last week.", null));
        Assert.Contains(("yesterday", null), Tag("The board met yesterday.", null));
    }

    [Fact]
    public void Times_of_day_attach_to_their_day()
    {
        Assert.Contains(("10 p.m. Wednesday", "1989-10-25T22:00"), Tag("The vote closed at 10 p.m. Wednesday.", Anchor));
        Assert.Contains(("Thursday night", "1989-10-26TNI"), Tag("The vote closed Thursday night.", Anchor));
    }

    [Fact]
    public void A_year_less_month_is_the_nearest_one_to_the_anchor()
    {
        // In late October "Dec. 7" is weeks ahead, not ten months back.
        Assert.Contains(("Dec. 7", "1989-12-07"), Tag("The notes mature Dec. 7.", Anchor));
        Assert.Contains(("Sept. 30", "1989-09-30"), Tag("The quarter ended Sept. 30.", Anchor));
    }

    [Fact]
    public void Counts_back_from_the_anchor_and_names_years_in_words()
    {
        Assert.Contains(("41 years ago", "1948"), Tag("It was founded 41 years ago.", Anchor));
        Assert.Contains(("two weeks ago", "1989-10-13"), Tag("It was announced two weeks ago.", Anchor));
        Assert.Contains(("last May", "1989-05"), Tag("It was announced last May.", Anchor));
        Assert.Contains(("next March", "1990-03"), Tag("It will be announced next March.", Anchor));
        Assert.Contains(("nineteen ninety-six", "1996"), Tag("In nineteen ninety-six it closed.", Anchor));
        Assert.Contains(("1989", "1989"), Tag("Earnings for fiscal 1989 rose.", Anchor));
        Assert.DoesNotContain(Tag("It sold 1500 shares and three-quarters of its stake.", Anchor), t => t.Value is "1500" or "P9M");
    }

    [Fact]
    public void Holidays_are_the_latest_one_unless_shortly_ahead()
    {
        Assert.Contains(("Thanksgiving Day", "1989-11-23"), Tag("Stores close on Thanksgiving Day.", Anchor));
        Assert.Contains(("Thanksgiving Day", "1989-11-23"), Tag("Sales rose after Thanksgiving Day.", new LocalDate(1990, 1, 10)));
        Assert.Contains(("Election Day", "1989-11-07"), Tag("Turnout on Election Day will be low.", Anchor));
    }

    [Fact]
    public void A_number_joined_to_a_unit_describing_a_thing_is_not_a_duration()
    {
        Assert.DoesNotContain(Tag("A 6-year-old boy and the 30-year bond.", Anchor), t => t.Value is not null && t.Value.StartsWith('P'));
    }
}
