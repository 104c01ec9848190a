using ReportArchive.Search;

namespace ReportArchive.Tests.Search;

public sealed class FtsQueryBuilderTests
{
    [Theory]
    [InlineData("行政诉讼", "\"行政\" + \"政诉\" + \"诉讼\"", true)]
    [InlineData("公", "\"公\" *", true)]
    [InlineData("2021年", "\"20\" + \"02\" + \"21\" + \"1年\"", true)]
    [InlineData("公开,政府", "\"公开\" + \"开\" + \"政府\"", false)]
    [InlineData("公开,政", "\"公开\" + \"开\" + \"政\" *", false)]
    [InlineData("公,开", "\"公\" + \"开\" *", false)]
    [InlineData(",公开", "\"公开\"", false)]
    [InlineData("hello world", "\"he\" + \"el\" + \"ll\" + \"lo\" + \"o\" + \"wo\" + \"or\" + \"rl\" + \"ld\"", false)]
    [InlineData("\"*(", null, false)]
    public void Phrase_QuotesOnlyIndexTerms_AndSaysWhetherTheIndexDecides(string normalizedTerm, string? phrase, bool exact)
    {
        Assert.Equal((phrase, exact), FtsQueryBuilder.Phrase(normalizedTerm));
    }

    [Fact]
    public void Build_CombinesClauses_AndLeavesInexactExclusionsToVerification()
    {
        var query = FtsQueryBuilder.Build(QueryParser.Default.Parse("郑州 OR 洛阳 诉讼 -北京 -\"，\""));
        Assert.Equal("(\"郑州\" OR \"洛阳\") AND \"诉讼\"", query.Match);
        Assert.Equal("\"北京\"", query.Exclude);
        Assert.True(query.NeedsVerification);
    }

    [Fact]
    public void Build_OfAPunctuationOnlyTerm_HasNoIndexFilter()
    {
        var query = FtsQueryBuilder.Build(QueryParser.Default.Parse("《"));
        Assert.Null(query.Match);
        Assert.True(query.NeedsVerification);
    }
}
