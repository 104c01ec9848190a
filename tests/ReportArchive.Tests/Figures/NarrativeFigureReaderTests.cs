using ReportArchive.Figures;
using ReportArchive.Figures.Narrative;

namespace ReportArchive.Tests.Figures;

/// <summary>
/// The figures real reports state only in their prose (sentences from ../shared/real-reports), read into the
/// template's keys with the sentence's span as source; what could only be derived is not read.
/// </summary>
public sealed class NarrativeFigureReaderTests
{
    [Theory]
    [InlineData("2025年度市自然资源局接收到申请书55份,申请公开的政府信息主要涉及征地信息、规划信息等方面。", "requests.new.total", 55)]
    [InlineData("全年共受理政府信息依申请公开81件,其中当面申请37件,网络申请44件,均已按要求受理办结。", "requests.new.total", 81)]
    [InlineData("2023 年,全年未收到依申请公开来信,无意见投诉情况。", "requests.new.total", 0)]
    [InlineData("2021年,我乡未收到公众提交的政府信息公开申请。", "requests.new.total", 0)]
    [InlineData("2022年,卫生健康局无依申请公开事项。", "requests.new.total", 0)]
    [InlineData("因未发生政府信息公开申请，故不存在政府信息答复处理情况。", "requests.processed.total", 0)]
    [InlineData("2022年度未收到依申请公开政府信息。", "requests.new.total", 0)]
    [InlineData("我委2024年收到依申请公开办件0个。", "requests.new.total", 0)]
    [InlineData("2013年全县共收到有关政府信息公开的申请7条，网上申请数3条，信函申请数4条。", "requests.new.total", 7)]
    [InlineData("本年度共收到政府信息公开申请44件，办结39件，结转下年度办理5件。", "requests.processed.total", 39)]
    [InlineData("本年度共收到政府信息公开申请44件，办结39件，结转下年度办理5件。", "requests.carriedForward.total", 5)]
    [InlineData("2023年,本街道共收到12件信息依申请公开,其中10件已经按时按规完成答复,剩余2件结转下年度继续办理。", "requests.new.total", 12)]
    [InlineData("2023年,本街道共收到12件信息依申请公开,其中10件已经按时按规完成答复,剩余2件结转下年度继续办理。", "requests.processed.total", 10)]
    [InlineData("2023年,本街道共收到12件信息依申请公开,其中10件已经按时按规完成答复,剩余2件结转下年度继续办理。", "requests.carriedForward.total", 2)]
    [InlineData("2022年,收到信息依申请公开共0件,其中书面申请0件,邮件申请0件,通过信息公开平台申请0件,转办0件,0件转结2023年办结。", "requests.carriedForward.total", 0)]
    [InlineData("共收到政府信息公开申请151件（含上年结转13件）。", "requests.carriedOver.total", 13)]
    [InlineData("本年度新收政府信息公开申请20件，上年结转2件，共办结22件。", "requests.new.total", 20)]
    [InlineData("本年度新收政府信息公开申请20件，上年结转2件，共办结22件。", "requests.carriedOver.total", 2)]
    [InlineData("本年度新收政府信息公开申请20件，上年结转2件，共办结22件。", "requests.processed.total", 22)]
    [InlineData("因政府信息公开引发行政复议2件、行政诉讼0件。", "review.total", 2)]
    [InlineData("2013年，我局收到以有关政府信息公开行政复议0件。", "review.total", 0)]
    [InlineData("乡没有因政府信息公开申请行政复议、提起行政诉讼的情况。", "review.total", 0)]
    [InlineData("2022年,未发生涉及卫生健康局信息公开行政复议案件和行政诉讼案件。", "review.total", 0)]
    [InlineData("本年度未发生因政府信息公开引起的行政复议、行政诉讼。", "review.total", 0)]
    [InlineData("本年度内单位行政处罚处理决定数量39件,不存在其他情况。", "proactive.administrativePenalty.decisions", 39)]
    [InlineData("立案查处各类违法行为并作出行政处罚决定305起，全部予以公开。", "proactive.administrativePenalty.decisions", 305)]
    [InlineData("本年度制发规范性文件3件，废止1件。", "proactive.normativeDocuments.issued", 3)]
    [InlineData("办结申请20件，其中予以公开12件，部分公开3件。", "requests.granted.total", 12)]
    [InlineData("办结申请20件，其中予以公开12件，部分公开3件。", "requests.partiallyGranted.total", 3)]
    [InlineData("2022年共收到政府信息公開申請44件。", "requests.new.total", 44)]
    [InlineData("２０２２年共收到政府信息公开申请４４件。", "requests.new.total", 44)]
    public void Read_TakesTheFigureTheSentenceStates(string sentence, string key, int value)
    {
        var text = "某某局2022年政府信息公开工作年度报告\n一、总体情况\n" + sentence + "\n二、其他";

        var figure = Assert.Single(NarrativeFigureReader.Read(text), f => f.Key == key);

        Assert.Equal(value, figure.Value);
        Assert.Equal(FigureSourceKind.Narrative, figure.Source.Kind);
        Assert.Equal(text.IndexOf(sentence, StringComparison.Ordinal), figure.Source.Start);
        Assert.Equal(sentence.Length, figure.Source.Length);
        Assert.Equal(sentence, figure.Source.Sentence);
        Assert.Equal(sentence, text.Substring(figure.Source.Start, figure.Source.Length));
    }

    [Theory]
    [InlineData("共收到政府信息公开申请151件（含上年结转13件）。", "requests.new.total")] // 138 new could only be derived
    [InlineData("共收到政府信息公开申请151件，其中本年新收138件、上年结转13件。", "requests.new.total")]
    [InlineData("依申请公开2条,免于公开信息0条。", "requests.new.total")] // documents classified 依申请公开, not requests
    [InlineData("截至目前共收到15564件咨询投诉件，已办结15042件。", "requests.processed.total")]
    [InlineData("今年我局共受理审批事项117件，办结171件，办结率100%。", "requests.processed.total")]
    [InlineData("本年度未收到法人或其他组织提出的政府信息公开申请。", "requests.new.total")]
    [InlineData("2019年以来累计收到政府信息公开申请500件。", "requests.new.total")]
    [InlineData("未收到上年结转的政府信息公开申请。", "requests.new.total")]
    [InlineData("全年通过政府门户网站回应依申请公开信息2条（属于已主动公开答复数1条，同意公开答复数1条）。", "requests.granted.total")]
    [InlineData("办结依申请公开81件，其中：予以公开及部分公开42件，占51.85%。", "requests.partiallyGranted.total")]
    [InlineData("不予公开2件，分别属于本机关不掌握相关政府信息及行政执法案卷。", "requests.granted.total")]
    [InlineData("包括政务信息动态39条,公开行政许可结果数56条,行政处罚6条。", "proactive.administrativePenalty.decisions")]
    [InlineData("主动公开市政府和市政府办公厅行政规范性文件42件。", "proactive.normativeDocuments.issued")]
    [InlineData("本机关无一例被行政复议纠错的情况。", "review.total")]
    [InlineData("全市共办理行政复议案件62件。", "review.total")] // not about information disclosure
    [InlineData("因政府信息公开引发行政复议2件、行政诉讼0件。", "litigationDirect.total")] // 行政诉讼 is not split
    [InlineData("我局收到申请后15个工作日内予以答复。", "requests.new.total")]
    [InlineData("本年度共收到政府信息公开申请20件，逾期答复0件。", "requests.processed.total")]
    [InlineData("在门户网站公示行政处罚决定120件。", "proactive.administrativePenalty.decisions")]
    public void Read_TakesNothingFromSentencesThatDoNotStateTheFigure(string sentence, string key)
    {
        var text = "某某局2022年政府信息公开工作年度报告\n一、总体情况\n" + sentence + "\n二、其他";

        Assert.DoesNotContain(NarrativeFigureReader.Read(text), f => f.Key == key);
    }

    [Fact]
    public void Read_NarrowsALineWithoutFullStopsToTheClauseOfTheFigure()
    {
        // 041 of ../shared/real-reports: sections and a space-separated table run together on one line
        var line = "第二十条第（一）项 信息内容 本年制发件数 本年废止件数 现行有效件数 规章 0 0 0 行政规范性文件 5 0 5 第二十条第（五）项 信息内容 本年处理决定数量 行政许可 0 "
            + "第二十条第（六）项 信息内容 本年处理决定数量 行政处罚 0 行政强制 0 第二十条第（八）项 信息内容 本年收费金额（单位：万元） 行政事业性收费 0 "
            + "三、收到和处理政府信息公开申请情况 2021年我局未收到政府信息公开申请 （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） 申请人情况 自然人";
        var text = "二、主动公开政府信息情况\n" + line + "\n";

        var figure = Assert.Single(NarrativeFigureReader.Read(text), f => f.Key == "requests.new.total");

        Assert.Equal(0, figure.Value);
        Assert.Equal("2021年我局未收到政府信息公开申请", figure.Source.Sentence);
        Assert.Equal(figure.Source.Sentence, text.Substring(figure.Source.Start, figure.Source.Length));
    }

    [Fact]
    public void Read_TakesNoValueForAKeyThatTwoSentencesStateDifferently()
    {
        const string text = "全年共收到政府信息公开申请12件。\n本年度共收到政府信息公开申请15件。\n行政复议0件，涉及政府信息公开。";

        var figures = NarrativeFigureReader.Read(text);

        Assert.DoesNotContain(figures, f => f.Key == "requests.new.total");
        Assert.Contains(figures, f => f.Key == "review.total" && f.Value == 0);
    }
}
