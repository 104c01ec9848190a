using ReportArchive.Figures;

namespace ReportArchive.Tests.Figures;

/// <summary>
/// Table B read from separate cells (the tab-separated lines the HTML extractor writes for table rows) with a cell
/// printed in the adjacent row: the slid cells are moved back only when exactly one such slide makes every identity
/// of the table hold; otherwise only the cells in doubt are left empty, and a printed total that disagrees with its
/// parts while its columns hold stays as printed.
/// </summary>
public sealed class SlidCellTests
{
    private const string Preamble = "平潭综合实验区农业农村局2023年政府信息公开工作年度报告\n一、总体情况\n本年度工作情况如下。\n";

    private const string Header = "三、收到和处理政府信息公开申请情况\u00a0\n（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\t申请人情况\n自然人\t法人或其他组织\t总计\n商业\u00a0企业\t科研\u00a0机构\t社会公益组织\t法律服务机构\t其他\n";

    private const string NewRow = "一、本年新收政府信息公开申请数量";
    private const string CarriedOverRow = "二、上年结转政府信息公开申请数量";
    private const string GrantedRow = "三、本年度办理结果\t（一）予以公开";
    private const string PartiallyGrantedRow = "（二）部分公开（区分处理的，只计这一情形，不计其他情形）";
    private const string ProcessedRow = "（七）总计";

    private const string Zeros = "\t0\t0\t0\t0\t0\t0\t0\n";

    // every other handling row of 014's table B, all zero
    private const string OtherHandlingRows =
        "（三）不予公开\t1.属于国家秘密" + Zeros + "2.其他法律行政法规禁止公开" + Zeros + "3.危及“三安全一稳定”" + Zeros + "4.保护第三方合法权益" + Zeros
        + "5.属于三类内部事务信息" + Zeros + "6.属于四类过程性信息" + Zeros + "7.属于行政执法案卷" + Zeros + "8.属于行政查询事项" + Zeros
        + "（四）无法提供\t1.本机关不掌握相关政府信息" + Zeros + "2.没有现成信息需要另行制作" + Zeros + "3.补正后申请内容仍不明确" + Zeros
        + "（五）不予处理\t1.信访举报投诉类申请" + Zeros + "2.重复申请" + Zeros + "3.要求提供公开出版物" + Zeros + "4.无正当理由大量反复申请" + Zeros
        + "5.要求行政机关确认或重新出具已获取信息" + Zeros
        + "（六）其他处理\t1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请" + Zeros
        + "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请" + Zeros + "3.其他" + Zeros;

    private const string Ending = "四、政府信息公开行政复议、行政诉讼情况\n五、存在的主要问题及改进情况\n还不够全面。\n";

    private readonly FigureTableExtractor _extractor = new();

    [Fact]
    public void Extract_MovesBackTheTotalOfRowOneThatSlidIntoRowTwo()
    {
        // html/014.html as the HTML extractor gives it: 一 prints 6 1 0 0 0 0 and 总计 0, 二 prints zeros and 总计 7
        var text = Table(@new: [6, 1, 0, 0, 0, 0, 0], carriedOver: [0, 0, 0, 0, 0, 0, 7], granted: [6, 0, 0, 0, 0, 0, 6], partiallyGranted: [0, 1, 0, 0, 0, 0, 1], processed: [6, 1, 0, 0, 0, 0, 7]);

        var extraction = _extractor.Extract(text);

        Assert.Equal([6m, 1m, 0m, 0m, 0m, 0m, 7m], Row(extraction.Figures, "requests.new"));
        Assert.Equal([0m, 0m, 0m, 0m, 0m, 0m, 0m], Row(extraction.Figures, "requests.carriedOver"));
        Assert.Contains(extraction.Warnings, w => w.Contains("the 总计 cells printed 0 and 7 slid between the rows; read as 7 and 0", StringComparison.Ordinal));
        Assert.All(extraction.Checks.Where(c => c.Rule.StartsWith("requests.", StringComparison.Ordinal)), c => Assert.True(c.Ok, c.Rule + ": " + c.Detail));

        // the figure points at the 7 where it was printed, in the line of row 二
        var source = extraction.Sources["requests.new.total"];
        Assert.Equal("7", text.Substring(source.Start, source.Length));
        Assert.True(source.Start > text.IndexOf(CarriedOverRow, StringComparison.Ordinal));
    }

    [Fact]
    public void Extract_KeepsAPrintedTotalThatDisagreesWithItsPartsWhileItsColumnsHold()
    {
        // 一 and （七） both print 总计 8 for 6 + 1; the total column adds up, so no cell slid: recorded as printed
        var text = Table(@new: [6, 1, 0, 0, 0, 0, 8], carriedOver: [0, 0, 0, 0, 0, 0, 0], granted: [6, 0, 0, 0, 0, 0, 6], partiallyGranted: [0, 1, 0, 0, 0, 0, 2], processed: [6, 1, 0, 0, 0, 0, 8]);

        var extraction = _extractor.Extract(text);

        Assert.Equal([6m, 1m, 0m, 0m, 0m, 0m, 8m], Row(extraction.Figures, "requests.new"));
        Assert.Equal(8m, extraction.Figures["requests.processed.total"]);
        Assert.Contains(extraction.Checks, c => c is { Rule: "requests.rowTotal.new", Ok: false });
        Assert.Contains(extraction.Warnings, w => w.Contains("no slide of a cell between adjacent rows makes the table hold; recorded as printed", StringComparison.Ordinal));
        Assert.DoesNotContain(extraction.Warnings, w => w.Contains("left empty", StringComparison.Ordinal));
    }

    [Fact]
    public void Extract_LeavesTheCellsOfAnAmbiguousSlideEmpty()
    {
        // 3 new requests or 3 carried over: moving back the 总计 or the 自然人 cell both make the table hold
        var text = Table(@new: [3, 0, 0, 0, 0, 0, 0], carriedOver: [0, 0, 0, 0, 0, 0, 3], granted: [3, 0, 0, 0, 0, 0, 3], partiallyGranted: [0, 0, 0, 0, 0, 0, 0], processed: [3, 0, 0, 0, 0, 0, 3]);

        var extraction = _extractor.Extract(text);

        Assert.Equal([null, 0m, 0m, 0m, 0m, 0m, null], Row(extraction.Figures, "requests.new"));
        Assert.Equal([null, 0m, 0m, 0m, 0m, 0m, null], Row(extraction.Figures, "requests.carriedOver"));
        Assert.Equal([3m, 0m, 0m, 0m, 0m, 0m, 3m], Row(extraction.Figures, "requests.processed"));
        Assert.Contains(extraction.Warnings, w => w.Contains("2 slides of a cell", StringComparison.Ordinal) && w.Contains("left empty", StringComparison.Ordinal));
        Assert.False(extraction.Sources.ContainsKey("requests.new.total"));
    }

    [Fact]
    public void Extract_RecordsAsPrintedATotalThatNoSlideExplains()
    {
        // 一 prints 总计 9 for 6 + 1 and the 总计 column gives 9 + 0 against 7 + 0: a printing error, not a slid cell
        var text = Table(@new: [6, 1, 0, 0, 0, 0, 9], carriedOver: [0, 0, 0, 0, 0, 0, 0], granted: [6, 0, 0, 0, 0, 0, 6], partiallyGranted: [0, 1, 0, 0, 0, 0, 1], processed: [6, 1, 0, 0, 0, 0, 7]);

        var extraction = _extractor.Extract(text);

        Assert.Equal([6m, 1m, 0m, 0m, 0m, 0m, 9m], Row(extraction.Figures, "requests.new"));
        Assert.Equal(7m, extraction.Figures["requests.processed.total"]);
        Assert.Contains(extraction.Checks, c => c is { Rule: "requests.rowTotal.new", Ok: false });
        Assert.Contains(extraction.Checks, c => c is { Rule: "requests.balance.total", Ok: false });
        Assert.Contains(extraction.Warnings, w => w.Contains("row 一、本年新收政府信息公开申请数量: the six applicant columns do not add up to 总计 and no slide", StringComparison.Ordinal));
    }

    private static string Table(int[] @new, int[] carriedOver, int[] granted, int[] partiallyGranted, int[] processed)
        => Preamble + Header
            + Line(NewRow, @new) + Line(CarriedOverRow, carriedOver) + Line(GrantedRow, granted) + Line(PartiallyGrantedRow, partiallyGranted)
            + OtherHandlingRows + Line(ProcessedRow, processed) + "四、结转下年度继续办理" + Zeros
            + Ending;

    private static string Line(string label, int[] cells) => label + string.Concat(cells.Select(c => "\t" + c)) + "\n";

    private static decimal?[] Row(IReadOnlyDictionary<string, decimal?> figures, string prefix)
        => [.. TemplateShape.RequestColumns.Select(c => figures[prefix + "." + c.Key])];
}
