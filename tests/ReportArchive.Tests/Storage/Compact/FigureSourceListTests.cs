using ReportArchive.Figures;
using ReportArchive.Storage.Compact;

namespace ReportArchive.Tests.Storage.Compact;

public sealed class FigureSourceListTests
{
    private const string Text = "一、总体情况\n本年度共收到政府信息公开申请44件，办结39件。\n行政处罚\t887\n";

    [Fact]
    public void Sources_RoundTrip_TableCellsAndSentences()
    {
        var sentenceStart = Text.IndexOf("本年度", StringComparison.Ordinal);
        var sentence = "本年度共收到政府信息公开申请44件，办结39件。";
        var sources = new Dictionary<string, FigureSource>
        {
            ["requests.new.total"] = new(FigureSourceKind.Narrative, sentenceStart, sentence.Length, Sentence: sentence),
            ["proactive.administrativePenalty.decisions"] = new(FigureSourceKind.Table, Text.IndexOf("887", StringComparison.Ordinal), 3, "A", "行政处罚", "本年处理决定数量"),
            ["review.total"] = new(FigureSourceKind.Narrative, 0, 2, Sentence: "a sentence that is not the span 𠀀"),
        };

        var stored = FigureSourceList.Encode(sources, Text)!;

        Assert.Equal(sources, FigureSourceList.Decode(stored, Text));
    }

    [Fact]
    public void ASentenceThatIsItsSpan_IsNotStoredTwice()
    {
        var sentence = "本年度共收到政府信息公开申请44件，办结39件。";
        var start = Text.IndexOf(sentence, StringComparison.Ordinal);
        var asSpan = new Dictionary<string, FigureSource> { ["requests.new.total"] = new(FigureSourceKind.Narrative, start, sentence.Length, Sentence: sentence) };
        var elsewhere = new Dictionary<string, FigureSource> { ["requests.new.total"] = new(FigureSourceKind.Narrative, start + 1, sentence.Length, Sentence: sentence) };

        var stored = FigureSourceList.Encode(asSpan, Text)!;

        Assert.True(stored.Length < 30, $"{stored.Length} bytes");
        Assert.True(FigureSourceList.Encode(elsewhere, Text)!.Length > stored.Length + 60);
    }

    [Fact]
    public void NoSources_WriteNoRow_AndNoRowReadsAsEmpty()
    {
        Assert.Null(FigureSourceList.Encode(new Dictionary<string, FigureSource>(), Text));
        Assert.Empty(FigureSourceList.Decode(null, Text));
    }

    [Theory]
    [InlineData(new byte[] { })]
    [InlineData(new byte[] { 9, 0 })]
    [InlineData(new byte[] { 1, 1 })]
    [InlineData(new byte[] { 1, 0, 0 })]
    public void DamagedBytes_AreAClearError(byte[] stored)
        => Assert.Throws<InvalidDataException>(() => FigureSourceList.Decode(stored, Text));

    [Fact]
    public void ASpanOutsideTheText_IsAClearError()
    {
        var sources = new Dictionary<string, FigureSource> { ["review.total"] = new(FigureSourceKind.Narrative, 3, 4, Sentence: Text.Substring(3, 4)) };
        var stored = FigureSourceList.Encode(sources, Text)!;

        Assert.Throws<InvalidDataException>(() => FigureSourceList.Decode(stored, "短"));
    }
}
