using ReportArchive.Search;

namespace ReportArchive.Tests.Search;

public sealed class QueryParserTests
{
    [Theory]
    [InlineData("行政诉讼", "+[行政诉讼]")]
    [InlineData("郑州 行政诉讼", "+[郑州] +[行政诉讼]")]
    [InlineData("郑州 OR 洛阳 行政诉讼", "+[郑州|洛阳] +[行政诉讼]")]
    [InlineData("a OR b OR c", "+[a|b|c]")]
    [InlineData("行政诉讼 -郑州", "+[行政诉讼] -[郑州]")]
    [InlineData("\"结 果 维 持\"", "+[结果维持]")]
    [InlineData("\"Hello   World\"", "+[hello world]")]
    [InlineData("\"unterminated quote", "+[unterminated quote]")]
    [InlineData("OR", "+[or]")]
    [InlineData("a OR", "+[a] +[or]")]
    [InlineData("-", "+[-]")]
    [InlineData("-\"\"", "")]
    [InlineData("ＡＢＣ", "+[abc]")]
    [InlineData("a a", "+[a] +[a]")]
    [InlineData("   ", "")]
    public void Parse_GivesClausesOfAlternatives(string input, string expected)
    {
        var query = QueryParser.Parse(input);
        var rendered = string.Join(" ", query.Clauses.Select(c => (c.Excluded ? "-" : "+") + "[" + string.Join("|", c.Alternatives.Select(t => t.Normalized)) + "]"));
        Assert.Equal(expected, rendered);
    }
}
