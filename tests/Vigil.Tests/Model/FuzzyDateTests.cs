using Vigil.Model;

namespace Vigil.Tests.Model;

public class FuzzyDateTests
{
    [Theory]
    [InlineData("2024", "2024")]
    [InlineData("2024-06", "2024-06")]
    [InlineData("2024-06-19", "2024-06-19")]
    public void Parse_then_format_keeps_precision(string text, string expected)
    {
        Assert.True(FuzzyDate.TryParse(text, out var date));
        Assert.Equal(expected, date.ToString());
    }

    [Fact]
    public void Month_precision_is_compatible_with_a_day_in_that_month()
    {
        FuzzyDate.TryParse("2024-06", out var month);
        FuzzyDate.TryParse("2024-06-19", out var day);
        FuzzyDate.TryParse("2024-07-01", out var other);
        Assert.True(month.IsCompatibleWith(day));
        Assert.False(month.IsCompatibleWith(other));
    }

    [Theory]
    [InlineData("")]
    [InlineData("June")]
    [InlineData("2024-13")]
    public void Garbage_does_not_parse(string text) => Assert.False(FuzzyDate.TryParse(text, out _));
}
