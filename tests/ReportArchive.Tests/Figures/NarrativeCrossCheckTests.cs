using ReportArchive.Figures;

namespace ReportArchive.Tests.Figures;

/// <summary>Counts stated in the prose of parts 一 and 四 against the tables.</summary>
public sealed class NarrativeCrossCheckTests
{
    private readonly FigureTableExtractor _extractor = new();

    [Theory]
    [InlineData("本年度共收到政府信息公开申请12件，均已按时答复。", "narrative.requests.new", true)]
    [InlineData("本年度共收到政府信息公开申请10件。", "narrative.requests.new", false)]
    [InlineData("全年未收到政府信息公开申请。", "narrative.requests.new", false)]
    [InlineData("本年度发生行政复议2件，行政诉讼1件。", "narrative.review.total", true)]
    [InlineData("本年度发生行政复议2件，行政诉讼1件。", "narrative.litigation.total", true)]
    [InlineData("未发生因政府信息公开引起的行政复议。", "narrative.review.total", false)]
    [InlineData("行政复议和行政诉讼均未发生。", "narrative.litigation.total", false)]
    [InlineData("不存在因政府信息公开工作被申请行政复议、提起行政诉讼的情况。", "narrative.litigation.total", false)]
    public void Extract_ComparesClearProseStatementsWithTheTables(string prose, string rule, bool ok)
    {
        var result = _extractor.Extract(Report(prose));

        var check = Assert.Single(result.Checks, c => c.Rule == rule);
        Assert.Equal(ok, check.Ok);
    }

    [Theory]
    [InlineData("收到并办结12345政务服务便民热线转办件44件、局网站信箱来信28件。")]
    [InlineData("本机关无一例被行政复议纠错的情况。")]
    [InlineData("未经复议直接起诉的案件已审结。")]
    [InlineData("收到人大代表建议和政协提案申请办理17件。")]
    [InlineData("行政复议机关的决定未发生变化。")]
    public void Extract_TakesNoStatementFromUnclearOrUnrelatedProse(string prose)
    {
        var result = _extractor.Extract(Report(prose));

        Assert.DoesNotContain(result.Checks, c => c.Rule.StartsWith("narrative.", StringComparison.Ordinal));
    }

    /// <summary>12 new requests; 2 reconsiderations; 1 direct lawsuit.</summary>
    private static string Report(string prose)
        => "某某市财政局2022年政府信息公开工作年度报告\n\n一、总体情况\n\n" + prose + "\n\n"
            + "三、收到和处理政府信息公开申请情况\n(本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和)\n"
            + "一、本年新收政府信息公开申请数量\t12\t0\t0\t0\t0\t0\t12\n二、上年结转政府信息公开申请数量\t0\t0\t0\t0\t0\t0\t0\n\n"
            + "四、政府信息公开行政复议、行政诉讼情况\n行政复议\t行政诉讼\n"
            + "1\t1\t0\t0\t2\t1\t0\t0\t0\t1\t0\t0\t0\t0\t0\n\n五、存在的主要问题及改进情况\n";
}
