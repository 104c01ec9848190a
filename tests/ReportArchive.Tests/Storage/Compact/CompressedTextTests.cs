using System.Text;
using ReportArchive.Storage.Compact;
using ReportArchive.Tests.Fixtures;

namespace ReportArchive.Tests.Storage.Compact;

public sealed class CompressedTextTests
{
    [Theory]
    [InlineData("")]
    [InlineData("a")]
    [InlineData("𠀀𪚥 非BMP字符 🙂 与 BMP 混排\r\n\t末尾")]
    public void Text_ReadsBackIdentical(string text) =>
        Assert.Equal(text, CompressedText.Decompress(CompressedText.Compress(text)));

    [Fact]
    public void SeedReports_ReadBackIdentical_AndTakeLessThanHalfTheirUtf8()
    {
        foreach (var file in Directory.GetFiles(RepositoryFiles.SeedsDirectory, "*.txt"))
        {
            var text = File.ReadAllText(file);
            var stored = CompressedText.Compress(text);

            Assert.Equal(text, CompressedText.Decompress(stored));
            Assert.True(stored.Length < Encoding.UTF8.GetByteCount(text) / 2, $"{Path.GetFileName(file)}: {stored.Length} bytes");
        }
    }

    [Fact]
    public void Format1BrotliText_OfOlderArchives_StillReadsBack()
    {
        var text = RepositoryFiles.SeedText("001");

        Assert.Equal(text, CompressedText.Decompress(OldTextFormat.Brotli(text)));
    }

    [Fact]
    public void NewText_IsWrittenInFormat2()
    {
        Assert.Equal(2, CompressedText.Compress("正文")[0]);
    }

    [Fact]
    public void Decompress_RejectsAnUnknownFormat() =>
        Assert.Throws<InvalidDataException>(() => CompressedText.Decompress([7, 0]));
}
