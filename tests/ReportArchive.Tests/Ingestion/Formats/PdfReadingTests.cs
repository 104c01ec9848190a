using System.Diagnostics;
using System.Text.RegularExpressions;
using ReportArchive.Documents;
using ReportArchive.Ingestion;
using ReportArchive.Ingestion.Formats;
using ReportArchive.Tests.Fixtures;

namespace ReportArchive.Tests.Ingestion.Formats;

/// <summary>
/// A PDF is read with <c>pdftotext -layout</c>; where that reading loses the tables it is read again with
/// <c>-raw</c> and the reading with more figures whose template identities hold is kept, as the warnings say.
/// The seeds used are 2021-template reports with applications in table B (004) and without (000, 003).
/// </summary>
public sealed partial class PdfReadingTests
{
    private readonly ReportFileReader _reader = new();
    private readonly ReportParser _parser = new();

    public static TheoryData<string> Seeds => new() { "000", "003", "004" };

    [Theory]
    [MemberData(nameof(Seeds))]
    public void PdfWhoseNumbersSitOnAStaircaseOfBaselines_IsReadRaw_AndGivesTheFiguresOfItsText(string seed)
    {
        // Each number cell 2 pt lower than the one before it in its row: -layout spreads a row of table B over
        // several lines (cells of a row land on the next row's line), the drawing order still keeps it together.
        var pdf = ReportDocumentWriter.ToPdf(RepositoryFiles.SeedText(seed), numberBaselineStep: 2);
        if (!PdftotextInstalled())
        {
            Assert.Contains("pdftotext", Assert.Throws<InvalidReportFileException>(() => _reader.Decode("report.pdf", pdf)).Message, StringComparison.Ordinal);
            return;
        }

        var document = _reader.Decode("report.pdf", pdf);
        var parsed = _parser.Parse(document);

        AssertSameFigures(_parser.Parse(RepositoryFiles.SeedText(seed)), parsed);
        var warning = Assert.Single(parsed.Warnings, w => w.StartsWith("PDF:", StringComparison.Ordinal));
        Assert.StartsWith("PDF: text read with pdftotext -raw (figures whose identities hold: -layout ", warning, StringComparison.Ordinal);
        Assert.Equal(warning, parsed.Warnings[0]);
        Assert.Equal(document.Warnings, [warning]);
    }

    [Fact]
    public async Task ImportedPdfReadRaw_IsStoredWithTheRawReadingsFigures_AndTheWarningFirst()
    {
        if (!PdftotextInstalled())
        {
            return;
        }

        using var archive = new TemporaryArchive();
        var file = Path.Combine(Directory.CreateDirectory(Path.Combine(archive.DataDirectory, "incoming")).FullName, "staircase.pdf");
        File.WriteAllBytes(file, ReportDocumentWriter.ToPdf(RepositoryFiles.SeedText("004"), numberBaselineStep: 2));

        var summary = await archive.Importer.ImportAsync([file], null, CancellationToken.None);

        var stored = archive.Store.Get(Assert.Single(summary.Imported).Id)!;
        Assert.Equal(_parser.Parse(RepositoryFiles.SeedText("004")).Figures.Figures, stored.Figures);
        Assert.StartsWith("PDF: text read with pdftotext -raw (", stored.Warnings[0], StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void RawReadingOfAPdfThatDrawsEachTablesLabelsBeforeItsNumbers_GivesTheFiguresOfItsText(string seed)
    {
        var pdf = ReportDocumentWriter.ToPdf(RepositoryFiles.SeedText(seed), labelsBeforeNumbers: true);
        if (!PdftotextInstalled())
        {
            return;
        }

        var raw = RunPdftotext(pdf, "-raw");
        var expected = _parser.Parse(RepositoryFiles.SeedText(seed));

        // poppler's raw text really is labels first: table B's labels end their lines, its numbers come after them.
        Assert.Contains("本年新收政府信息公开申请数量\n", raw, StringComparison.Ordinal);
        AssertSameFigures(expected, _parser.Parse(raw));
        AssertSameFigures(expected, _parser.Parse(_reader.Decode("report.pdf", pdf)));
    }

    [Fact]
    public void PdfWhoseLayoutReadingHoldsEveryIdentity_IsNotReadTwice_AndHasNoReadingWarning()
    {
        var pdf = ReportDocumentWriter.ToPdf(RepositoryFiles.SeedText("000"));
        if (!PdftotextInstalled())
        {
            return;
        }

        var document = _reader.Decode("report.pdf", pdf);

        Assert.Empty(document.Warnings);
        Assert.DoesNotContain(_parser.Parse(document).Warnings, w => w.StartsWith("PDF:", StringComparison.Ordinal));
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
    public void ChooseReading_KeepsTheRawReading_WhenTheLayoutReadingHasNoFigures()
    {
        var seed = RepositoryFiles.SeedText("004");
        var layout = string.Join('\n', seed.Split('\n').Select(line => line.Contains('\t', StringComparison.Ordinal) ? line.Split('\t')[0] : line));
        var raw = RawShaped(seed);

        var (text, warning) = PdfTextExtractor.ChooseReading(layout, () => raw);

        // the labels without their numbers give no table; the one figure left is the count seed 004's prose states
        Assert.Same(raw, text);
        Assert.Equal("PDF: text read with pdftotext -raw (figures whose identities hold: -layout 1 of 1, -raw 200 of 200)", warning);
    }

    [Fact]
    public void ChooseReading_CountsOnlyFiguresNoFailingIdentityPutsInDoubt()
    {
        // 自然人 of 一、本年新收 misread as 4 for 3: its row total and its column's balance fail, so the seven cells of
        // the row and the three other terms of the balance (上年结转, （七）总计, 结转下年度 of 自然人) are in doubt.
        var seed = RepositoryFiles.SeedText("004");
        var misread = seed.Replace("一、本年新收政府信息公开申请数量\t3\t", "一、本年新收政府信息公开申请数量\t4\t", StringComparison.Ordinal);
        Assert.NotEqual(seed, misread);

        var (text, warning) = PdfTextExtractor.ChooseReading(misread, () => seed);

        Assert.Same(seed, text);
        Assert.Equal("PDF: text read with pdftotext -raw (figures whose identities hold: -layout 190 of 200, -raw 200 of 200)", warning);
    }

    [Fact]
    public void ChooseReading_KeepsTheLayoutReading_WhenTheRawReadingIsNoBetter()
    {
        var seed = RepositoryFiles.SeedText("004");
        var labelsOnly = string.Join('\n', seed.Split('\n').Select(line => line.Contains('\t', StringComparison.Ordinal) ? line.Split('\t')[0] : line));

        var (text, warning) = PdfTextExtractor.ChooseReading(labelsOnly, () => labelsOnly + "\n");

        Assert.Same(labelsOnly, text);
        Assert.Equal("PDF: text read with pdftotext -layout (figures whose identities hold: -layout 1 of 1, -raw 1 of 1)", warning);
    }

    [Fact]
    public void ChooseReading_DoesNotReadRaw_WhenEveryFigureOfTheLayoutReadingHoldsItsIdentities()
    {
        var seed = RepositoryFiles.SeedText("000");

        var (text, warning) = PdfTextExtractor.ChooseReading(seed, () => throw new InvalidOperationException("the raw reading was asked for"));

        Assert.Same(seed, text);
        Assert.Null(warning);
    }

    /// <summary>What <c>pdftotext -raw</c> makes of a table drawn labels first: every label cell on its own line, then every number on its own line.</summary>
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

    private static string RunPdftotext(byte[] pdf, string reading)
    {
        var path = Path.Combine(Path.GetTempPath(), $"reportarchive-test-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(path, pdf);
        try
        {
            var start = new ProcessStartInfo("pdftotext") { RedirectStandardOutput = true, StandardOutputEncoding = System.Text.Encoding.UTF8 };
            foreach (var argument in (string[])[reading, "-enc", "UTF-8", "-q", path, "-"])
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            var text = process.StandardOutput.ReadToEnd();
            Assert.True(process.WaitForExit(TimeSpan.FromSeconds(60)));
            return text.Replace('\f', '\n');
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static bool PdftotextInstalled()
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo("pdftotext", "-v") { RedirectStandardError = true, RedirectStandardOutput = true });
            process!.WaitForExit();
            return true;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    [GeneratedRegex(@"^-?\d+$")]
    private static partial Regex Number();
}
