using ReportArchive.Analysis.Segmentation;

namespace ReportArchive.Analysis.Tests.Segmentation;

public sealed class UserDictionaryTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("reportarchive-userdict-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public void Create_AddsWordsWithAndWithoutFrequency()
    {
        var path = Write("places.txt", "# place names the extraction garbles\n灋河回族区 20 ns\n\n区工信 n\nIPAD\n");
        var segmenter = WordSegmenter.Create([path]);

        SegmentationAssert.SegmentsTo(segmenter, "灋河回族区科技和工业信息化局", "灋河回族区@0", "科技和工业信息化局@5");
        SegmentationAssert.SegmentsTo(segmenter, "区工信高度重视", "区工信@0", "高度重视@3");
        Assert.True(segmenter.IsWord("ipad"));
        Assert.Equal(new Segment("ipad", 0, 4, true), segmenter.Segment("ipad")[0]);
    }

    [Fact]
    public void Create_DoesNotChangeTheDefaultSegmenter()
    {
        var path = Write("places.txt", "灋河回族区 20\n");
        _ = WordSegmenter.Create([path]);
        Assert.False(WordSegmenter.Default.IsWord("灋河回族区"));
    }

    [Fact]
    public void Create_FrequencyZeroRemovesAWord()
    {
        var path = Write("remove.txt", "行政诉讼 0\n");
        var segmenter = WordSegmenter.Create([path]);
        Assert.False(segmenter.IsWord("行政诉讼"));
        SegmentationAssert.SegmentsTo(segmenter, "行政诉讼", "行政@0", "诉讼@2");
    }

    [Fact]
    public void Create_LaterFilesOverrideEarlierOnes()
    {
        var first = Write("first.txt", "行政诉讼 0\n");
        var second = Write("second.txt", "行政诉讼 5000\n");
        Assert.True(WordSegmenter.Create([first, second]).IsWord("行政诉讼"));
    }

    [Fact]
    public void Create_MissingFile_Throws()
    {
        Assert.Throws<FileNotFoundException>(() => WordSegmenter.Create([Path.Combine(directory, "missing.txt")]));
    }

    [Fact]
    public void Parse_ReadsJiebaLinesAndNormalisesWords()
    {
        var entries = UserDictionaryParser.Parse("\uFEFF云计算 5\n韩玉鉴赏\n# comment\n  ＡＢＣ 3 nz\n蓝翔 nz\n坏\uD800词 3\n");
        Assert.Equal(
            [new("云计算", 5), new("韩玉鉴赏", null), new("abc", 3), new("蓝翔", null)],
            entries);
    }

    private string Write(string name, string content)
    {
        var path = Path.Combine(directory, name);
        File.WriteAllText(path, content);
        return path;
    }
}
