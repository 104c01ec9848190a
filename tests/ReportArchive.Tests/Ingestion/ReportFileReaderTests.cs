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
    }

    [Fact]
    public void Utf16WithByteOrderMark_IsDecoded()
    {
        var text = RepositoryFiles.SeedText("002");
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(text)).ToArray();
        Assert.Equal(text, _reader.Decode("002-utf16.txt", bytes).Text);
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
}
