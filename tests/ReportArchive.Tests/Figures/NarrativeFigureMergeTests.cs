using ReportArchive.Figures;

namespace ReportArchive.Tests.Figures;

/// <summary>
/// The extractor's figures where the tables do not give them (a page that stops early, a report without tables)
/// come from the prose, with their sentence as source and a warning; a figure the table gives stays as read.
/// </summary>
public sealed class NarrativeFigureMergeTests
{
    private readonly FigureTableExtractor _extractor = new();

    [Fact]
    public void Extract_ReadsTheProseOfAnExcerptWithoutTables()
    {
        // 030 of ../shared/real-reports (a page that stops before table 三)
        const string text = "本报告包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议、行政诉讼情况。\n"
            + "(二)依申请公开\n"
            + "2023年,本街道共收到12件信息依申请公开,其中10件已经按时按规完成答复,剩余2件结转下年度继续办理。\n"
            + "因政府信息公开引发行政复议2件、行政诉讼0件。\n(三)政府信息管理\n";

        var result = _extractor.Extract(text);

        Assert.Contains("figures: no table found", result.Warnings);
        Assert.Equal(new Dictionary<string, decimal?>
        {
            ["requests.new.total"] = 12,
            ["requests.processed.total"] = 10,
            ["requests.carriedForward.total"] = 2,
            ["review.total"] = 2,
        }, result.Figures);
        Assert.Equal(["requests.new.total", "requests.processed.total", "requests.carriedForward.total", "review.total"], result.Figures.Keys);
        var review = result.Sources["review.total"];
        Assert.Equal(FigureSourceKind.Narrative, review.Kind);
        Assert.Equal("因政府信息公开引发行政复议2件、行政诉讼0件。", text.Substring(review.Start, review.Length));
        Assert.Contains("figures: review.total read from the prose: \"因政府信息公开引发行政复议2件、行政诉讼0件。\"", result.Warnings);
        Assert.Equal(result.Figures.Keys.Order(), result.Sources.Keys.Order());
    }

    [Fact]
    public void Extract_KeepsTheTablesValueAndFillsOnlyItsNullCells()
    {
        const string text = "某某市财政局2022年政府信息公开工作年度报告\n\n一、总体情况\n\n"
            + "本年度共收到政府信息公开申请10件，办结9件。行政处罚决定数量为7件。\n\n"
            + "二、主动公开政府信息情况\n第二十条第（一）项\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n规章\t0\t0\t0\n行政规范性文件\t1\t0\t3\n"
            + "三、收到和处理政府信息公开申请情况\n(本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和)\n"
            + "一、本年新收政府信息公开申请数量\t12\t0\t0\t0\t0\t0\t12\n二、上年结转政府信息公开申请数量\t0\t0\t0\t0\t0\t0\t0\n\n"
            + "四、政府信息公开行政复议、行政诉讼情况\n行政复议\t行政诉讼\n"
            + "1\t1\t0\t0\t2\t1\t0\t0\t0\t1\t0\t0\t0\t0\t0\n\n五、存在的主要问题及改进情况\n";

        var result = _extractor.Extract(text);

        Assert.Equal(12, result.Figures["requests.new.total"]); // the table's, not the prose's 10
        Assert.False(result.Sources.TryGetValue("requests.new.total", out var tableSource) && tableSource.Kind == FigureSourceKind.Narrative);
        Assert.Equal(9, result.Figures["requests.processed.total"]); // the table stops before 办理结果
        Assert.Equal(7, result.Figures["proactive.administrativePenalty.decisions"]);
        Assert.Equal(FigureSourceKind.Narrative, result.Sources["requests.processed.total"].Kind);
        Assert.DoesNotContain(result.Warnings, w => w.StartsWith("figures: requests.new.total read from the prose", StringComparison.Ordinal));
        Assert.False(Assert.Single(result.Checks, c => c.Rule == "narrative.requests.new").Ok);
        Assert.DoesNotContain(result.Checks, c => c.Rule == "narrative.requests.processed.total"); // no table value to compare
    }

    [Theory]
    [InlineData("本年度共收到政府信息公开申请12件，办结12件。", true)]
    [InlineData("本年度共收到政府信息公开申请12件，办结10件。", false)]
    public void Extract_ComparesOtherStatedFiguresWithTheTable(string prose, bool ok)
    {
        var text = "某某市财政局2022年政府信息公开工作年度报告\n\n一、总体情况\n\n" + prose + "\n\n"
            + "三、收到和处理政府信息公开申请情况\n(本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和)\n"
            + "一、本年新收政府信息公开申请数量\t12\t0\t0\t0\t0\t0\t12\n二、上年结转政府信息公开申请数量\t0\t0\t0\t0\t0\t0\t0\n"
            + "三、本年度办理结果\n（一）予以公开\t12\t0\t0\t0\t0\t0\t12\n（七）总计\t12\t0\t0\t0\t0\t0\t12\n四、结转下年度继续办理\t0\t0\t0\t0\t0\t0\t0\n\n"
            + "五、存在的主要问题及改进情况\n";

        var result = _extractor.Extract(text);

        Assert.Equal(12, result.Figures["requests.processed.total"]);
        var check = Assert.Single(result.Checks, c => c.Rule == "narrative.requests.processed.total");
        Assert.Equal(ok, check.Ok);
        Assert.Contains("table gives 12", check.Detail, StringComparison.Ordinal);
    }
}
