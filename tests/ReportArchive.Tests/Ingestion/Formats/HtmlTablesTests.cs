using ReportArchive.Ingestion;
using ReportArchive.Tests.Fixtures;

namespace ReportArchive.Tests.Ingestion.Formats;

/// <summary>
/// HTML as government sites publish it: meta statements, labels broken by &lt;br&gt;, tables in scripts, pages laid out
/// with tables around the report's own, headers spanning rows and columns.
/// </summary>
public sealed class HtmlTablesTests
{
    private readonly ReportFileReader _reader = new();

    private string Text(string html) => _reader.Decode("page.html", System.Text.Encoding.UTF8.GetBytes(html)).Text;

    [Fact]
    public void MetaTags_GiveTheTitleDateAndAddress_AsTheCrawlerLabelsTheParserReads()
    {
        const string html = """
            <html><head><meta name="ArticleTitle" content="平潭综合实验区2023年度政府信息公开工作年度报告"/>
            <meta name="PubDate" content="2024-03-08 15:34"/><meta name="Url" content="https://www.pingtan.gov.cn/a/t20240308_87885.htm"/></head>
            <body><div>当前位置：首页 &gt; 政府信息公开年报</div><p>本报告根据《条例》编制。</p></body></html>
            """;
        var metadata = new ReportParser().Parse(Text(html)).Metadata;

        Assert.Equal("平潭综合实验区2023年度政府信息公开工作年度报告", metadata.Title);
        Assert.Equal(new DateOnly(2024, 3, 8), metadata.PublishedAt);
        Assert.Equal("https://www.pingtan.gov.cn/a/t20240308_87885.htm", metadata.SourceUrl);
        Assert.Equal(("福建省", "平潭综合实验区", "city"), (metadata.Region.Province, metadata.Region.City, metadata.Level));
    }

    [Fact]
    public void BrInsideALabel_IsJoined_AndNbspCellsStayCells()
    {
        const string html = """
            <html><body><table><tr><td>结果<br>维持</td><td>结果<br/>纠正</td><td>&nbsp;</td><td>ISO<br>9001</td></tr>
            <tr><td>&nbsp;0&nbsp;</td><td>1</td><td>&nbsp;</td><td>2</td></tr></table></body></html>
            """;
        var text = Text(html);

        Assert.Contains("结果维持\t结果纠正\t\tISO 9001\n", text, StringComparison.Ordinal);
        Assert.Contains("0\t1\t\t2\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void TableWrittenFromAJavaScriptString_IsReadAsRows()
    {
        const string html = """
            <html><body><p>某局2021年政府信息公开工作年度报告</p><script>
            var t = "<table class=\"tb\">\n<tr><td>行政处罚</td><td>26</td></tr>" +
                    "<tr><td>行政强制</td><td>3</td></tr></table>";
            document.write(t);
            </script></body></html>
            """;
        var text = Text(html);

        Assert.Contains("行政处罚\t26\n", text, StringComparison.Ordinal);
        Assert.Contains("行政强制\t3\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("document.write", text, StringComparison.Ordinal);
    }

    [Fact]
    public void ReportTableNestedInLayoutTables_ReadsTheSameFiguresAsThePageWithout()
    {
        // a real page (平潭综合实验区管委会 2023, expected/009.json), its body put inside a two-level layout table as many
        // government sites do (navigation row, left column, content cell)
        var page = File.ReadAllText(Path.Combine(RepositoryFiles.Root, "..", "shared", "real-reports", "html", "009.html"));
        var bodyOpen = page.IndexOf('>', page.IndexOf("<body", StringComparison.OrdinalIgnoreCase)) + 1;
        var bodyClose = page.LastIndexOf("</body>", StringComparison.OrdinalIgnoreCase);
        var nested = page[..bodyOpen]
            + "<table width=\"100%\"><tr><td>首页 &gt; 政务公开</td></tr><tr><td><table><tr><td>栏目导航</td><td>"
            + page[bodyOpen..bodyClose]
            + "</td></tr></table></td></tr></table>"
            + page[bodyClose..];

        var bare = new ReportParser().Parse(Text(page)).Figures.Figures;
        var laidOut = new ReportParser().Parse(Text(nested)).Figures.Figures;

        Assert.Equal(81m, bare["requests.new.total"]);
        Assert.Equal(5m, bare["litigationDirect.total"]);
        Assert.Equal(bare.Where(f => f.Value is not null), laidOut.Where(f => f.Value is not null));
    }

    [Fact]
    public void TableCWithHeadersSpanningRowsAndColumns_GivesItsTotals()
    {
        // the national template's table C as an HTML table: 行政复议 spans five columns, 行政诉讼 ten, 总计 two rows
        const string html = """
            <html><body><p>四、政府信息公开行政复议、行政诉讼情况</p>
            <table border="1">
            <tr><td colspan="5">行政复议</td><td colspan="10">行政诉讼</td></tr>
            <tr><td rowspan="2">结果<br>维持</td><td rowspan="2">结果<br>纠正</td><td rowspan="2">其他<br>结果</td><td rowspan="2">尚未<br>审结</td>
                <td rowspan="2">总计</td><td colspan="5">未经复议直接起诉</td><td colspan="5">复议后起诉</td></tr>
            <tr><td>结果<br>维持</td><td>结果<br>纠正</td><td>其他<br>结果</td><td>尚未<br>审结</td><td>总计</td>
                <td>结果<br>维持</td><td>结果<br>纠正</td><td>其他<br>结果</td><td>尚未<br>审结</td><td>总计</td></tr>
            <tr><td>3</td><td>1</td><td>0</td><td>2</td><td>6</td><td>4</td><td>0</td><td>1</td><td>1</td><td>6</td>
                <td>1</td><td>0</td><td>0</td><td>1</td><td>2</td></tr>
            </table><p>五、存在的主要问题及改进情况</p></body></html>
            """;
        var figures = new ReportParser().Parse(Text(html)).Figures.Figures;

        Assert.Equal((6m, 6m, 2m), (figures["review.total"], figures["litigationDirect.total"], figures["litigationAfterReview.total"]));
        Assert.Equal((3m, 2m), (figures["review.upheld"], figures["review.pending"]));
    }
}
