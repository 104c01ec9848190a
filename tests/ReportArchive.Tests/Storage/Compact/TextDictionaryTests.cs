using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using ReportArchive.Storage.Compact;
using ReportArchive.Tests.Fixtures;

namespace ReportArchive.Tests.Storage.Compact;

public sealed class TextDictionaryTests
{
    [Fact]
    public void Dictionary_IsTheFrozenTemplateWording()
    {
        var bytes = TextDictionary.Bytes();

        // Every text stored as format 2 needs exactly these bytes: a change here makes archives unreadable.
        Assert.Equal("4fbf2d2289233b232d3781b7c5ae0ed362600fc7f6ead56adfacca236b74710d", Convert.ToHexStringLower(SHA256.HashData(bytes)));
        Assert.StartsWith("# The annual report on government information disclosure", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
    }

    [Fact]
    public void TemplateWording_TakesLessThanTwoThirdsOfWhatBrotliNeedsWithoutIt()
    {
        // Words of the template (a heading and a table label) that no seed sentence holds whole, in a new sentence.
        var text = "本机关2030年收到和处理政府信息公开申请情况如下：本年新收政府信息公开申请数量为零，上年结转政府信息公开申请数量为零。"
            + "政府信息公开行政复议、行政诉讼情况：无。存在的主要问题及改进情况：将持续提升公开质量。";
        var utf8 = Encoding.UTF8.GetBytes(text);
        var packed = new byte[TextDictionary.MaxCompressedLength(utf8.Length)];

        var written = TextDictionary.Compress(utf8, packed);

        var brotli = new byte[BrotliEncoder.GetMaxCompressedLength(utf8.Length)];
        Assert.True(BrotliEncoder.TryCompress(utf8, brotli, out var brotliLength, 5, 22));
        Assert.True(written * 3 < brotliLength * 2, $"{written} bytes, Brotli {brotliLength}, UTF-8 {utf8.Length}");
        var back = new byte[utf8.Length];
        Assert.Equal(utf8.Length, TextDictionary.Decompress(packed.AsSpan(0, written), back));
        Assert.Equal(utf8, back);
    }

    [Fact]
    public void Decompress_RejectsACorruptFrame()
    {
        var utf8 = Encoding.UTF8.GetBytes(RepositoryFiles.SeedText("000"));
        var packed = new byte[TextDictionary.MaxCompressedLength(utf8.Length)];
        var written = TextDictionary.Compress(utf8, packed);
        packed[written / 2] ^= 0x5A;
        packed[(written / 2) + 1] ^= 0xA5;

        Assert.ThrowsAny<Exception>(() =>
        {
            var back = new byte[utf8.Length];
            if (TextDictionary.Decompress(packed.AsSpan(0, written), back) != utf8.Length || !back.AsSpan().SequenceEqual(utf8))
            {
                throw new InvalidDataException("corrupt frame read back different bytes");
            }
        });
    }

    [Theory]
    [InlineData("002")]
    [InlineData("032")]
    public void TextsWrittenThroughDebiansLibzstd_ReadTheSameThroughTheManagedPort(string realReport)
    {
        // Written by CompressedText.Compress when it called libzstd.so.1 through P/Invoke (before ZstdSharp), from the
        // real reports in shared/real-reports: an archive written by an earlier version keeps every text.
        var stored = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Storage", "Compact", "Data", $"real-{realReport}.libzstd.bin"));
        var expected = File.ReadAllText(Path.Combine(RepositoryFiles.Root, "..", "shared", "real-reports", "reports", realReport + ".txt"));

        Assert.Equal(expected, CompressedText.Decompress(stored));
    }

    [Fact]
    public void TheManagedPort_WritesStandardZstdFrames()
    {
        // A stored text is a format byte, the UTF-8 length as a varint, then one zstd frame (magic 0xFD2FB528, little
        // endian): any zstd implementation with the dictionary reads it (checked once with Debian's zstd command:
        // `zstd -d -D text-dictionary-1.bin` gives the text back).
        var text = File.ReadAllText(Path.Combine(RepositoryFiles.Root, "..", "shared", "real-reports", "reports", "002.txt"));
        var stored = CompressedText.Compress(text);
        var position = 1;
        Varint.Read(stored, ref position);

        Assert.Equal(2, stored[0]);
        Assert.Equal(new byte[] { 0x28, 0xB5, 0x2F, 0xFD }, stored[position..(position + 4)]);
        Assert.Equal(text, CompressedText.Decompress(stored));
    }

    [Fact]
    public void Compress_IsSafeFromManyThreadsAtOnce()
    {
        var texts = Enumerable.Range(0, 64).Select(i => RepositoryFiles.SeedText("00" + (i % 5)) + i).ToArray();

        var packed = new byte[texts.Length][];
        Parallel.For(0, texts.Length, i => packed[i] = CompressedText.Compress(texts[i]));

        Assert.Equal(texts, packed.AsParallel().AsOrdered().Select(p => CompressedText.Decompress(p)).ToArray());
    }
}
