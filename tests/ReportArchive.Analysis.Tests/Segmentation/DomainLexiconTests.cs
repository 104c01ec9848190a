using ReportArchive.Analysis.Data;
using ReportArchive.Analysis.Segmentation;

namespace ReportArchive.Analysis.Tests.Segmentation;

public sealed class DomainLexiconTests
{
    private static readonly List<UserDictionaryEntry> Entries = UserDictionaryParser.Parse(EmbeddedData.ReadText("domain-lexicon.txt"));

    [Fact]
    public void EveryLexiconWord_AloneIsOneDictionarySegment()
    {
        Assert.True(Entries.Count > 200);
        foreach (var entry in Entries)
            Assert.Equal([new Segment(entry.Word, 0, entry.Word.Length, true)], WordSegmenter.Default.Segment(entry.Word));
    }

    [Fact]
    public void LexiconWords_WinInsideSeedSentences()
    {
        // seed 001 and 003 phrasing: the lexicon terms are not split by their neighbours
        SegmentationAssert.SegmentsTo(WordSegmenter.Default, "本年度未发生政府信息公开行政复议和行政诉讼",
            "本年度@0", "未@3", "发生@4", "政府信息公开行政复议@6", "和@16", "行政诉讼@17");
        SegmentationAssert.SegmentsTo(WordSegmenter.Default, "加强政务新媒体管理",
            "加强@0", "政务新媒体@2", "管理@7");
    }
}
