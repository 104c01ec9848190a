using ReportArchive.TextIndex;

namespace ReportArchive.Tests.TextIndex;

public sealed class TextIndexScoringTests
{
    private const string Filler = "本机关按照有关规定做好各项工作并接受社会监督。";

    [Fact]
    public void Score_OfATermInTheTitle_IsAboveTheSameTermOnlyInTheBody()
    {
        var texts = new List<IndexedText>
        {
            IndexedText.Of(1, "行政诉讼情况", "某局", Filler + "行政诉讼"),
            IndexedText.Of(2, "年度报告", "某局", Filler + "行政诉讼"),
            IndexedText.Of(3, "年度报告", "某局", Filler),
        };
        var matches = new TextIndexSnapshot(IndexedText.Segments(texts, 10)).Search(IndexedText.Query("行政诉讼"), CancellationToken.None);
        Assert.Equal([1L, 2], matches.Ids);
        Assert.True(matches.Scores[0] > matches.Scores[1]);
    }

    [Fact]
    public void Score_GrowsWithOccurrences()
    {
        foreach (var term in new[] { "诉讼", "行政诉讼", "诉" })
        {
            var texts = new List<IndexedText>
            {
                IndexedText.Of(1, "", "", Filler + "行政诉讼"),
                IndexedText.Of(2, "", "", Filler + "行政诉讼，行政诉讼，行政诉讼"),
                IndexedText.Of(3, "", "", Filler),
            };
            var matches = new TextIndexSnapshot(IndexedText.Segments(texts, 10)).Search(IndexedText.Query(term), CancellationToken.None);
            Assert.Equal([1L, 2], matches.Ids);
            Assert.True(matches.Scores[1] > matches.Scores[0], term);
        }
    }

    [Fact]
    public void Score_OfTheAgencyField_CountsMoreThanTheBody()
    {
        // Same field lengths: only the field the term is in differs.
        var texts = new List<IndexedText>
        {
            IndexedText.Of(1, "年度报告", "郑州市公安局", Filler + "某某某某某某"),
            IndexedText.Of(2, "年度报告", "某某某某某某", Filler + "郑州市公安局"),
        };
        var snapshot = new TextIndexSnapshot(IndexedText.Segments(texts, 10));
        foreach (var term in new[] { "公安局", "公安", "公" })
        {
            var matches = snapshot.Search(IndexedText.Query(term), CancellationToken.None);
            Assert.True(matches.Scores[0] > matches.Scores[1], term);
        }
    }

    [Fact]
    public void Score_SumsOverTheRequiredTerms()
    {
        var texts = new List<IndexedText>
        {
            IndexedText.Of(1, "", "", Filler + "郑州 复议"),
            IndexedText.Of(2, "", "", Filler + "郑州 复议 诉讼"),
        };
        var snapshot = new TextIndexSnapshot(IndexedText.Segments(texts, 10));
        var one = snapshot.Search(IndexedText.Query("郑州"), CancellationToken.None);
        var two = snapshot.Search(IndexedText.Query("郑州", "复议"), CancellationToken.None);
        Assert.True(two.Scores[0] > one.Scores[0]);
    }
}
