using Vigil.Screening.Lists;

namespace Vigil.Tests.Screening.Lists;

public sealed class XmlRecordsTests
{
    [Theory]
    [InlineData("1984", false, "1984")]
    [InlineData("1984-01", false, "1984-01")]
    [InlineData("1984-01-08", false, "1984-01-08")]
    [InlineData("1984-01-08T00:00:00", false, "1984-01-08")]
    [InlineData("08/01/1984", false, "1984-01-08")]
    [InlineData("8/1/1984", false, "1984-01-08")]
    [InlineData("08.01.1984", false, "1984-01-08")]
    [InlineData("01/08/1984", true, "1984-01-08")]
    [InlineData("08 Jan 1984", false, "1984-01-08")]
    [InlineData("8 JAN 1984", true, "1984-01-08")]
    [InlineData("circa 1950", false, "1950")]
    [InlineData("Jan 1984", false, "1984-01")]
    [InlineData("01/1984", false, "1984-01")]
    [InlineData("00/00/1965", false, "1965")]
    [InlineData("31/02/1965", false, "1965")]
    [InlineData("1984-02-30", false, null)]
    [InlineData("13/13/1984", false, "1984")]
    [InlineData("unknown", false, null)]
    [InlineData("", false, null)]
    public void Dates_are_read_as_lists_write_them(string text, bool monthFirst, string? expected) =>
        Assert.Equal(expected, XmlRecords.Date(text, monthFirst)?.ToString());
}
