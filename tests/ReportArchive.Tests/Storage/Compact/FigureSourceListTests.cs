using System.Buffers;
using ReportArchive.Corpus.Reports;
using ReportArchive.Figures;
using ReportArchive.Ingestion;
using ReportArchive.Storage.Compact;
using ReportArchive.Tests.Fixtures;

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
    [InlineData(new byte[] { 2, 5, 1, 2, 3 })] // not Brotli
    [InlineData(new byte[] { 2, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F })] // a plain length past any report
    public void DamagedBytes_AreAClearError(byte[] stored)
        => Assert.Throws<InvalidDataException>(() => FigureSourceList.Decode(stored, Text));

    [Fact]
    public void ASpanOutsideTheText_IsAClearError()
    {
        var sources = new Dictionary<string, FigureSource> { ["review.total"] = new(FigureSourceKind.Narrative, 3, 4, Sentence: Text.Substring(3, 4)) };
        var stored = FigureSourceList.Encode(sources, Text)!;

        Assert.Throws<InvalidDataException>(() => FigureSourceList.Decode(stored, "短"));
    }

    [Theory]
    [InlineData(new byte[] { 1, 0xFF, 0x7F, 0, 0, 0 })] // a key reference past the strings
    [InlineData(new byte[] { 1, 2, 128, 0, 1 })] // "same table and row" with no figure before
    public void DamagedReferences_AreAClearError(byte[] plain)
    {
        var compressed = new byte[64];
        Assert.True(System.IO.Compression.BrotliEncoder.TryCompress(plain, compressed, out var written));
        byte[] stored = [2, (byte)plain.Length, .. compressed.AsSpan(0, written)];

        Assert.Throws<InvalidDataException>(() => FigureSourceList.Decode(stored, Text));
    }

    /// <summary>Archives written before format 2 store every string as text and every start as it is: they still read.</summary>
    [Fact]
    public void Format1_AsWrittenBefore_StillReads()
    {
        var start = Text.IndexOf("887", StringComparison.Ordinal);
        var output = new ArrayBufferWriter<byte>();
        output.Write<byte>([1]);
        Varint.Write(output, 1);
        Varint.WriteString(output, "proactive.administrativePenalty.decisions");
        output.Write<byte>([1 | 2 | 4]); // table, row and column, kind Table (0)
        Varint.Write(output, (ulong)start);
        Varint.Write(output, 3);
        Varint.WriteString(output, "A");
        Varint.WriteString(output, "行政处罚");
        Varint.WriteString(output, "本年处理决定数量");

        var read = FigureSourceList.Decode(output.WrittenSpan.ToArray(), Text);

        Assert.Equal(new FigureSource(FigureSourceKind.Table, start, 3, "A", "行政处罚", "本年处理决定数量"), read["proactive.administrativePenalty.decisions"]);
    }

    /// <summary>Real parses of generated and real reports: every source reads back as it was, in under 2 bytes a figure.</summary>
    [Fact]
    public void ParsedReports_RoundTrip_InUnderTwoBytesAFigure()
    {
        var texts = new ReportCorpusGenerator(seed: 5).Generate(40).Select(r => r.Text)
            .Concat(Directory.GetFiles(Path.Combine(RepositoryFiles.Root, "..", "shared", "real-reports", "reports"), "*.txt").Select(File.ReadAllText))
            .ToList();
        var parser = new ReportParser();
        long bytes = 0, figures = 0;
        foreach (var text in texts)
        {
            var sources = parser.Parse(text).Figures.Sources;
            if (FigureSourceList.Encode(sources, text) is not { } stored)
            {
                continue;
            }

            Assert.Equal(sources.OrderBy(s => s.Key, StringComparer.Ordinal), FigureSourceList.Decode(stored, text).OrderBy(s => s.Key, StringComparer.Ordinal));
            bytes += stored.Length;
            figures += sources.Count;
        }

        Assert.True(figures > 40 * 150, $"{figures} figures");
        Assert.True(bytes < figures * 2, $"{bytes} bytes for {figures} figures");
    }

    /// <summary>
    /// Every label and key the parser gives a source of the national template's tables is in the append-only string file,
    /// so none is stored as text (an old statute's 统计表 prints labels of its own: they are stored as text).
    /// </summary>
    [Fact]
    public void EveryTemplateLabelAndKey_IsAReferencedString()
    {
        var texts = new ReportCorpusGenerator(seed: 6).Generate(40).Select(r => r.Text)
            .Concat(Directory.GetFiles(Path.Combine(RepositoryFiles.Root, "..", "shared", "real-reports", "reports"), "*.txt").Select(File.ReadAllText));
        var parser = new ReportParser();
        var missing = texts.SelectMany(t => parser.Parse(t).Figures.Sources)
            .Where(s => s.Value.Table is null or "A" or "B" or "C")
            .SelectMany(s => (string?[])[s.Key, s.Value.Table, s.Value.Row, s.Value.Column])
            .OfType<string>()
            .Where(s => FigureSourceStrings.IndexOf(s) is null)
            .Distinct()
            .ToList();

        Assert.Empty(missing); // append them to Storage/Compact/Data/figure-source-strings-1.txt
        Assert.All(FigureKeys.All, k => Assert.NotNull(FigureSourceStrings.IndexOf(k.Key)));
    }
}
