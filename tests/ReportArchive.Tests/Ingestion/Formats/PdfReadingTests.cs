using System.Text.RegularExpressions;
using ReportArchive.Documents;
using ReportArchive.Ingestion;
using ReportArchive.Ingestion.Formats;
using ReportArchive.Tests.Fixtures;

namespace ReportArchive.Tests.Ingestion.Formats;

/// <summary>
/// A PDF is read in process by PdfPig, its letters rebuilt into lines by position; where that reading loses the
/// tables the letters are read again in drawing order and the reading with more figures whose template identities
/// hold is kept, as the warnings say.
/// The seeds used are 2021-template reports with applications in table B (004) and without (000, 003).
/// </summary>
public sealed partial class PdfReadingTests
{
    private readonly ReportFileReader _reader = new();
    private readonly ReportParser _parser = new();

    public static TheoryData<string> Seeds => new() { "000", "003", "004" };

    [Theory]
    [MemberData(nameof(Seeds))]
    public void PdfWhoseNumbersSitOnAStaircaseOfBaselines_IsReadInDrawingOrder_AndGivesTheFiguresOfItsText(string seed)
    {
        // Each number cell 2 pt lower than the one before it in its row: by position a row of table B spreads over
        // several lines (cells of a row land on the next row's line), the drawing order still keeps it together.
        var pdf = ReportDocumentWriter.ToPdf(RepositoryFiles.SeedText(seed), numberBaselineStep: 2);

        var document = _reader.Decode("report.pdf", pdf);
        var parsed = _parser.Parse(document);

        AssertSameFigures(_parser.Parse(RepositoryFiles.SeedText(seed)), parsed);
        var warning = Assert.Single(parsed.Warnings, w => w.StartsWith("PDF:", StringComparison.Ordinal));
        Assert.StartsWith("PDF: text read as letters in drawing order (figures whose identities hold: letters by position ", warning, StringComparison.Ordinal);
        Assert.Equal(warning, parsed.Warnings[0]);
        Assert.Equal(document.Warnings, [warning]);
    }

    [Fact]
    public async Task ImportedPdfReadInDrawingOrder_IsStoredWithThatReadingsFigures_AndTheWarningFirst()
    {
        using var archive = new TemporaryArchive();
        var file = Path.Combine(Directory.CreateDirectory(Path.Combine(archive.DataDirectory, "incoming")).FullName, "staircase.pdf");
        File.WriteAllBytes(file, ReportDocumentWriter.ToPdf(RepositoryFiles.SeedText("004"), numberBaselineStep: 2));

        var summary = await archive.Importer.ImportAsync([file], null, CancellationToken.None);

        var stored = archive.Store.Get(Assert.Single(summary.Imported).Id)!;
        Assert.Equal(_parser.Parse(RepositoryFiles.SeedText("004")).Figures.Figures, stored.Figures);
        Assert.StartsWith("PDF: text read as letters in drawing order (", stored.Warnings[0], StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void BothReadingsOfAPdfThatDrawsEachTablesLabelsBeforeItsNumbers_GiveTheFiguresOfItsText(string seed)
    {
        var pdf = ReportDocumentWriter.ToPdf(RepositoryFiles.SeedText(seed), labelsBeforeNumbers: true);
        var drawn = PdfTextExtractor.Read(pdf, PdfTextExtractor.Reading.InDrawingOrder);
        var expected = _parser.Parse(RepositoryFiles.SeedText(seed));

        // the drawing order really is labels first: table B's labels end their lines, its numbers come after them.
        Assert.Contains("本年新收政府信息公开申请数量\n", drawn, StringComparison.Ordinal);
        AssertSameFigures(expected, _parser.Parse(drawn));
        AssertSameFigures(expected, _parser.Parse(PdfTextExtractor.Read(pdf, PdfTextExtractor.Reading.ByPosition)));
        AssertSameFigures(expected, _parser.Parse(_reader.Decode("report.pdf", pdf)));
    }

    [Fact]
    public void PdfWhosePositionReadingHoldsEveryIdentity_HasNoReadingWarning()
    {
        var pdf = ReportDocumentWriter.ToPdf(RepositoryFiles.SeedText("000"));

        var document = _reader.Decode("report.pdf", pdf);

        Assert.Empty(document.Warnings);
        Assert.DoesNotContain(_parser.Parse(document).Warnings, w => w.StartsWith("PDF:", StringComparison.Ordinal));
    }

    [Fact]
    public void LineThePageWrapped_RunsOnIntoTheNext_ShortLinesAndRowsOfCellsDoNot()
    {
        // a web page printed to PDF: the run-together cells of table A wrap at the page's right edge, cutting 4920
        const string text = "一、总体情况\n"
            + "二、主动公开政府信息情况第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数规章000行政规范性文件49\n"
            + "20第二十条第（五）项信息内容本年处理决定数量行政许可782\n"
            + "行政处罚\t182\n"
            + "三、收到和处理政府信息公开申请情况\n";

        var read = _reader.Decode("printed.pdf", ReportDocumentWriter.ToPdf(text)).Text;

        Assert.Contains("行政规范性文件4920第二十条第（五）项", read, StringComparison.Ordinal);
        Assert.Contains("一、总体情况\n", read, StringComparison.Ordinal);
        Assert.Contains("行政许可782\n", read, StringComparison.Ordinal);
        Assert.Contains("行政处罚\t182\n三、", read, StringComparison.Ordinal);
    }

    [Fact]
    public void PdfWhosePageInflatesPast64MB_IsRefusedWithTheReason()
    {
        // 80 MB of spaces deflate to under 100 KB: a decompression bomb in one page's content stream.
        using var deflated = new MemoryStream();
        using (var zlib = new System.IO.Compression.ZLibStream(deflated, System.IO.Compression.CompressionLevel.Optimal, leaveOpen: true))
        {
            var spaces = new byte[1024 * 1024];
            Array.Fill(spaces, (byte)' ');
            for (var i = 0; i < 80; i++)
            {
                zlib.Write(spaces);
            }
        }

        var head = System.Text.Encoding.ASCII.GetBytes(
            "%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n"
            + "3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << >> /Contents 4 0 R >>\nendobj\n"
            + $"4 0 obj\n<< /Length {deflated.Length} /Filter /FlateDecode >>\nstream\n");
        var tail = System.Text.Encoding.ASCII.GetBytes("\nendstream\nendobj\ntrailer\n<< /Size 5 /Root 1 0 R >>\n%%EOF\n");
        byte[] pdf = [.. head, .. deflated.ToArray(), .. tail];

        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var exception = Assert.Throws<InvalidReportFileException>(() => _reader.Decode("bomb.pdf", pdf));
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;

        Assert.Contains("inflates to more than 67,108,864 bytes", exception.Message, StringComparison.Ordinal);
        // refused while counting, before the stream's 80 MB exist anywhere
        Assert.True(allocated < 32L * 1024 * 1024, $"{allocated:N0} bytes allocated");
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void TextShapedLikeRawOutput_LabelsOnePerLineThenNumbersOnePerLine_GivesTheFiguresOfTheSeed(string seed)
    {
        var text = RawShaped(RepositoryFiles.SeedText(seed));

        Assert.Contains("本年新收政府信息公开申请数量\n", text, StringComparison.Ordinal);
        AssertSameFigures(_parser.Parse(RepositoryFiles.SeedText(seed)), _parser.Parse(text));
    }

    [Fact]
    public void ChooseReading_KeepsTheSecondReading_WhenTheFirstHasNoFigures()
    {
        var seed = RepositoryFiles.SeedText("004");
        var layout = string.Join('\n', seed.Split('\n').Select(line => line.Contains('\t', StringComparison.Ordinal) ? line.Split('\t')[0] : line));
        var raw = RawShaped(seed);

        var (text, warning) = PdfTextExtractor.ChooseReading(layout, () => raw, PdfTextExtractor.PositionReading, PdfTextExtractor.DrawingOrderReading);

        // the labels without their numbers give no table; the one figure left is the count seed 004's prose states
        Assert.Same(raw, text);
        Assert.Equal("PDF: text read as letters in drawing order (figures whose identities hold: letters by position 1 of 1, letters in drawing order 200 of 200)", warning);
    }

    [Fact]
    public void ChooseReading_CountsOnlyFiguresNoFailingIdentityPutsInDoubt()
    {
        // 自然人 of 一、本年新收 misread as 4 for 3: its row total and its column's balance fail, so the seven cells of
        // the row and the three other terms of the balance (上年结转, （七）总计, 结转下年度 of 自然人) are in doubt.
        var seed = RepositoryFiles.SeedText("004");
        var misread = seed.Replace("一、本年新收政府信息公开申请数量\t3\t", "一、本年新收政府信息公开申请数量\t4\t", StringComparison.Ordinal);
        Assert.NotEqual(seed, misread);

        var (text, warning) = PdfTextExtractor.ChooseReading(misread, () => seed, PdfTextExtractor.PositionReading, PdfTextExtractor.DrawingOrderReading);

        Assert.Same(seed, text);
        Assert.Equal("PDF: text read as letters in drawing order (figures whose identities hold: letters by position 190 of 200, letters in drawing order 200 of 200)", warning);
    }

    [Fact]
    public void ChooseReading_KeepsTheFirstReading_WhenTheSecondIsNoBetter()
    {
        var seed = RepositoryFiles.SeedText("004");
        var labelsOnly = string.Join('\n', seed.Split('\n').Select(line => line.Contains('\t', StringComparison.Ordinal) ? line.Split('\t')[0] : line));

        var (text, warning) = PdfTextExtractor.ChooseReading(labelsOnly, () => labelsOnly + "\n", PdfTextExtractor.PositionReading, PdfTextExtractor.DrawingOrderReading);

        Assert.Same(labelsOnly, text);
        Assert.Equal("PDF: text read as letters by position (figures whose identities hold: letters by position 1 of 1, letters in drawing order 1 of 1)", warning);
    }

    [Fact]
    public void ChooseReading_DoesNotReadTwice_WhenEveryFigureOfTheFirstReadingHoldsItsIdentities()
    {
        var seed = RepositoryFiles.SeedText("000");

        var (text, warning) = PdfTextExtractor.ChooseReading(seed, () => throw new InvalidOperationException("the second reading was asked for"), PdfTextExtractor.PositionReading, PdfTextExtractor.DrawingOrderReading);

        Assert.Same(seed, text);
        Assert.Null(warning);
    }

    /// <summary>What a drawing-order reading (PdfPig's, or <c>pdftotext -raw</c>) makes of a table drawn labels first: every label cell on its own line, then every number on its own line.</summary>
    private static string RawShaped(string text)
    {
        var output = new List<string>();
        var table = new List<string>();
        foreach (var line in text.ReplaceLineEndings("\n").Split('\n').Append(string.Empty))
        {
            if (line.Contains('\t', StringComparison.Ordinal))
            {
                table.Add(line);
                continue;
            }

            var cells = table.SelectMany(row => row.Split('\t')).Select(c => c.Trim()).Where(c => c.Length > 0).ToList();
            output.AddRange(cells.Where(c => !Number().IsMatch(c)));
            output.AddRange(cells.Where(c => Number().IsMatch(c)));
            table.Clear();
            output.Add(line);
        }

        return string.Join('\n', output);
    }

    private static void AssertSameFigures(ParsedReport expected, ParsedReport actual)
    {
        Assert.Equal(expected.Figures.Template, actual.Figures.Template);
        var differing = expected.Figures.Figures
            .Where(f => !actual.Figures.Figures.TryGetValue(f.Key, out var value) || value != f.Value)
            .Select(f => $"{f.Key}: {f.Value} ≠ {actual.Figures.Figures.GetValueOrDefault(f.Key)}");
        Assert.Empty(differing);
        Assert.Equal(expected.Figures.Checks.Where(c => !c.Ok).Select(c => c.Rule), actual.Figures.Checks.Where(c => !c.Ok).Select(c => c.Rule));
        Assert.Equal(expected.Metadata.Agency, actual.Metadata.Agency);
        Assert.Equal(expected.Metadata.Year, actual.Metadata.Year);
    }

    [GeneratedRegex(@"^-?\d+$")]
    private static partial Regex Number();
}
