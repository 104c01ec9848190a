using System.Text;
using ReportArchive.Ingestion;
using ReportArchive.Tests.Fixtures;

namespace ReportArchive.Tests.Ingestion;

public sealed class ReportFileReaderTests
{
    private readonly ReportFileReader _reader = new();

    [Fact]
    public void Utf8Report_IsReadAsIs_WithTheSha256OfItsBytes()
    {
        var bytes = File.ReadAllBytes(RepositoryFiles.Seed("004"));
        var document = _reader.Decode("004.txt", bytes);
        Assert.Equal("UTF-8", document.Encoding);
        Assert.Equal(Encoding.UTF8.GetString(bytes), document.Text);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)), document.Sha256);
    }

    [Fact]
    public void GbkReport_IsDetectedAndDecoded()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var text = RepositoryFiles.SeedText("001");
        var document = _reader.Decode("001-gbk.txt", Encoding.GetEncoding("GBK").GetBytes(text));
        Assert.Equal("GB18030", document.Encoding);
        Assert.Equal(text, document.Text);
        Assert.Equal(["encoding: GB18030 (detected)"], document.Warnings);
    }

    [Fact]
    public void Utf8Report_WithOneInvalidByte_StaysUtf8_WithThatByteReplaced()
    {
        var bytes = File.ReadAllBytes(RepositoryFiles.Seed("004"));
        var original = Encoding.UTF8.GetString(bytes);
        var at = Array.IndexOf(bytes, (byte)'2'); // an ASCII digit: one byte, one character
        bytes[at] = 0xFF;
        var character = Encoding.UTF8.GetCharCount(bytes, 0, at);

        var document = _reader.Decode("004-damaged.txt", bytes);

        Assert.Equal("UTF-8", document.Encoding);
        Assert.Equal(original[..character] + "\uFFFD" + original[(character + 1)..], document.Text);
        Assert.Equal(["encoding: UTF-8 with 1 invalid byte replaced"], document.Warnings);
    }

    [Fact]
    public void Utf8Report_WithAFewDamagedCharacters_StaysUtf8()
    {
        var bytes = File.ReadAllBytes(RepositoryFiles.Seed("001"));
        var random = new Random(3);
        for (var damaged = 0; damaged < 5;)
        {
            var at = random.Next(bytes.Length);
            if (bytes[at] >= 0x80)
            {
                bytes[at] ^= 0x40; // inside a multi-byte character: breaks it into invalid bytes
                damaged++;
            }
        }

        var document = _reader.Decode("001-damaged.txt", bytes);

        Assert.Equal("UTF-8", document.Encoding);
        Assert.Contains("年度报告", document.Text, StringComparison.Ordinal);
        Assert.Matches("^encoding: UTF-8 with [0-9]+ invalid bytes replaced$", Assert.Single(document.Warnings));
    }

    [Fact]
    public void TraditionalRealReport_InBig5_IsDetectedAsBig5()
    {
        var text = File.ReadAllText(RealReport("048"));
        var bytes = Big5().GetBytes(text);

        var document = _reader.Decode("048-big5.txt", bytes);

        Assert.Equal(("Big5", text), (document.Encoding, document.Text));
        Assert.Equal(["encoding: Big5 (detected)"], document.Warnings);
    }

    [Fact]
    public void EveryRealAndSeedReport_InGbk_IsReadAsGb18030_NotBig5()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var gbk = Encoding.GetEncoding("GBK", EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
        var texts = Directory.GetFiles(Path.Combine(RealReports, "reports"), "*.txt").Concat(Directory.GetFiles(RepositoryFiles.SeedsDirectory, "*.txt"))
            .Order(StringComparer.Ordinal).Select(f => (Name: Path.GetFileName(f), Text: File.ReadAllText(f))).ToList();
        Assert.True(texts.Count >= 55);
        var encodable = texts.Where(t => Encodable(gbk, t.Text)).ToList();
        Assert.True(encodable.Count >= 40, $"only {encodable.Count} texts are GBK-encodable");

        var misread = encodable.Where(t => _reader.Decode(t.Name, gbk.GetBytes(t.Text)) is var d && (d.Encoding, d.Text) != ("GB18030", t.Text)).Select(t => t.Name);

        Assert.Empty(misread);
    }

    [Fact]
    public void Gb18030Report_WithCharactersOutsideGbk_IsDecoded()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var text = RepositoryFiles.SeedText("002") + "\n附：㐀䶵𠀀 €\n"; // four-byte GB18030 sequences
        var document = _reader.Decode("002-gb18030.txt", Encoding.GetEncoding("GB18030").GetBytes(text));
        Assert.Equal(("GB18030", text), (document.Encoding, document.Text));
    }

    [Fact]
    public void Utf8WithByteOrderMark_AndAnInvalidByte_IsReadWithTheByteReplaced()
    {
        var text = RepositoryFiles.SeedText("003");
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text)).Append((byte)0xC3).ToArray();
        var document = _reader.Decode("003-bom.txt", bytes);
        Assert.Equal(("UTF-8", text + "\uFFFD"), (document.Encoding, document.Text));
        Assert.Equal(["encoding: UTF-8 with 1 invalid byte replaced"], document.Warnings);
    }

    [Fact]
    public void Utf16WithByteOrderMark_IsDecoded()
    {
        var text = RepositoryFiles.SeedText("002");
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(text)).ToArray();
        var document = _reader.Decode("002-utf16.txt", bytes);
        Assert.Equal((text, "UTF-16LE"), (document.Text, document.Encoding));
        Assert.Empty(document.Warnings);
    }

    [Theory]
    [InlineData(false, "UTF-16LE")]
    [InlineData(true, "UTF-16BE")]
    public void Utf16WithoutByteOrderMark_IsRecognised(bool bigEndian, string encoding)
    {
        var text = RepositoryFiles.SeedText("000");
        var document = _reader.Decode("000-utf16.txt", new UnicodeEncoding(bigEndian, false).GetBytes(text));
        Assert.Equal((text, encoding), (document.Text, document.Encoding));
    }

    [Theory]
    [InlineData(new byte[0], "empty file")]
    [InlineData(new byte[] { 0x20, 0x0A, 0x09, 0x0D }, "the file holds only whitespace")]
    [InlineData(new byte[] { 0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00 }, "binary file (it contains NUL bytes)")]
    [InlineData(new byte[] { 0x48, 0x65, 0x6C, 0x6C, 0x6F }, "no Chinese text in the file")]
    public void UnusableFile_IsRejectedWithItsReason(byte[] bytes, string reason)
    {
        var exception = Assert.Throws<InvalidReportFileException>(() => _reader.Decode("bad.txt", bytes));
        Assert.Equal(reason, exception.Message);
    }

    [Fact]
    public void RandomBytes_AreRejectedAsNotText()
    {
        var random = new Random(7);
        var bytes = new byte[4096];
        random.NextBytes(bytes);
        for (var i = 0; i < bytes.Length; i++)
        {
            bytes[i] = bytes[i] == 0 ? (byte)1 : bytes[i]; // no NUL: must be caught by the unreadable-character rule
        }

        var exception = Assert.Throws<InvalidReportFileException>(() => _reader.Decode("noise.txt", bytes));
        Assert.StartsWith("not text:", exception.Message, StringComparison.Ordinal);
    }

    private static string RealReports => Path.Combine(RepositoryFiles.Root, "..", "shared", "real-reports");

    private static string RealReport(string number) => Path.Combine(RealReports, "reports", number + ".txt");

    private static Encoding Big5()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(950, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
    }

    private static bool Encodable(Encoding encoding, string text)
    {
        try
        {
            encoding.GetBytes(text);
            return true;
        }
        catch (EncoderFallbackException)
        {
            return false;
        }
    }
}
