using System.Diagnostics;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using ReportArchive.Corpus.Documents;
using ReportArchive.Ingestion;
using ReportArchive.Tests.Fixtures;

namespace ReportArchive.Tests.Ingestion.Formats;

/// <summary>
/// Documents built to hurt a reader: each is read or refused with an <see cref="InvalidReportFileException"/>
/// (never another exception, never a stack overflow), quickly, and the ones that cannot be reports are refused.
/// </summary>
public sealed class HostileDocumentTests
{
    private static readonly TimeSpan Quick = TimeSpan.FromSeconds(10);
    private readonly ReportFileReader _reader = new();

    [Fact]
    public void EveryHostileKind_IsReadOrRefusedWithAReason_Quickly()
    {
        var outcomes = new List<string>();
        foreach (var (name, bytes) in new HostileDocumentGenerator(seed: 5).Generate(HostileDocumentGenerator.Kinds * 2))
        {
            var clock = Stopwatch.StartNew();
            try
            {
                _reader.Decode(name, bytes);
                Assert.False(HostileDocumentGenerator.MustBeRejected(name), $"{name} was read");
            }
            catch (InvalidReportFileException exception)
            {
                Assert.False(string.IsNullOrWhiteSpace(exception.Message));
                Assert.False(name.Contains("-good-", StringComparison.Ordinal), $"{name}: {exception.Message}");
                outcomes.Add($"{name}: {exception.Message}");
            }

            Assert.True(clock.Elapsed < Quick, $"{name} took {clock.Elapsed}");
        }

        Assert.NotEmpty(outcomes);
    }

    [Fact]
    public void DocxOf40000NestedContentControls_IsRefusedBeforeOpenXmlLoadsIt()
    {
        var (name, bytes) = new HostileDocumentGenerator(seed: 1).Generate(2).Last();
        Assert.StartsWith("d01-deep-content-controls", name, StringComparison.Ordinal);

        var clock = Stopwatch.StartNew();
        var exception = Assert.Throws<InvalidReportFileException>(() => _reader.Decode(name, bytes));

        Assert.Equal("the .docx part 'word/document.xml' nests XML elements deeper than 256", exception.Message);
        Assert.True(clock.Elapsed < Quick);
    }

    [Fact]
    public void DocxWithContentControlsNestedWithinTheLimit_IsRead()
    {
        var block = new SdtBlock(new SdtContentBlock(new Paragraph(new Run(new Text("某局2021年政府信息公开工作年度报告")))));
        for (var i = 0; i < 100; i++)
        {
            block = new SdtBlock(new SdtContentBlock(block));
        }

        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            document.AddMainDocumentPart().Document = new Document(new Body(block));
        }

        Assert.Equal("某局2021年政府信息公开工作年度报告\n", _reader.Decode("nested.docx", stream.ToArray()).Text);
    }

    [Theory]
    [InlineData(2, "d02-zip-bomb", "declares")]
    [InlineData(3, "d03-lying-sizes", "not a readable .docx file")]
    [InlineData(11, "d11-many-entries", "entries (the limit is 2,000)")]
    [InlineData(10, "d10-dtd-entities", "DTD is prohibited")]
    public void DocxBombs_AreRefusedWithoutInflatingThem(int index, string kind, string reason)
    {
        var (name, bytes) = new HostileDocumentGenerator(seed: 1).Generate(index + 1).Last();
        Assert.StartsWith(kind, name, StringComparison.Ordinal);

        var before = GC.GetTotalAllocatedBytes(precise: true);
        var exception = Assert.Throws<InvalidReportFileException>(() => _reader.Decode(name, bytes));

        Assert.Contains(reason, exception.Message, StringComparison.Ordinal);
        Assert.True(GC.GetTotalAllocatedBytes(precise: true) - before < 512L * 1024 * 1024, "the reader allocated more than 512 MB");
    }

    [Fact]
    public void HtmlOf100000NestedDivs_IsRefusedInAMomentWithItsReason()
    {
        var html = "<html><body>" + string.Concat(Enumerable.Repeat("<div>", 100_000)) + "年度报告" + string.Concat(Enumerable.Repeat("</div>", 100_000)) + "</body></html>";

        var clock = Stopwatch.StartNew();
        var exception = Assert.Throws<InvalidReportFileException>(() => _reader.Decode("deep.html", Encoding.UTF8.GetBytes(html)));

        Assert.Equal("the HTML nests elements deeper than 1,000", exception.Message);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"took {clock.Elapsed}");
    }

    [Fact]
    public void HtmlOfUnclosedParagraphsAndCells_AndQuotedBrackets_IsNotMistakenForDeep()
    {
        var html = "<html><body><div title=\"a > b <div>\" data-x=it's>"
            + string.Concat(Enumerable.Range(0, 5_000).Select(i => $"<p>第{i}段年度报告<br><table><tr><td>规章<td>{i}</table>"))
            + "</div></body></html>";

        var document = _reader.Decode("sloppy.html", Encoding.UTF8.GetBytes(html));

        Assert.Contains("第4999段年度报告", document.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void RealReportPages_AreWithinTheDepthLimit()
    {
        var pages = Directory.GetFiles(Path.Combine(RepositoryFiles.Root, "..", "shared", "real-reports", "html"), "*.html");
        Assert.NotEmpty(pages);
        Assert.All(pages, page => Assert.Contains("年", _reader.Decode(Path.GetFileName(page), File.ReadAllBytes(page)).Text, StringComparison.Ordinal));
    }
}
