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
    [InlineData("郑州行政诉讼", "+[郑州] +[行政诉讼]")]
    [InlineData("\"郑州行政诉讼\"", "+[郑州行政诉讼]")]
    [InlineData("依申请公开", "+[依申请公开]")]
    [InlineData("行政訴訟", "+[行政诉讼]")]
    [InlineData("工信局", "+[工信局|工业和信息化局]")]
    [InlineData("卫生健康委员会", "+[卫生健康委员会|卫健委]")]
    [InlineData("\"工信局\"", "+[工信局]")]
    [InlineData("-工信局 公开", "-[工信局|工业和信息化局] +[公开]")]
    [InlineData("河东区工信局", "+[河东区] +[工信局|工业和信息化局]")]
    public void Parse_GivesClausesOfAlternatives(string input, string expected)
    {
        var query = QueryParser.Default.Parse(input);
        var rendered = string.Join(" ", query.Clauses.Select(c => (c.Excluded ? "-" : "+") + "[" + string.Join("|", c.Alternatives.Select(t => t.Normalized)) + "]"));
        Assert.Equal(expected, rendered);
    }
}

public sealed class QueryUnderstandingTests
{
    [Fact]
    public void SplitTerm_RemembersThePhraseAndWhereEachWordCameFrom()
    {
        var query = QueryParser.Default.Parse("郑州行政诉讼");
        Assert.Equal(["郑州行政诉讼"], query.Phrases);
        Assert.All(query.Clauses, c => Assert.Equal((QueryTermKind.Word, "郑州行政诉讼"), (c.Alternatives[0].Kind, c.Alternatives[0].From)));
    }

    [Fact]
    public void Synonym_IsMarkedWithTheTermItCameFrom()
    {
        var terms = QueryParser.Default.Parse("发改委").Clauses.Single().Alternatives;
        Assert.Equal([("发改委", QueryTermKind.Exact, (string?)null), ("发展和改革委员会", QueryTermKind.Synonym, "发改委")],
            terms.Select(t => (t.Normalized, t.Kind, t.From)).ToArray());
    }

    [Fact]
    public void UserDictionary_KeepsItsWordsWhole()
    {
        var folder = Path.Combine(Path.GetTempPath(), "reportarchive-userdict", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(folder, UserDictionaries.FolderName));
        try
        {
            var before = new QueryParser(UserDictionaries.Load(folder), ReportArchive.Analysis.Synonyms.SynonymTable.Default).Parse("灋河回族区科信局");
            File.WriteAllText(Path.Combine(folder, UserDictionaries.FolderName, "local.txt"), "# 本地机构简称\n灋河回族区科信局 1000 nt\n");
            var after = new QueryParser(UserDictionaries.Load(folder), ReportArchive.Analysis.Synonyms.SynonymTable.Default).Parse("灋河回族区科信局");
            Assert.True(before.Clauses.Count > 1);
            Assert.Equal("灋河回族区科信局", Assert.Single(after.Clauses).Alternatives.Single().Normalized);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
