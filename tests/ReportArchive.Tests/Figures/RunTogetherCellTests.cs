using System.Globalization;
using ReportArchive.Figures;

namespace ReportArchive.Tests.Figures;

/// <summary>
/// Tables whose cells run together without separators (the page text of HTML tables), with row text copied from
/// real published reports: a cell is read only when every split of the digits that satisfies the template's
/// identities gives it the same value, and the warnings say so.
/// </summary>
public sealed class RunTogetherCellTests
{
    private const string Preamble = "平潭综合实验区管委会2025年度政府信息公开工作年度报告。一、总体情况本年度工作情况如下。";

    private const string TableBHeader = "三、收到和处理政府信息公开申请情况（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）申请人情况自然人法人或其他组织总计商业企业科研机构社会公益组织法律服务机构其他";

    // 010.txt, table 3 and 4 as the page text gives them: multi-digit cells make rows longer than seven digits
    private const string Table2025 = TableBHeader
        + "一、本年新收政府信息公开申请数量15130000154二、上年结转政府信息公开申请数量0000000三、本年度办理结果（一）予以公开330000033（二）部分公开（区分处理的，只计这一情形，不计其他情形）380000038（三）不予公开1.属于国家秘密00000002.其他法律行政法规禁止公开00000003.危及“三安全一稳定”00000004.保护第三方合法权益00000005.属于三类内部事务信息30000036.属于四类过程性信息20000027.属于行政执法案卷30000038.属于行政查询事项3000003（四）无法提供1.本机关不掌握相关政府信息4910000502.没有现成信息需要另行制作30000033.补正后申请内容仍不明确0000000（五）不予处理1.信访举报投诉类申请20000022.重复申请00000003.要求提供公开出版物00000004.无正当理由大量反复申请00000005.要求行政机关确认或重新出具已获取信息0000000（六）其他处理1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 80000082.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请 20000023.其他1000001（七）总计14710000148四、结转下年度继续办理4200006"
        + "四、政府信息公开行政复议、行政诉讼情况行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计未经复议直接起诉复议后起诉结果维持结果纠正其他结果尚未审结总计结果维持结果纠正其他结果尚未审结总计25380363300630003五、存在的主要问题及改进情况（一）存在的主要问题还不够全面。";

    private readonly FigureTableExtractor _extractor = new();

    [Fact]
    public void Extract_SplitsRunTogetherRowsOfTableBByTheirRowTotals()
    {
        var extraction = _extractor.Extract(Preamble + Table2025);
        var figures = extraction.Figures;

        Assert.Equal([151m, 3m, 0m, 0m, 0m, 0m, 154m], Row(figures, "requests.new"));
        Assert.Equal([49m, 1m, 0m, 0m, 0m, 0m, 50m], Row(figures, "requests.unable.notHeld"));
        Assert.Equal([3m, 0m, 0m, 0m, 0m, 0m, 3m], Row(figures, "requests.unable.needsCreation"));
        Assert.Equal([147m, 1m, 0m, 0m, 0m, 0m, 148m], Row(figures, "requests.processed"));
        Assert.Equal([4m, 2m, 0m, 0m, 0m, 0m, 6m], Row(figures, "requests.carriedForward"));
        Assert.Equal([8m, 0m, 0m, 0m, 0m, 0m, 8m], Row(figures, "requests.otherHandling.noCorrection"));
        Assert.Contains(extraction.Warnings, w => w.Contains("（七）总计: cells run together ('14710000148'); read as 147 1 0 0 0 0 148", StringComparison.Ordinal));
        Assert.All(extraction.Checks.Where(c => c.Rule.StartsWith("requests.", StringComparison.Ordinal)), c => Assert.True(c.Ok, c.Rule + ": " + c.Detail));
    }

    [Fact]
    public void Extract_SplitsSeventeenDigitsOfTableCByItsGroupTotals()
    {
        var figures = _extractor.Extract(Preamble + Table2025).Figures;

        Assert.Equal([25m, 3m, 8m, 0m, 36m, 3m, 3m, 0m, 0m, 6m, 3m, 0m, 0m, 0m, 3m], TableC(figures));
    }

    [Fact]
    public void Extract_IgnoresMisleadingSpacesWhenEveryCellIsOneDigit()
    {
        // 005.txt: the token '01' straddles the 复议 总计 and the 直接起诉 维持 cells
        var text = Preamble + "四、政府信息公开行政复议、行政诉讼情况行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计未经复议直接起诉复议后起诉结果维持结果纠正其他结果尚未审结总计结果维持结果纠正其他结果尚未审结总计 00 0 0 01 0 0 0 1 0 0 0 00五、存在的主要问题还不够全面。";

        var figures = _extractor.Extract(text).Figures;

        Assert.Equal([0m, 0m, 0m, 0m, 0m, 1m, 0m, 0m, 0m, 1m, 0m, 0m, 0m, 0m, 0m], TableC(figures));
    }

    [Fact]
    public void Extract_ReadsTableCGroupByGroupWhenNoSplitSatisfiesEveryGroup()
    {
        // 003.txt: 17 digits, and the printed 复议后起诉 总计 disagrees with its parts (13+2+4+0 ≠ 15), so no split
        // satisfies every group; the groups whose own totals hold have one reading each, the third stays empty
        var text = Preamble + "四、政府信息公开行政法复议、行政诉讼情况行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计未经复议直接起诉复议后起诉结果维持结果纠正其他结果尚未审结总计结果维持结果纠正其他结果尚未审结总计00202000001324015五、存在的主要问题还不够全面。";

        var extraction = _extractor.Extract(text);

        Assert.Equal([0m, 0m, 2m, 0m, 2m, 0m, 0m, 0m, 0m, 0m, null, null, null, null, null], TableC(extraction.Figures));
        Assert.Contains(extraction.Warnings, w => w.StartsWith("table C: cells run together ('00202000001324015'), no split", StringComparison.Ordinal));
        Assert.Contains(extraction.Warnings, w => w.StartsWith("table C: 行政复议 read group by group as 0 0 2 0 2", StringComparison.Ordinal));
    }

    [Fact]
    public void Extract_LeavesAForcedSplitThatBreaksItsRowTotalEmpty()
    {
        // 014.txt: the 总计 of row 一 slid into row 二; seven digits for seven cells, but neither row adds up
        var text = Preamble + TableBHeader + "一、本年新收政府信息公开申请数量 6100000二、上年结转政府信息公开申请数量 0000007三、本年度办理结果 （一）予以公开 6000006（七）总计 6100007四、结转下年度继续办理 0000000四、政府信息公开行政复议";

        var figures = _extractor.Extract(text).Figures;

        Assert.All(Row(figures, "requests.new"), Assert.Null);
        Assert.All(Row(figures, "requests.carriedOver"), Assert.Null);
        Assert.Equal([6m, 0m, 0m, 0m, 0m, 0m, 6m], Row(figures, "requests.granted"));
    }

    [Fact]
    public void Extract_ReadsTableACellsOnlyWhereEverySplitAgrees()
    {
        // 2021 template (002.txt): no identity ties the three document cells; single-cell rows read whole
        var text2021 = Preamble + "二、主动公开政府信息情况第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数规章000行政规范性文件6051第二十条第（五）项信息内容本年处理决定数量行政许可568第二十条第（六）项信息内容本年处理决定数量行政处罚887行政强制0第二十条第（八）项信息内容本年收费金额（单位：万元）行政事业性收费5949.088667" + TableBHeader;
        var extraction = _extractor.Extract(text2021);
        Assert.Equal([0m, 0m, 0m, null, null, null, 568m, 887m, 0m, 5949.088667m], Values(extraction.Figures,
            "proactive.rules.issued", "proactive.rules.abolished", "proactive.rules.inForce",
            "proactive.normativeDocuments.issued", "proactive.normativeDocuments.abolished", "proactive.normativeDocuments.inForce",
            "proactive.administrativeLicensing.decisions", "proactive.administrativePenalty.decisions", "proactive.administrativeCoercion.decisions", "proactive.administrativeFees.amount"));
        Assert.Contains(extraction.Warnings, w => w.Contains("行政规范性文件: cells run together ('6051'), 2 splits", StringComparison.Ordinal));

        // 2019 template (004, 006, 001): 新制作 ≤ 新公开 ≤ 对外公开总数 settles '9921'; '3500' is 35|0|0 or 3|50|0, 处理决定数量 0 either way
        var text2019 = Preamble + "二、主动公开政府信息情况第二十条第（一）项信息内容本年新制作数量本年新公开数量对外公开总数量规章000规范性文件9921第二十条第（五）项信息内容上一年项目数量本年增/减处理决定数量行政许可20180其他对外管理服务事项000第二十条第（六）项信息内容上一年项目数量本年增/减处理决定数量行政处罚3500行政强制63600第二十条第（八）项信息内容上一年项目数量本年增/减行政事业性收费00" + TableBHeader;
        var figures = _extractor.Extract(text2019).Figures;
        Assert.Equal([9m, 9m, 21m], Values(figures, "proactive.normativeDocuments.issued", "proactive.normativeDocuments.published", "proactive.normativeDocuments.totalPublished"));
        Assert.Equal([null, null, 0m], Values(figures, "proactive.administrativePenalty.previousYear", "proactive.administrativePenalty.change", "proactive.administrativePenalty.decisions"));
        Assert.Null(figures["proactive.administrativeCoercion.decisions"]);
    }

    [Fact]
    public void Extract_ReadsAMinusSignAsTheStartOfTheChangeCell()
    {
        var text = Preamble + "二、主动公开政府信息情况第二十条第（一）项信息内容本年新制作数量本年新公开数量对外公开总数量第二十条第（六）项信息内容上一年项目数量本年增/减处理决定数量行政处罚2648-18538第二十条第（八）项" + TableBHeader;

        var figures = _extractor.Extract(text).Figures;

        // the minus sign can only open the 本年增/减 cell, so 上一年项目数量 is 2648; the rest has four readings
        Assert.Equal([2648m, null, null], Values(figures, "proactive.administrativePenalty.previousYear", "proactive.administrativePenalty.change", "proactive.administrativePenalty.decisions"));
    }

    [Fact]
    public void Extract_GivesEachRunTogetherCellTheSpanOfItsOwnDigits()
    {
        var text = Preamble + Table2025;

        var extraction = _extractor.Extract(text);

        var natural = extraction.Sources["requests.new.naturalPerson"];
        Assert.Equal("151", text.Substring(natural.Start, natural.Length));
        Assert.Equal(("B", "一、本年新收政府信息公开申请数量", "自然人"), (natural.Table, natural.Row, natural.Column));
        var total = extraction.Sources["requests.new.total"];
        Assert.Equal(text.IndexOf("15130000154", StringComparison.Ordinal) + 8, total.Start);
        Assert.Equal("154", text.Substring(total.Start, total.Length));
        var reviewTotal = extraction.Sources["review.total"];
        Assert.Equal(("C", "行政复议", "总计", "36"), (reviewTotal.Table, reviewTotal.Row, reviewTotal.Column, text.Substring(reviewTotal.Start, reviewTotal.Length)));
    }

    private static decimal?[] Row(IReadOnlyDictionary<string, decimal?> figures, string prefix)
        => [.. TemplateShapeColumns.Select(c => figures[prefix + "." + c])];

    private static decimal?[] TableC(IReadOnlyDictionary<string, decimal?> figures)
        => [.. new[] { "review", "litigationDirect", "litigationAfterReview" }.SelectMany(g => new[] { "upheld", "corrected", "other", "pending", "total" }.Select(c => figures[g + "." + c]))];

    private static decimal?[] Values(IReadOnlyDictionary<string, decimal?> figures, params string[] keys) => [.. keys.Select(k => figures[k])];

    private static readonly string[] TemplateShapeColumns = ["naturalPerson", "commercial", "research", "nonprofit", "legalService", "other", "total"];

    internal static decimal ParseSpan(string printed)
        => decimal.Parse(printed.Normalize(System.Text.NormalizationForm.FormKC).Replace('−', '-'), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
}
