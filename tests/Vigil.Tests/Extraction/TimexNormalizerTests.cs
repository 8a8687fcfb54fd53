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
    public void Other_holidays_by_name()
    {
        var spring = new LocalDate(2000, 4, 10);
        Assert.Contains(("Easter", "2000-04-23"), Tag("The talks resume after Easter.", spring));
        Assert.Contains(("Good Friday", "2000-04-21"), Tag("Markets close on Good Friday.", spring));
        Assert.Contains(("Easter week", "2000-W16"), Tag("Crowds gathered as Easter week began.", spring));
        Assert.Contains(("Christmas Eve", "1989-12-24"), Tag("The ceasefire starts on Christmas Eve.", Anchor));
        Assert.Contains(("New Year's Day", "1990-01-01"), Tag("The tax applies from New Year's Day.", new LocalDate(1989, 12, 20)));
        Assert.DoesNotContain(Tag("It was a good Friday for stocks.", Anchor), t => t.Text == "good Friday");
    }

    [Fact]
    public void A_number_joined_to_a_unit_describing_a_thing_is_not_a_duration()
    {
        Assert.DoesNotContain(Tag("A 6-year-old boy and the 30-year bond.", Anchor), t => t.Value is not null && t.Value.StartsWith('P'));
    }

    private static readonly LocalDate Monday = new(1989, 10, 30); // ISO week 44

    [Theory]
    [InlineData("Rents soared in the 1970s.", "the 1970s", "197")]
    [InlineData("It was built in the mid-'60s.", "the mid-'60s", "196")]
    [InlineData("Their music defined the eighties.", "the eighties", "198")]
    [InlineData("The canal dates from the 19th century.", "the 19th century", "18")]
    [InlineData("It was a nineteenth century mill.", "nineteenth century", "18")]
    public void Decades_and_centuries_keep_their_leading_digits(string text, string span, string value) =>
        Assert.Contains((span, value), Tag(text, Anchor));

    [Fact]
    public void ISO_weeks_have_two_digits() =>
        Assert.Contains(("this week", "1990-W01"), Tag("The council meets this week.", new LocalDate(1990, 1, 3)));

    [Fact]
    public void A_quarter_or_half_takes_the_year_named_before_or_after_it()
    {
        Assert.Contains(("the 1991 fourth quarter", "1991-Q4"), Tag("Output fell in the 1991 fourth quarter.", Anchor));
        Assert.Contains(("this year's second quarter", "1989-Q2"), Tag("Margins were thin in this year's second quarter.", Anchor));
        Assert.Contains(("next year's first quarter", "1990-Q1"), Tag("The plant reopens in next year's first quarter.", Anchor));
        Assert.Contains(("the year-ago third quarter", "1988-Q3"), Tag("Sales beat the year-ago third quarter.", Anchor));
        Assert.Contains(("the year-earlier quarter", "1988-Q3"), Tag("It lost money in the year-earlier quarter.", Anchor));
        Assert.Contains(("the second half of 1991", "1991-H2"), Tag("Deliveries start in the second half of 1991.", Anchor));
        Assert.Contains(("the first half", "1989-H1"), Tag("Profit doubled in the first half.", Anchor));
        Assert.DoesNotContain(Tag("It sold the 1988 second quarter's output.", Anchor), t => t.Value is not null && t.Value.StartsWith("PT", StringComparison.Ordinal));
    }

    [Fact]
    public void A_fiscal_quarter_is_named_by_its_middle_month() =>
        // May, June and July: mostly the calendar's second quarter.
        Assert.Contains(("the quarter", "1989-Q2"), Tag("Losses narrowed in the quarter ended July 31.", Anchor));

    [Fact]
    public void The_year_is_the_anchor_year_unless_its_end_makes_it_a_span()
    {
        Assert.Contains(("the year", "1989"), Tag("Shipments for the year will be flat.", Anchor));
        Assert.Contains(("the year", "P1Y"), Tag("Revenue for the year ended June 30 rose.", Anchor));
        Assert.Contains(("the full year", "1989"), Tag("It raised its forecast for the full year.", Anchor));
        Assert.Contains(("the latest fiscal year", "1988"), Tag("Sales in the latest fiscal year were flat.", Anchor));
        Assert.DoesNotContain(Tag("He spoke of the year two thousand.", Anchor), t => t.Value == "1989");
    }

    [Theory]
    [InlineData("The strike lasted two more weeks.", "two more weeks", "P2W")]
    [InlineData("The loan runs 2 1/2 years.", "2 1/2 years", "P2Y6M")]
    [InlineData("The hearing lasted an hour and a half.", "an hour and a half", "PT1H30M")]
    [InlineData("Talks may take a couple of years.", "a couple of years", "P2Y")]
    [InlineData("Three days later the ship sailed.", "Three days", "P3D")]
    [InlineData("The dispute ran two decades.", "two decades", "P20Y")]
    [InlineData("Costs will rise in the coming years.", "the coming years", "PXY")]
    [InlineData("Markets swung in the last twenty four hours.", "the last twenty four hours", "PT24H")]
    public void Durations_follow_ISO_8601(string text, string span, string value) =>
        Assert.Contains((span, value), Tag(text, Anchor));

    [Fact]
    public void A_rate_after_an_amount_is_a_set_and_a_year_earlier_figure_is_no_duration()
    {
        var text = "The lease costs $3 million a year.";
        Assert.Contains(TimexNormalizer.Tag(text, Tokenizer.Tokenize(text), Anchor), t => t.Type == "SET" && t.Value == "P1Y");
        Assert.DoesNotContain(Tag("It compared with a year-earlier loss.", Anchor), t => t.Value == "P1Y");
    }

    [Fact]
    public void Vague_references_to_past_and_future()
    {
        Assert.Contains(("recent years", "PAST_REF"), Tag("Exports have slowed in recent years.", Anchor));
        Assert.Contains(("soon", "FUTURE_REF"), Tag("The mine will soon reopen.", Anchor));
        Assert.Contains(("the near term", "FUTURE_REF"), Tag("Prices may stay low in the near term.", Anchor));
        Assert.DoesNotContain(Tag("They left as soon as the vote ended.", Anchor), t => t.Value == "FUTURE_REF");
    }

    [Fact]
    public void Sets_of_months()
    {
        var text = "The fair opens each March.";
        Assert.Contains(TimexNormalizer.Tag(text, Tokenizer.Tokenize(text), Anchor), t => t.Type == "SET" && t.Value == "XXXX-03");
    }

    [Fact]
    public void The_weekend_is_the_last_one_unless_the_talk_is_of_the_future()
    {
        Assert.Contains(("the weekend", "1989-W43-WE"), Tag("Over the weekend the rebels withdrew.", Monday));
        Assert.Contains(("the weekend", "1989-W42-WE"), Tag("Over the weekend the rebels withdrew.", Anchor));
        Assert.Contains(("this weekend", "1989-W43-WE"), Tag("The rebels will withdraw this weekend.", Anchor));
    }

    [Fact]
    public void Parts_of_days_and_clock_times_with_their_dates()
    {
        Assert.Contains(("last night", "1989-10-26TNI"), Tag("The polls closed last night.", Anchor));
        Assert.Contains(("midday", "1989-10-27T12:00"), Tag("The minister landed at midday.", Anchor));
        Assert.Contains(("5 p.m. EST, Nov. 6", "1989-11-06T17:00"), Tag("Bids are due by 5 p.m. EST, Nov. 6.", Anchor));
    }

    [Fact]
    public void A_year_less_month_takes_the_year_that_follows_it()
    {
        Assert.Contains(("June last year", "1988-06"), Tag("The ban took effect in June last year.", Anchor));
        Assert.Contains(("March this year", "1989-03"), Tag("The ban took effect in March this year.", Anchor));
        Assert.Contains(("January nineteen eighty-eight", "1988-01"), Tag("It was January nineteen eighty-eight.", Anchor));
        Assert.Contains(("winter of 1987", "1987-WI"), Tag("Fuel ran short in the winter of 1987.", Anchor));
        Assert.Contains(("Oct. 23", "1989-10-23"), Tag("He was arrested last Oct. 23 in Rome.", Anchor));
    }

    [Fact]
    public void That_year_and_the_following_year_follow_the_last_date_in_the_text()
    {
        var found = Tag("The mill opened in 1984. Later that year it was sold, and the following year it closed.", Anchor);
        Assert.Contains(("that year", "1984"), found);
        Assert.Contains(("the following year", "1985"), found);
        Assert.DoesNotContain(Tag("Nobody knew what that year would bring.", Anchor), t => t.Value == "1989");
    }

    [Fact]
    public void A_year_joined_to_mid_or_post_is_the_year() =>
        Assert.Contains(("1996", "1996"), Tag("The group split in mid-1996.", Anchor));
}
