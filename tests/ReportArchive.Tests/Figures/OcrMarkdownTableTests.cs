using ReportArchive.Figures;
using ReportArchive.Tests.Fixtures;

namespace ReportArchive.Tests.Figures;

/// <summary>
/// What OCR and PDF-to-Markdown converters do to the template's tables (issue 15, item 5), each applied to one report
/// (Fixtures/ocr-markdown.md, written as a converter writes a clean scan): a table split in two at a page break, with its
/// header repeated or a header row the converter invented, a label and its numbers on two rows, empty cells dropped,
/// tables given as HTML inside the Markdown, and digits misread as letters. Each reads the same headline figures.
/// </summary>
public sealed class OcrMarkdownTableTests
{
    private static readonly string Clean = File.ReadAllText(
        Path.Combine(RepositoryFiles.Root, "tests", "ReportArchive.Tests", "Figures", "Fixtures", "ocr-markdown.md"));

    /// <summary>requests.new, carriedOver, granted, partiallyGranted, processed, carriedForward; review, litigation ×2; A.</summary>
    private static readonly decimal?[] Expected = [44, 2, 21, 6, 43, 3, 3, 2, 1, 3, 268, 10];

    private static readonly string[] Keys =
    [
        "requests.new.total", "requests.carriedOver.total", "requests.granted.total", "requests.partiallyGranted.total",
        "requests.processed.total", "requests.carriedForward.total", "review.total", "litigationDirect.total",
        "litigationAfterReview.total", "proactive.normativeDocuments.issued", "proactive.administrativePenalty.decisions",
        "requests.unable.notHeld.total",
    ];

    private const string TableBHeader = """
        | (本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和) | | 申请人情况 | | | | | | 总计 |
        |---|---|---|---|---|---|---|---|---|
        | | | 自然人 | 法人或其他组织 | | | | | |
        | | | | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | |
        """;

    private const string PageBreakRow = "| | (四) 无法提供 | 1. 本机关不掌握相关政府信息 |";

    private static decimal?[] Read(string text)
    {
        var figures = new FigureTableExtractor().Extract(text).Figures;
        return Array.ConvertAll(Keys, k => figures.GetValueOrDefault(k));
    }

    /// <summary>The text cut before the row of （四）1, with <paramref name="between"/> put in the cut.</summary>
    private static string SplitTableB(string between)
    {
        var at = Clean.IndexOf(PageBreakRow, StringComparison.Ordinal);
        return Clean[..at] + between + Clean[at..];
    }

    [Fact]
    public void CleanConversion_ReadsEveryHeadlineFigure()
    {
        Assert.Contains(PageBreakRow, Clean, StringComparison.Ordinal);
        Assert.Equal(Expected, Read(Clean));
    }

    [Fact]
    public void TableSplitAtAPageBreak_HeaderRepeated_ReadsTheSame() =>
        Assert.Equal(Expected, Read(SplitTableB("\n— 3 —\n\n" + TableBHeader + "\n")));

    [Fact]
    public void TableSplitAtAPageBreak_InventedHeaderRow_ReadsTheSame() =>
        Assert.Equal(Expected, Read(SplitTableB("\n| 列1 | 列2 | 列3 | 列4 | 列5 | 列6 | 列7 | 列8 | 列9 | 列10 |\n|---|---|---|---|---|---|---|---|---|---|\n")));

    [Fact]
    public void FirstRowOfTheSecondPartTakenForItsHeader_ReadsTheSame()
    {
        var at = Clean.IndexOf(PageBreakRow, StringComparison.Ordinal);
        var lineEnd = Clean.IndexOf('\n', at) + 1;
        var text = Clean[..at] + "\n" + Clean[at..lineEnd] + "|---|---|---|---|---|---|---|---|---|---|\n" + Clean[lineEnd..];

        Assert.Equal(Expected, Read(text));
    }

    [Fact]
    public void LabelAndItsNumbersOnTwoRows_ReadsTheSame()
    {
        var text = Clean.Replace(
            "| 一、本年新收政府信息公开申请数量 | | 40 | 3 | 0 | 0 | 1 | 0 | 44 |",
            "| 一、本年新收政府信息公开申请数量 | | | | | | | | |\n| | | 40 | 3 | 0 | 0 | 1 | 0 | 44 |",
            StringComparison.Ordinal);

        Assert.NotEqual(Clean, text);
        Assert.Equal(Expected, Read(text));
    }

    [Fact]
    public void EmptyCellsDropped_ReadsTheSame() =>
        Assert.Equal(Expected, Read(Clean.Replace("| | ", "| ", StringComparison.Ordinal).Replace("| | ", "| ", StringComparison.Ordinal)));

    [Fact]
    public void TablesAsHtmlInsideTheMarkdown_ReadsTheSame()
    {
        var lines = Clean.Split('\n');
        var html = new System.Text.StringBuilder();
        var inTable = false;
        foreach (var line in lines)
        {
            var isRow = line.StartsWith('|');
            if (isRow && !inTable)
            {
                html.Append("<table>");
            }
            else if (!isRow && inTable)
            {
                html.Append("</table>\n");
            }

            inTable = isRow;
            if (!isRow)
            {
                html.Append(line).Append('\n');
            }
            else if (!line.Contains("---", StringComparison.Ordinal))
            {
                var cells = line.Trim().Trim('|').Split('|').Select(c => $"<td>{c.Trim()}</td>");
                html.Append("<tr>").Append(string.Concat(cells)).Append("</tr>");
            }
        }

        Assert.Equal(Expected, Read(html.ToString()));
    }

    [Fact]
    public void DigitsMisreadAsLetters_AreReadAsTheDigits()
    {
        // O for 0 and l for 1 in table C, 1O for 10 in table B
        var text = Clean
            .Replace("| 2 | 1 | 0 | 0 | 3 | 1 | 0 | 0 | 1 | 2 | 0 | 0 | 0 | 1 | 1 |", "| 2 | 1 | O | 0 | 3 | l | 0 | 0 | 1 | 2 | 0 | 0 | 0 | I | 1 |", StringComparison.Ordinal)
            .Replace("| 8 | 1 | 0 | 0 | 1 | 0 | 10 |", "| 8 | 1 | 0 | 0 | 1 | 0 | 1O |", StringComparison.Ordinal);

        Assert.NotEqual(Clean, text);
        Assert.Equal(Expected, Read(text));
    }

    [Fact]
    public void LettersThatAreWords_StayWords()
    {
        // a label with Latin words keeps its cells: ISO and Il are no digits
        var text = Clean.Replace("| 行政强制 | 5 | | |", "| 行政强制 ISO Il | 5 | | |", StringComparison.Ordinal);

        Assert.Equal(5m, new FigureTableExtractor().Extract(text).Figures["proactive.administrativeCoercion.decisions"]);
    }
}
