using ReportArchive.Ingestion;
using ReportArchive.Tests.Fixtures;

namespace ReportArchive.Tests.Ingestion.Formats;

public sealed class DocumentFormatTests
{
    private readonly ReportFileReader _reader = new();
    private readonly ReportParser _parser = new();

    public static TheoryData<string> Seeds => new() { "000", "001", "002", "003", "004" };

    [Theory]
    [MemberData(nameof(Seeds))]
    public void HtmlOfASeed_GivesTheFiguresOfItsText(string seed) =>
        AssertSameFigures(seed, "report.html", ReportDocumentWriter.ToHtml(RepositoryFiles.SeedText(seed)));

    [Theory]
    [MemberData(nameof(Seeds))]
    public void DocxOfASeed_GivesTheFiguresOfItsText(string seed) =>
        AssertSameFigures(seed, "report.docx", ReportDocumentWriter.ToDocx(RepositoryFiles.SeedText(seed)));

    [Theory]
    [MemberData(nameof(Seeds))]
    public void PdfOfASeed_GivesTheFiguresOfItsText(string seed) =>
        AssertSameFigures(seed, "report.pdf", ReportDocumentWriter.ToPdf(RepositoryFiles.SeedText(seed)));

    [Fact]
    public void Html_KeepsTableCellsApartByTabs_AndDropsScripts()
    {
        var document = _reader.Decode("page.htm", ReportDocumentWriter.ToHtml("某局2021年政府信息公开工作年度报告\n信息内容\t本年新制作数量\n规章\t3"));

        Assert.Equal("某局2021年政府信息公开工作年度报告\n信息内容\t本年新制作数量\n规章\t3\n", document.Text);
        Assert.Equal("HTML (UTF-8)", document.Encoding);
    }

    [Fact]
    public void GbkHtml_IsDecoded()
    {
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        var html = "<html><head><meta charset=\"gbk\"></head><body><p>某局2021年报告</p><table><tr><td>规章</td><td>3</td></tr></table></body></html>";

        var document = _reader.Decode("page.html", System.Text.Encoding.GetEncoding("GBK").GetBytes(html));

        Assert.Equal("某局2021年报告\n规章\t3\n", document.Text);
    }

    [Fact]
    public void Docx_KeepsParagraphsOnLinesAndCellsApartByTabs()
    {
        var document = _reader.Decode("report.docx", ReportDocumentWriter.ToDocx("某局2021年报告\n正文一段。\n信息内容\t本年新制作数量\n规章\t3"));

        Assert.Equal("某局2021年报告\n正文一段。\n信息内容\t本年新制作数量\n规章\t3\n", document.Text);
        Assert.Equal("DOCX", document.Encoding);
    }

    [Theory]
    [InlineData("report.docx", "not a readable .docx file")]
    [InlineData("report.pdf", "not a PDF file")]
    public void BrokenDocument_IsRejectedWithTheReason(string name, string reason)
    {
        var exception = Assert.Throws<InvalidReportFileException>(() => _reader.Decode(name, "这不是文档"u8.ToArray()));
        Assert.Contains(reason, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NewFormats_ArePickedUpFromFolders()
    {
        Assert.Superset(new HashSet<string> { ".html", ".htm", ".docx", ".pdf", ".txt", ".md" }, ReportFileReader.SupportedExtensions.ToHashSet());
    }

    private void AssertSameFigures(string seed, string fileName, byte[] bytes)
    {
        var expected = _parser.Parse(RepositoryFiles.SeedText(seed));
        var actual = _parser.Parse(_reader.Decode(fileName, bytes).Text);

        Assert.Equal(expected.Figures.Template, actual.Figures.Template);
        var differing = expected.Figures.Figures
            .Where(f => !actual.Figures.Figures.TryGetValue(f.Key, out var value) || value != f.Value)
            .Select(f => $"{f.Key}: {f.Value} ≠ {actual.Figures.Figures.GetValueOrDefault(f.Key)}");
        Assert.Empty(differing);
        Assert.Equal(expected.Figures.Figures.Count, actual.Figures.Figures.Count);
        Assert.Equal(expected.Figures.Checks, actual.Figures.Checks);
        Assert.Equal(expected.Metadata.Agency, actual.Metadata.Agency);
        Assert.Equal(expected.Metadata.Year, actual.Metadata.Year);
    }
}
