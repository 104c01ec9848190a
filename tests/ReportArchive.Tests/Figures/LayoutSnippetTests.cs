using ReportArchive.Figures;

namespace ReportArchive.Tests.Figures;

/// <summary>Hand-written table snippets, one per layout a converter produces.</summary>
public sealed class LayoutSnippetTests
{
    private const string Title = "某某县教育局2021年政府信息公开工作年度报告\n\n一、总体情况\n\n本年度工作情况如下。\n\n";

    private readonly FigureTableExtractor _extractor = new();

    [Fact]
    public void Extract_ReadsMarkdownPipeTablesWithLabelsSpreadOverCells()
    {
        var text = Title + """
            二、主动公开政府信息情况

            | 第二十条第（一）项 | | | |
            |-----------|---------------|--------|--------|
            | 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |
            | 规章 | 1 | 2 | 3 |
            | 行政规范性文件 | 4 | 5 | 6 |
            | 第二十条第（五）项 | | | |
            | 信息内容 | 本年处理决定数量 | | |
            | 行政许可 | 17 | | |

            三、收到和处理政府信息公开申请情况

            | (本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和) | | 申请人情况 | | | | | | 总计 | |
            |----|----|----|----|----|----|----|----|----|----|
            | 一、本年新收政府信息公开申请数量 | | 5 | 1 | 0 | 0 | 0 | 0 | 6 | |
            | 三、本年度办理结果 | (一) 予以公开 | 3 | 1 | 0 | 0 | 0 | 0 | 4 | |
            | | (三) 不予公开 | 1. 属于国家秘密 | 2 | 0 | 0 | 0 | 0 | 0 | 2 |
            """;

        var figures = _extractor.Extract(text).Figures;

        Assert.Equal([1m, 2m, 3m, 4m, 5m, 6m, 17m], Values(figures, "proactive.rules.issued", "proactive.rules.abolished", "proactive.rules.inForce",
            "proactive.normativeDocuments.issued", "proactive.normativeDocuments.abolished", "proactive.normativeDocuments.inForce", "proactive.administrativeLicensing.decisions"));
        Assert.Equal([5m, 1m, 6m], Values(figures, "requests.new.naturalPerson", "requests.new.commercial", "requests.new.total"));
        Assert.Equal([3m, 4m, 2m, 2m], Values(figures, "requests.granted.naturalPerson", "requests.granted.total", "requests.withheld.stateSecret.naturalPerson", "requests.withheld.stateSecret.total"));
        Assert.Null(figures["requests.carriedOver.total"]);
    }

    [Fact]
    public void Extract_ReadsPipeSeparatedLinesWithoutLeadingPipes()
    {
        var text = Title + "二、主动公开政府信息情况\n第二十条第(一)项 |\n信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n规章|0|0|1|\n行政规范性文件|6|2|31|\n"
            + "三、收到和处理政府信息公开申请情况\n(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和) | 申请人情况 |\n"
            + "一、本年新收政府信息公开申请数量 | 40 | 3 | 0 | 0 | 1 | 0 | 44 |\n";

        var figures = _extractor.Extract(text).Figures;

        Assert.Equal([0m, 0m, 1m, 6m, 2m, 31m], figures.Where(f => f.Key.StartsWith("proactive.", StringComparison.Ordinal)).Take(6).Select(f => f.Value));
        Assert.Equal([40m, 3m, 0m, 0m, 1m, 0m, 44m], Row(figures, "requests.new"));
    }

    [Fact]
    public void Extract_LeavesBlankCellsEmptyAndReadsTheOthersInPlace()
    {
        // a web page scraped one cell per line, each cell closed by " |"; a blank cell is a lone "|"
        var text = Title + "三、收到和处理政府信息公开申请情况\n(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和) |\n申请人情况 |\n||||||||\n"
            + "一、本年新收政府信息公开申请数量 |\n31 |\n|\n|\n|\n2 |\n|\n33 |\n||\n"
            + "二、上年结转政府信息公开申请数量 |\n0 |\n|\n|\n|\n|\n|\n0 |\n||\n"
            + "三、本年度办理结果 |\n(一)予以公开 |\n<td>5</td><td></td><td></td><td></td><td></td><td></td><td>5</td>\n";

        var figures = _extractor.Extract(text).Figures;

        Assert.Equal([31m, null, null, null, 2m, null, 33m], Row(figures, "requests.new"));
        Assert.Equal([0m, null, null, null, null, null, 0m], Row(figures, "requests.carriedOver"));
        Assert.Equal([5m, null, null, null, null, null, 5m], Row(figures, "requests.granted"));
    }

    [Fact]
    public void Extract_ReadsHtmlTableCells()
    {
        var text = Title + """
            <h2>四、政府信息公开行政复议、行政诉讼情况</h2>
            <table>
            <tr><td colspan="5">行政复议</td><td colspan="10">行政诉讼</td></tr>
            <tr><td>结果<br>维持</td><td>结果<br>纠正</td><td>其他<br>结果</td><td>尚未<br>审结</td><td>总计</td><td colspan="5">未经复议直接起诉</td><td colspan="5">复议后起诉</td></tr>
            <tr>
            <td>1</td><td>2</td><td>0</td><td>0</td><td>3</td>
            <td>0</td><td>0</td><td>1</td><td>1</td><td>2</td>
            <td>&nbsp;0</td><td>0</td><td>0</td><td>0</td><td>0</td>
            </tr>
            </table>
            <p>五、存在的主要问题及改进情况</p>
            """;

        var figures = _extractor.Extract(text).Figures;

        Assert.Equal([1m, 2m, 0m, 0m, 3m, 0m, 0m, 1m, 1m, 2m, 0m, 0m, 0m, 0m, 0m],
            figures.Where(f => f.Key.StartsWith("review.", StringComparison.Ordinal) || f.Key.StartsWith("litigation", StringComparison.Ordinal)).Select(f => f.Value));
    }

    [Fact]
    public void Extract_ReadsSpaceAlignedPdfColumnsWithABareEnumerator()
    {
        var text = Title + """
            三、收到和处理政府信息公开申请情况
               (本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和)      申请人情况      总计
                                 自然人    商业企业   科研机构   社会组织   法律服务机构   其他
            一、本年新收政府信息公开申请数量            12      3      0      0      1      0      16
            二、上年结转政府信息公开申请数量             2      0      0      0      0      0       2
            三、本年度办理结果   (一) 予以公开           9      2      0      0      1      0      12
                (三) 不予公开  1 属于国家秘密            1      0      0      0      0      0       1
            """;

        var figures = _extractor.Extract(text).Figures;

        Assert.Equal([12m, 3m, 0m, 0m, 1m, 0m, 16m], Row(figures, "requests.new"));
        Assert.Equal([2m, 0m, 0m, 0m, 0m, 0m, 2m], Row(figures, "requests.carriedOver"));
        Assert.Equal([9m, 2m, 0m, 0m, 1m, 0m, 12m], Row(figures, "requests.granted"));
        Assert.Equal([1m, 0m, 0m, 0m, 0m, 0m, 1m], Row(figures, "requests.withheld.stateSecret"));
    }

    [Fact]
    public void Extract_ReadsNumbersPrintedAfterAllTheLabels()
    {
        var text = Title + """
            二、主动公开政府信息情况
            第二十条第（一）项
            信息内容 本年制发件数 本年废止件数 现行有效件数
            规章
            行政规范性文件
            第二十条第（五）项
            信息内容 本年处理决定数量
            行政许可
            第二十条第（六）项
            信息内容 本年处理决定数量
            行政处罚
            行政强制
            第二十条第（八）项
            信息内容 本年收费金额（单位：万元）
            行政事业性收费
            0
            0
            0
            3
            1
            22
            140
            56
            2
            12.5
            三、收到和处理政府信息公开申请情况
            """;

        var figures = _extractor.Extract(text).Figures;

        Assert.Equal([0m, 0m, 0m, 3m, 1m, 22m, 140m, 56m, 2m, 12.5m], figures.Where(f => f.Key.StartsWith("proactive.", StringComparison.Ordinal)).Select(f => f.Value));
    }

    [Fact]
    public void Extract_ReadsValuesWrittenColumnByColumnAfterTheLabelsOnlyWhenThatAddsUp()
    {
        // 一 = 5 1 0 0 0 0 6 and 二 = 2 0 0 0 0 0 2, written column by column
        var text = Title + "三、收到和处理政府信息公开申请情况\n(本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和)\n"
            + "一、本年新收政府信息公开申请数量\n二、上年结转政府信息公开申请数量\n"
            + string.Join('\n', "5 2 1 0 0 0 0 0 0 0 0 0 6 2".Split(' ')) + "\n";

        var result = _extractor.Extract(text);

        Assert.Equal([5m, 1m, 0m, 0m, 0m, 0m, 6m], Row(result.Figures, "requests.new"));
        Assert.Equal([2m, 0m, 0m, 0m, 0m, 0m, 2m], Row(result.Figures, "requests.carriedOver"));
        Assert.Contains(result.Warnings, w => w.Contains("column by column", StringComparison.Ordinal));
    }

    [Fact]
    public void Extract_ReadsOneCellPerLine()
    {
        var text = Title + "三、收到和处理政府信息公开申请情况\n(本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和)\n申请人情况\n总计\n自然人\n"
            + "一、本年新收政府信息公开申请数量\n4\n0\n0\n0\n0\n1\n5\n二、上年结转政府信息公开申请数量\n0\n0\n0\n0\n0\n0\n0\n";

        var figures = _extractor.Extract(text).Figures;

        Assert.Equal([4m, 0m, 0m, 0m, 0m, 1m, 5m], Row(figures, "requests.new"));
        Assert.Equal([0m, 0m, 0m, 0m, 0m, 0m, 0m], Row(figures, "requests.carriedOver"));
    }

    [Fact]
    public void Extract_ReadsLabelsBrokenAcrossLinesWithTheValuesInTheMiddle()
    {
        var text = Title + "三、收到和处理政府信息公开申请情况\n(本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和)\t\t申请人情况\n"
            + "三、本年 度办理\t(一) 予以公开\t1\t0\t0\t0\t0\t0\t1\n"
            + "\t(二) 部分公开（区分处理的，只计这一情形，不计\t2\t0\t0\t0\t0\t0\t2\n\n"
            + "结果\t其他情形\n"
            + "\t(三) 不予公开\t1.属于国家秘密\t0\t0\t0\t0\t0\t0\t0\n"
            + "\t(六) 其他处理\t1.申请人无正当理由逾期不补正、行政机关不再处\t0\t3\t0\t0\t0\t0\t3\n\t\t理其政府信息公开申请\n"
            + "\t\t2.申请人逾期未按收费通知要求缴纳费用、\t0\t0\t0\t0\t0\t1\t1\n\t\t行政机关不再处理其政府信息公开申请\n"
            + "\t\t3.其他\t0\t0\t0\t0\t0\t0\t0\n";

        var figures = _extractor.Extract(text).Figures;

        Assert.Equal([1m, 0m, 0m, 0m, 0m, 0m, 1m], Row(figures, "requests.granted"));
        Assert.Equal([2m, 0m, 0m, 0m, 0m, 0m, 2m], Row(figures, "requests.partiallyGranted"));
        Assert.Equal([0m, 0m, 0m, 0m, 0m, 0m, 0m], Row(figures, "requests.withheld.stateSecret"));
        Assert.Equal([0m, 3m, 0m, 0m, 0m, 0m, 3m], Row(figures, "requests.otherHandling.noCorrection"));
        Assert.Equal([0m, 0m, 0m, 0m, 0m, 1m, 1m], Row(figures, "requests.otherHandling.unpaidFees"));
        Assert.Equal([0m, 0m, 0m, 0m, 0m, 0m, 0m], Row(figures, "requests.otherHandling.other"));
    }

    [Fact]
    public void Extract_ReadsTableCFromOneCharPerLineHeaders()
    {
        var text = Title + "四、政府信息公开行政法复议、行政诉讼情况\n\n行政法复议\t\t\t\t\t行政诉讼\t\n结\t结\t其\t尚\t总\t未经复议直接起诉\t复议后起诉\n\n"
            + "果 维 持\t果 纠 正\t他 结 果\t未 审 结\t计\t结 果 维 持\t结 果 纠 正\t其 他 结 果\t尚 未 审 结\t总 计\t结 果 维 持\t结 果 纠 正\t其 他 结 果\t尚 未 审 结\t总 计\n"
            + "2\t0\t0\t1\t3\t0\t0\t0\t0\t0\t1\t0\t0\t0\t1\n\n五、存在的主要问题及改进情况\n";

        var result = _extractor.Extract(text);

        Assert.Equal([2m, 0m, 0m, 1m, 3m], Row(result.Figures, "review", 5));
        Assert.Equal([1m, 0m, 0m, 0m, 1m], Row(result.Figures, "litigationAfterReview", 5));
        Assert.All(result.Checks.Where(c => c.Rule.EndsWith(".total", StringComparison.Ordinal) && !c.Rule.StartsWith("requests", StringComparison.Ordinal)), c => Assert.True(c.Ok));
    }

    [Fact]
    public void Extract_LeavesCellsRunTogetherEmptyWithAWarning()
    {
        var text = Title + "三、收到和处理政府信息公开申请情况\n(本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和)\n"
            + "一、本年新收政府信息公开申请数量\t26480430\t0\t0\t0\t30\n"
            + "二、上年结转政府信息公开申请数量\t0\t0\t0\t0\t0\t0\t0\n";

        var result = _extractor.Extract(text);

        Assert.All(Row(result.Figures, "requests.new"), Assert.Null);
        Assert.Contains(result.Warnings, w => w.Contains("本年新收", StringComparison.Ordinal) && w.Contains("left empty", StringComparison.Ordinal));
        Assert.Equal([0m, 0m, 0m, 0m, 0m, 0m, 0m], Row(result.Figures, "requests.carriedOver"));
    }

    [Fact]
    public void Extract_KeepsAPrintedTypoAndFailsTheIdentitiesItBreaks()
    {
        var text = Title + "三、收到和处理政府信息公开申请情况\n(本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和)\n"
            + "一、本年新收政府信息公开申请数量\t3\t0\t0\t0\t0\t0\t2\n";

        var result = _extractor.Extract(text);

        Assert.Equal(2m, result.Figures["requests.new.total"]);
        var check = Assert.Single(result.Checks, c => c.Rule == "requests.rowTotal.new");
        Assert.False(check.Ok);
        Assert.StartsWith("expected 3", check.Detail, StringComparison.Ordinal);
        Assert.Contains("printed 2", check.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_IgnoresANumberSetInHeaderTextOfAPdfLine()
    {
        var text = Title + "二、主动公开政府信息情况\n第二十条第（六）项\n信息内容  本年处理决定数量\n行政处罚  8\n行政强制  0\n"
            + "第二十条第（八）项\n信息内容  本年收费金额（单位：万元， 保留 4 位小数）\n行政事业性收费  0.5\n三、收到和处理政府信息公开申请情况\n";

        var figures = _extractor.Extract(text).Figures;

        Assert.Equal([8m, 0m, 0.5m], Values(figures, "proactive.administrativePenalty.decisions", "proactive.administrativeCoercion.decisions", "proactive.administrativeFees.amount"));
    }

    [Fact]
    public void Extract_IgnoresACountInAProseLineBrokenBeforeItsFullStop()
    {
        var text = Title + "四、政府信息公开行政复议、行政诉讼情况\n2020 年,我单位对形成的政府信息实现了依法、有序公开,\n未出现申请行政复议、提起行政诉讼的情况。\n"
            + "行政复议 行政诉讼\n未经复议直接起诉 复议后起诉\n结 结 其 尚\n果 果 他 未\n总计\n维 纠 结 审\n持 正 果 结\n"
            + "0 0 0 0 0 0 0 0 0 0 0 0 0 0 0\n五、存在的主要问题及改进情况\n";

        var result = _extractor.Extract(text);

        Assert.All(Row(result.Figures, "review", 5), v => Assert.Equal(0m, v));
        Assert.DoesNotContain(result.Warnings, w => w.StartsWith("table C", StringComparison.Ordinal));
        Assert.True(Assert.Single(result.Checks, c => c.Rule == "narrative.litigation.total").Ok);
    }

    [Fact]
    public void Extract_ChoosesTheTableBReadingsUnderWhichTheColumnIdentitiesHold()
    {
        var rows = new Dictionary<string, string>
        {
            ["本年新收"] = "2 1 0 0 0 0 3",
            ["予以公开"] = "2 0 0 0 0 2",        // one value lost: three readings, one fits the columns
            ["不掌握"] = "0 1 0 0 0 0 0 1",      // one value too many: two readings add up, one fits the columns
            ["总计"] = "2 1 0 0 0 0 3",
        };

        var result = _extractor.Extract(Title + FullRequestTable(rows));

        Assert.Equal([2m, 0m, 0m, 0m, 0m, 0m, 2m], Row(result.Figures, "requests.granted"));
        Assert.Equal([0m, 1m, 0m, 0m, 0m, 0m, 1m], Row(result.Figures, "requests.unable.notHeld"));
        Assert.Contains(result.Warnings, w => w.Contains("予以公开", StringComparison.Ordinal) && w.Contains("read as 2 0 0 0 0 0 2", StringComparison.Ordinal));
        Assert.Contains(result.Warnings, w => w.Contains("不掌握", StringComparison.Ordinal) && w.Contains("read as 0 1 0 0 0 0 1", StringComparison.Ordinal));
        Assert.All(result.Checks, c => Assert.True(c.Ok, c.Rule));
    }

    [Fact]
    public void Extract_LeavesARowEmptyWhenSeveralReadingsFitTheColumns()
    {
        var rows = new Dictionary<string, string>
        {
            ["本年新收"] = "1 1 0 0 0 0 2",
            ["予以公开"] = "1 0 0 0 0 1",        // each row lost a value: natural person and commercial can swap between them
            ["部分公开"] = "1 0 0 0 0 1",
            ["总计"] = "1 1 0 0 0 0 2",
        };

        var result = _extractor.Extract(Title + FullRequestTable(rows));

        Assert.All(Row(result.Figures, "requests.granted"), Assert.Null);
        Assert.All(Row(result.Figures, "requests.partiallyGranted"), Assert.Null);
        Assert.Equal([1m, 1m, 0m, 0m, 0m, 0m, 2m], Row(result.Figures, "requests.processed"));
        Assert.Contains(result.Warnings, w => w.Contains("予以公开", StringComparison.Ordinal) && w.Contains("several readings", StringComparison.Ordinal));
    }

    /// <summary>A tab-separated 2021 table B: the rows named by a label word get the values given, the others zeros.</summary>
    private static string FullRequestTable(Dictionary<string, string> values)
    {
        string[] labels =
        [
            "一、本年新收政府信息公开申请数量", "二、上年结转政府信息公开申请数量", "(一) 予以公开", "(二) 部分公开（区分处理的，只计这一情形，不计其他情形）",
            "1.属于国家秘密", "2.其他法律行政法规禁止公开", "3.危及“三安全一稳定”", "4.保护第三方合法权益", "5.属于三类内部事务信息",
            "6.属于四类过程性信息", "7.属于行政执法案卷", "8.属于行政查询事项", "1.本机关不掌握相关政府信息", "2.没有现成信息需要另行制作",
            "3.补正后申请内容仍不明确", "1.信访举报投诉类申请", "2.重复申请", "3.要求提供公开出版物", "4.无正当理由大量反复申请",
            "5.要求行政机关确认或重新出具已获取信息", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
            "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "3.其他", "(七) 总计", "四、结转下年度继续办理",
        ];
        var text = new System.Text.StringBuilder("三、收到和处理政府信息公开申请情况\n(本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和)\t申请人情况\n");
        foreach (var label in labels)
        {
            var given = values.FirstOrDefault(v => label.Contains(v.Key, StringComparison.Ordinal)).Value ?? "0 0 0 0 0 0 0";
            text.Append('\t').Append(label).Append('\t').Append(given.Replace(' ', '\t')).Append('\n');
        }

        return text.Append("\n四、政府信息公开行政复议、行政诉讼情况\n").ToString();
    }

    [Theory]
    [InlineData("")]
    [InlineData("<td><td></td>|||\t\t\t1 2 3")]
    [InlineData("三、收到和处理政府信息公开申请情况\n本年新收\n四、行政复议\n")]
    [InlineData("行政复议 行政诉讼\n1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20")]
    public void Extract_NeverThrowsOnGarbage(string text)
    {
        var result = _extractor.Extract(text);

        Assert.NotNull(result.Figures);
        Assert.NotEmpty(result.Warnings);
    }

    [Fact]
    public void Extract_NeverThrowsOnRandomText()
    {
        var rng = new Random(5);
        const string alphabet = "0123456789 \t\n|<>td一二三四行政复议诉讼本年新收总计其他。，、（）()";
        for (var i = 0; i < 300; i++)
        {
            var chars = Enumerable.Range(0, rng.Next(0, 600)).Select(_ => alphabet[rng.Next(alphabet.Length)]).ToArray();
            var result = _extractor.Extract(new string(chars));
            Assert.DoesNotContain(result.Warnings, w => w.StartsWith("figures: extraction failed", StringComparison.Ordinal));
        }
    }

    internal static decimal?[] Row(IReadOnlyDictionary<string, decimal?> figures, string prefix, int width = 7)
        => [.. figures.Where(f => f.Key.StartsWith(prefix + ".", StringComparison.Ordinal) && f.Key.Count(c => c == '.') == prefix.Count(c => c == '.') + 1).Take(width).Select(f => f.Value)];

    private static decimal?[] Values(IReadOnlyDictionary<string, decimal?> figures, params string[] keys) => [.. keys.Select(k => figures[k])];
}
