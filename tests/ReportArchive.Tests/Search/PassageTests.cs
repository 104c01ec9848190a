using System.Text.RegularExpressions;
using ReportArchive.Analysis.Normalization;
using ReportArchive.Corpus.Reports;
using ReportArchive.Figures;
using ReportArchive.Ingestion;
using ReportArchive.Search.Highlighting;
using ReportArchive.Tests.Fixtures;

namespace ReportArchive.Tests.Search;

/// <summary>
/// The passages of search hits read as text, not as the converter's markup: cut from the original text at the
/// matches' offsets, Markdown marks, table rules, empty cells and HTML tags left out, cells apart by " | ", rows by
/// " ／ ", the figure reader's located cells shown with their labels, and the matched characters still marked.
/// </summary>
public sealed partial class PassageTests
{
    private static readonly ReportParser Parser = new();

    [Fact]
    public void MarkdownHeadingAndBold_AreLeftOut_TheMatchStillMarked()
    {
        const string text = "## 四、政府信息公开行政复议、行政诉讼情况\n\n**（三）不予公开**情形共2件。";

        Assert.Equal(
            ["四、政府信息公开行政复议、<mark>行政诉讼</mark>情况 ／ （三）不予公开情形共2件。"],
            Passages(text, "行政诉讼"));
    }

    [Fact]
    public void PipeTable_ShowsEachRowAsCellsApart_WithoutRulesOrEmptyCells()
    {
        const string text = """
            四、政府信息公开行政复议、行政诉讼情况

            | 行政复议 | | | | | 行政诉讼 | | |
            |----------|----------|----|----------|----|----|----|----|
            | 结果 维持 | 结果 纠正 | 总计 | 未经复议直接起诉 | | | 复议后起诉 | |
            """;

        Assert.Equal(
            "四、政府信息公开行政复议、<mark>行政诉讼</mark>情况 ／ 行政复议 | <mark>行政诉讼</mark> ／ 结果维持 | 结果纠正 | 总计 | 未经复议直接起诉 | 复议后起诉",
            Assert.Single(Passages(text.ReplaceLineEndings("\n"), "行政诉讼")));
    }

    [Fact]
    public void TabTable_KeepsCellsApart()
    {
        const string text = "信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n规章\t\t0\t0\n行政规范性文件\t5\t1\t12\n";

        Assert.Equal(
            ["…<mark>行政规范性文件</mark> | 5 | 1 | 12"],
            Passages(text, "行政规范性文件"));
    }

    [Fact]
    public void ATableWithEveryCellOnALine_KeepsCellsApart_AndItsHeadingARowOfItsOwn()
    {
        const string text = "**四、政府信息公开行政复议、行政诉讼情况**\n\n行政复议\n行政诉讼\n结果维持\n结果纠正\n总计\n0\n2\n";

        Assert.Equal(
            ["四、政府信息公开行政复议、<mark>行政诉讼</mark>情况 ／ 行政复议 | <mark>行政诉讼</mark> | 结果维持 | 结果纠正 | 总计 | 0 | 2"],
            Passages(text, "行政诉讼"));
    }

    [Fact]
    public void HtmlCells_AreCellsAndRows_TagsAndEntitiesLeftOut()
    {
        const string text = "<table border=\"1\">\n<tr><td>行政诉讼</td><td>&nbsp;</td><td>维持</td></tr>\n<tr>\n<td>2</td>\n<td>0</td></tr>\n</table>\n说明。";

        Assert.Equal(["…<mark>行政诉讼</mark> | 维持 ／ 2 | 0 ／ 说明。"], Passages(text, "行政诉讼"));
    }

    [Fact]
    public void CellsRunTogether_AreShownWithTheirLabels_WhereTheFigureReaderLocatedThem()
    {
        // table C of a real page (../shared/real-reports 001): labels and the fifteen digits run together
        const string text = "四、政府信息公开行政复议、行政诉讼情况行政复议行政诉讼结果维持结果纠正总计000五、存在的主要问题";
        var digits = text.IndexOf("000", StringComparison.Ordinal);
        FigureSource[] cells =
        [
            new(FigureSourceKind.Table, digits, 1, "C", "行政复议", "结果维持"),
            new(FigureSourceKind.Table, digits + 1, 1, "C", "行政诉讼 未经复议直接起诉", "结果维持"),
            new(FigureSourceKind.Table, digits + 2, 1, "C", "行政诉讼 未经复议直接起诉", "总计"),
        ];

        var passage = Assert.Single(SnippetGenerator.Generate(text, [TextNormalizer.NormalizeToString("存在的主要问题")], cells)).ToHtml();

        Assert.Equal(
            "…、行政诉讼情况 | 行政复议 | 行政诉讼 | 结果维持 | 结果纠正 | 总计 | 行政复议 | 结果维持 0 ／ 行政诉讼 未经复议直接起诉 | 结果维持 0 | 总计 0 ／ 五、<mark>存在的主要问题</mark>",
            passage);
    }

    [Fact]
    public void Seed002_PipeTableOfPartFour_ReadsAsRowsWithLabelledValues()
    {
        var text = RepositoryFiles.SeedText("002");
        var cells = Parser.Parse(text).Figures.Sources.Values.ToList();

        var passages = SnippetGenerator.Generate(TextNormalizer.Normalize(text), [TextNormalizer.NormalizeToString("复议后起诉")], cells).Select(s => s.ToHtml()).ToList();

        var row = Assert.Single(passages, p => p.Contains("结果维持 0", StringComparison.Ordinal));
        Assert.Contains("<mark>复议后起诉</mark>", row, StringComparison.Ordinal);
        Assert.Contains(" ／ 行政复议 | 结果维持 0 | 结果纠正 0 | 其他结果 0", row, StringComparison.Ordinal);
        Assert.All(passages, AssertClean);
    }

    [Fact]
    public void Seeds_GeneratedReports_AndRealReports_GivePassagesWithoutMarkup()
    {
        var texts = Directory.GetFiles(RepositoryFiles.SeedsDirectory, "*.txt")
            .Concat(Directory.GetFiles(Path.Combine(RepositoryFiles.Root, "..", "shared", "real-reports", "reports"), "*.txt"))
            .Select(File.ReadAllText)
            .Concat(new ReportCorpusGenerator(seed: 17).Generate(120).Select(r => r.Text))
            .ToList();
        string[] queries = ["行政诉讼", "行政复议", "总计", "予以公开", "不予公开", "规章", "存在的主要问题"];
        var passages = 0;

        foreach (var text in texts)
        {
            var cells = Parser.Parse(text).Figures.Sources.Values.ToList();
            var normalized = TextNormalizer.Normalize(text);
            foreach (var query in queries)
            {
                var term = TextNormalizer.NormalizeToString(query);
                foreach (var snippet in SnippetGenerator.Generate(normalized, [term], cells))
                {
                    var html = snippet.ToHtml();
                    AssertClean(html);
                    Assert.Equal(
                        snippet.Highlights.Count(h => TextNormalizer.NormalizeToString(text[h.Start..h.End]).Contains(term, StringComparison.Ordinal)),
                        MarkRegex().Matches(html).Count(m => TextNormalizer.NormalizeToString(m.Groups[1].Value).Contains(term, StringComparison.Ordinal)));
                    passages++;
                }
            }
        }

        Assert.True(passages > 1000, $"{passages} passages");
    }

    private static void AssertClean(string html)
    {
        foreach (var debris in new[] { "##", "**", "---", "| |", "|  |", "<td", "<tr", "</", "&nbsp;", "\t", "\n" })
        {
            var shown = MarkRegex().Replace(html, "$1");
            Assert.False(shown.Contains(debris, StringComparison.Ordinal), $"'{debris}' in: {html}");
        }

        Assert.DoesNotMatch(@"^(…)?\s*[|／]|[|／]\s*(…)?$", html);
    }

    private static List<string> Passages(string text, string query) =>
        SnippetGenerator.Generate(text, [TextNormalizer.NormalizeToString(query)]).Select(s => s.ToHtml()).ToList();

    [GeneratedRegex("<mark>(.*?)</mark>")]
    private static partial Regex MarkRegex();
}
