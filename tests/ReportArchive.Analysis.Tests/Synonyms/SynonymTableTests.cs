using ReportArchive.Analysis.Segmentation;
using ReportArchive.Analysis.Synonyms;

namespace ReportArchive.Analysis.Tests.Synonyms;

public sealed class SynonymTableTests
{
    [Theory]
    [InlineData("工信局", "工业和信息化局")]
    [InlineData("发改委", "发展和改革委员会")]
    [InlineData("卫健委", "卫生健康委员会")]
    [InlineData("人社局", "人力资源和社会保障局")]
    [InlineData("住建局", "住房和城乡建设局")]
    [InlineData("市监局", "市场监督管理局")]
    public void Expand_AbbreviationAndFullNameFindEachOther(string abbreviation, string fullName)
    {
        var fromAbbreviation = SynonymTable.Default.Expand(abbreviation);
        var fromFullName = SynonymTable.Default.Expand(fullName);
        Assert.Equal(abbreviation, fromAbbreviation[0]);
        Assert.Contains(fullName, fromAbbreviation);
        Assert.Equal(fullName, fromFullName[0]);
        Assert.Contains(abbreviation, fromFullName);
    }

    [Fact]
    public void Expand_GivesTheTermFirstThenTheOthersInListOrder()
    {
        Assert.Equal(["市监局", "市场监督管理局", "市场监管局"], SynonymTable.Default.Expand("市监局"));
        Assert.Equal(["市场监管局", "市监局", "市场监督管理局"], SynonymTable.Default.Expand("市场监管局"));
    }

    [Theory]
    [InlineData("政府信息公开")]
    [InlineData("政务公开")]
    [InlineData("行政诉讼")]
    [InlineData("人大")]
    public void Expand_TermWithoutEquivalents_GivesOnlyItself(string term)
    {
        Assert.Equal([term], SynonymTable.Default.Expand(term));
    }

    [Fact]
    public void Expand_KeepsCommissionsAndBureausApart()
    {
        Assert.DoesNotContain("卫健局", SynonymTable.Default.Expand("卫健委"));
        Assert.DoesNotContain("经信局", SynonymTable.Default.Expand("工信局"));
    }

    [Fact]
    public void EveryTerm_IsOneWordForTheSegmenter()
    {
        // the query parser segments a query before expanding it: a term that is split is never expanded
        foreach (var term in SynonymTable.Default.Terms)
            Assert.True(WordSegmenter.Default.IsWord(term), term);
    }

    [Fact]
    public void Parse_ReadsGroupsAndComments()
    {
        var table = SynonymTable.Parse("# comment\n甲局 = 甲乙管理局\n\n丙办 = 丙丁办公室 = 丙丁办\n");
        Assert.Equal(["甲乙管理局", "甲局"], table.Expand("甲乙管理局"));
        Assert.Equal(["丙丁办", "丙办", "丙丁办公室"], table.Expand("丙丁办"));
    }

    [Theory]
    [InlineData("甲局\n")]
    [InlineData("甲局 = \n")]
    [InlineData("甲局 = 甲乙管理局\n甲局 = 甲丙管理局\n")]
    public void Parse_RejectsMalformedOrOverlappingGroups(string text)
    {
        Assert.Throws<FormatException>(() => SynonymTable.Parse(text));
    }
}
