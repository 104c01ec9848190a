using ReportArchive.Search;

namespace ReportArchive.Tests.Search;

public sealed class PublishedRangeTests
{
    [Theory]
    [InlineData("2024-03-15", "2024-03-15", "2024-03-15")]
    [InlineData("2024-03", "2024-03-01", "2024-03-31")]
    [InlineData("2024-2", "2024-02-01", "2024-02-29")]
    [InlineData("2023", "2023-01-01", "2023-12-31")]
    [InlineData("2024-01..2024-03", "2024-01-01", "2024-03-31")]
    [InlineData("2024-01-10..2024-01", "2024-01-10", "2024-01-31")]
    [InlineData("２０２４－０３", "2024-03-01", "2024-03-31")]
    public void Parse_ReadsDaysMonthsYearsAndRanges(string text, string from, string to)
    {
        Assert.Equal(new PublishedRange(DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture)), PublishedRange.Parse(text));
    }

    [Fact]
    public void Parse_LeavesAnEndOpen()
    {
        Assert.Equal(new PublishedRange(new DateOnly(2024, 2, 1), DateOnly.MaxValue), PublishedRange.Parse("2024-02.."));
        Assert.Equal(new PublishedRange(DateOnly.MinValue, new DateOnly(2023, 12, 31)), PublishedRange.Parse("..2023"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("..")]
    [InlineData("2024-13")]
    [InlineData("2023-02-29")]
    [InlineData("2024-03..2024-01")]
    [InlineData("24-03")]
    [InlineData("2024-03-15T00:00")]
    [InlineData("2024/03")]
    [InlineData("1800")]
    public void Parse_RefusesWhatIsNoDayMonthYearOrRange(string text) => Assert.Null(PublishedRange.Parse(text));
}
