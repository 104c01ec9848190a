using ReportArchive.Corpus.Tables;
using ReportArchive.Figures;

namespace ReportArchive.Tests.Figures;

/// <summary>
/// Provenance of table cells, over everything we have: the seeds, generated reports of every layout and defect,
/// and the real reports of ../shared/real-reports. For every figure with a source, the source's span of the text
/// passed to Extract prints that figure's value; a figure without a value has no source.
/// </summary>
public sealed class FigureSourceInvariantTests
{
    private readonly FigureTableExtractor _extractor = new();

    [Fact]
    public void Sources_PrintTheirFiguresInTheSeeds()
    {
        var files = Directory.GetFiles(Path.Combine(SeedReports.RepositoryRoot(), "seeds"), "*.txt");
        Assert.NotEmpty(files);
        var withSource = files.Sum(file => AssertSourcesPrintValues(Path.GetFileName(file), File.ReadAllText(file)));
        Assert.True(withSource > 500, $"only {withSource} figures with a source in the seeds");
    }

    [Fact]
    public void Sources_PrintTheirFiguresInGeneratedReportsOfEveryLayout()
    {
        var renderer = new LabelledTableRenderer();
        var withSource = 0;
        for (var seed = 0; seed < 240; seed++)
        {
            var (_, text) = GeneratedReportRoundTripTests.Generate(renderer, seed);
            withSource += AssertSourcesPrintValues($"seed {seed}", text);
        }

        Assert.True(withSource > 20_000, $"only {withSource} figures with a source");
    }

    [Fact]
    public void Sources_PrintTheirFiguresInTheRealReports()
    {
        var folder = Path.Combine(SeedReports.RepositoryRoot(), "..", "shared", "real-reports", "reports");
        Assert.True(Directory.Exists(folder), "the real reports are expected beside the repository: " + folder);
        var withSource = Directory.GetFiles(folder, "*.txt").Order(StringComparer.Ordinal)
            .Sum(file => AssertSourcesPrintValues(Path.GetFileName(file), File.ReadAllText(file)));
        Assert.True(withSource > 2_000, $"only {withSource} figures with a source in the real reports");
    }

    [Fact]
    public void Sources_MapThroughHtmlMarkupAndFullWidthDigitsToTheOriginalText()
    {
        var text = "某某县教育局2021年政府信息公开工作年度报告\r\n\r\n一、总体情况\r\n\r\n本年度工作情况如下。\r\n\r\n二、主动公开政府信息情况\r\n"
            + "<table><tr><td>第二十条第（一）项</td></tr><tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>"
            + "<tr><td>规&nbsp;章</td><td>１２</td><td><b>3</b></td><td>&#52;5</td></tr></table>\r\n";

        var extraction = _extractor.Extract(text);

        Assert.Equal([12m, 3m, 45m], new[] { "issued", "abolished", "inForce" }.Select(c => extraction.Figures["proactive.rules." + c]));
        AssertSourcesPrintValues("html", text);
        var inForce = extraction.Sources["proactive.rules.inForce"];
        Assert.Equal("&#52;5", text.Substring(inForce.Start, inForce.Length));
    }

    /// <summary>Asserts the invariant on one text; returns how many figures have a source.</summary>
    private int AssertSourcesPrintValues(string name, string text)
    {
        var extraction = _extractor.Extract(text);
        foreach (var (key, source) in extraction.Sources)
        {
            var value = extraction.Figures[key];
            Assert.True(value is not null, $"{name}: {key} has a source but no value");
            Assert.InRange(source.Start, 0, text.Length - 1);
            Assert.InRange(source.Length, 1, text.Length - source.Start);
            if (source.Kind == FigureSourceKind.Narrative)
            {
                // a value the tables did not give, read from the prose: its span is the sentence that states it
                Assert.Equal(source.Sentence ?? text.Substring(source.Start, source.Length), text.Substring(source.Start, source.Length));
                Assert.Null(source.Table);
                continue;
            }

            var printed = System.Net.WebUtility.HtmlDecode(text.Substring(source.Start, source.Length));
            Assert.True(value == RunTogetherCellTests.ParseSpan(printed), $"{name}: {key} = {value} but its span prints '{printed}'");
            Assert.NotNull(source.Table);
            Assert.NotNull(source.Row);
            Assert.NotNull(source.Column);
        }

        return extraction.Sources.Count;
    }
}
