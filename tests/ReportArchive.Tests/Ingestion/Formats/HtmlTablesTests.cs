using ReportArchive.Ingestion;

namespace ReportArchive.Tests.Ingestion.Formats;

/// <summary>HTML as government sites publish it: meta statements, labels broken by &lt;br&gt;, tables in scripts.</summary>
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
}
