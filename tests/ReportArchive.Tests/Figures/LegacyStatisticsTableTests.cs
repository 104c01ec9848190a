using ReportArchive.Documents;
using ReportArchive.Figures;
using ReportArchive.Ingestion;
using ReportArchive.Regions;
using ReportArchive.Storage;
using ReportArchive.Tests.Fixtures;

namespace ReportArchive.Tests.Figures;

/// <summary>
/// Reports on years before 2019 end with the old statute's 政府信息公开情况统计表 (指标名称 | 计量单位 | 2013年度 |
/// 历年累计). The extractor reads its five headline rows from this year's column, never the cumulative one, splits a
/// run of digits only where exactly one split has year ≤ cumulative, and leaves everything else null.
/// </summary>
public sealed class LegacyStatisticsTableTests
{
    // the 统计表 of 019 of ../shared/real-reports (2013), flattened with the next row's number glued on
    private const string Report2013 = "平潭县人民政府2013年政府信息公开工作年度报告\n"
        + "三、政府信息依申请公开工作情况2013年全县共收到有关政府信息公开的申请7条，网上申请数3条，信函申请数4条；\n"
        + "附件1：平潭县人民政府2013年政府信息公开情况统计表 指标名称计量单位2013年度历年累计主动公开信息数条18535395"
        + "其中：1.网站公开条171350172.政府公报公开条07受理依申请公开信息总数条728其中：1.当面申请数条0182.传真申请数条00"
        + "3.电子邮件申请数条364.网上申请数条445.信函申请数条006.其它形式申请数条00对申请的答复数条324"
        + "其中：1.同意公开答复数条2192.同意部分公开答复数条133.否决公开答复数条02行政复议数条00行政诉讼数条00行政申诉数条00";

    private readonly FigureTableExtractor _extractor = new();

    [Fact]
    public void Extract_ReadsThisYearsColumnOfThe2013Table_WithTheNextRowsNumberGluedOn()
    {
        var result = _extractor.Extract(Report2013);

        Assert.Null(result.Template);
        Assert.Equal(new Dictionary<string, decimal?>
        {
            ["requests.new.total"] = 7, // 7 | 28
            ["requests.granted.total"] = 2, // 2 | 19, then row 2.
            ["requests.partiallyGranted.total"] = 1, // 1 | 3, then row 3.
            ["requests.processed.total"] = 3, // 3 | 24
            ["review.total"] = 0, // 0 | 0
        }, result.Figures);
        Assert.DoesNotContain(result.Figures.Keys, k => k.StartsWith("litigation", StringComparison.Ordinal));
        Assert.Contains("figures: no 2019/2021 table found; read the pre-2019 统计表 (2013年度 column, never 历年累计)", result.Warnings);

        var granted = result.Sources["requests.granted.total"];
        Assert.Equal(new FigureSource(FigureSourceKind.Table, Report2013.IndexOf("答复数条2192", StringComparison.Ordinal) + 4, 1, "legacy", "同意公开答复数", "2013年度"), granted);
        var partially = result.Sources["requests.partiallyGranted.total"];
        Assert.Equal("1", Report2013.Substring(partially.Start, partially.Length));
        Assert.Equal(Report2013.IndexOf("答复数条133", StringComparison.Ordinal) + 4, partially.Start);
    }

    [Fact]
    public void Extract_KeepsTheTablesValueWhereTheProseStatesAnother()
    {
        var text = Report2013.Replace("共收到有关政府信息公开的申请7条", "共收到有关政府信息公开的申请9条", StringComparison.Ordinal);

        var result = _extractor.Extract(text);

        Assert.Equal(7, result.Figures["requests.new.total"]);
        Assert.Equal(FigureSourceKind.Table, result.Sources["requests.new.total"].Kind);
    }

    [Fact]
    public void Extract_Reads2018sAllZeroTable_WhereTheNationalTablesGiveNoValue()
    {
        // 017 of ../shared/real-reports (2018): the whole report, whose old table the national reader finds but cannot read
        var text = File.ReadAllText(Path.Combine(SeedReports.RepositoryRoot(), "..", "shared", "real-reports", "reports", "017.txt"));

        var result = _extractor.Extract(text);

        Assert.Null(result.Template);
        Assert.Equal(
            ["requests.new.total", "requests.granted.total", "requests.partiallyGranted.total", "requests.processed.total", "review.total"],
            result.Figures.Keys);
        Assert.All(result.Figures.Values, v => Assert.Equal(0m, v));
        Assert.All(result.Sources.Values, s => Assert.Equal(("legacy", "2018年度"), (s.Table, s.Column)));
        var processed = result.Sources["requests.processed.total"];
        Assert.Equal("对申请的答复总数条00", text.Substring(processed.Start - 9, 11));
    }

    [Fact]
    public void Extract_LeavesAnAmbiguousRunNull_AndNeverTakesTheCumulativeColumn()
    {
        // 1234 splits as 1 | 234 and as 12 | 34; 30 cannot split with year ≤ cumulative (3 | 0)
        const string text = "某县2015年政府信息公开工作年度报告\n政府信息公开情况统计表\n指标名称计量单位2015年度历年累计"
            + "受理依申请公开信息总数条1234其中：1.当面申请数条11对申请的答复总数条30行政复议数件01";

        var result = _extractor.Extract(text);

        Assert.False(result.Figures.ContainsKey("requests.new.total"));
        Assert.False(result.Figures.ContainsKey("requests.processed.total"));
        Assert.Equal(0, result.Figures["review.total"]); // 0 | 1
        Assert.Contains("figures: requests.new.total: the 统计表 row '受理依申请公开信息总数条1234' does not split into one 2015年度 | 历年累计 pair; left null", result.Warnings);
        Assert.Contains(result.Warnings, w => w.StartsWith("figures: requests.processed.total: the 统计表 row", StringComparison.Ordinal));
    }

    [Fact]
    public void Extract_UsesThePrintedSeparatorBetweenTheTwoColumns()
    {
        // 12 345 would be ambiguous run together (1 | 2345, 12 | 345, 123 | 45); printed apart it is 12 | 345
        const string text = "某县2016年政府信息公开工作年度报告\n政府信息公开情况统计表\n指标名称\t计量单位\t2016年度\t历年累计\n"
            + "受理依申请公开信息总数\t条\t12\t345\n对申请的答复总数\t条\t12\t340\n其中：1.同意公开答复数\t条\t9\t300\n"
            + "2.同意部分公开答复数\t条\t4\t2\n行政复议数\t件\t1\t6\n";

        var result = _extractor.Extract(text);

        Assert.Equal(12, result.Figures["requests.new.total"]);
        Assert.Equal(12, result.Figures["requests.processed.total"]);
        Assert.Equal(9, result.Figures["requests.granted.total"]);
        Assert.False(result.Figures.ContainsKey("requests.partiallyGranted.total")); // 4 > 2 printed: not a pair
        Assert.Equal(1, result.Figures["review.total"]);
        var review = result.Sources["review.total"];
        Assert.Equal("1", text.Substring(review.Start, review.Length));
        Assert.Equal(text.IndexOf("行政复议数\t件\t1", StringComparison.Ordinal) + 8, review.Start);
    }

    [Fact]
    public void Extract_LeavesA2021ReportToTheNationalReader()
    {
        var text = SeedReports.Read("000");

        var result = _extractor.Extract(text);

        Assert.NotNull(result.Template);
        Assert.DoesNotContain(result.Sources.Values, s => s.Table == "legacy");
        Assert.DoesNotContain(result.Warnings, w => w.Contains("pre-2019", StringComparison.Ordinal));
    }

    [Fact]
    public void ParsedOldTable_RoundTripsThroughTheArchive()
    {
        using var archive = new TemporaryArchive();
        var parsed = new ReportParser().Parse(Report2013);
        var source = new SourceDocument("019.txt", Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(Report2013))), Report2013, "UTF-8");
        var metadata = new ReportMetadata("平潭县人民政府2013年政府信息公开工作年度报告", "平潭县人民政府", 2013, new ResolvedRegion(null, null, null, null, false, []), null, []);

        var outcome = Assert.Single(archive.Store.Add([IndexedReport.Create(source, new ParsedReport(metadata, parsed.Figures, []))], DateTimeOffset.UnixEpoch, 1));

        var stored = archive.Store.Get(outcome.Id)!;
        Assert.Equal(parsed.Figures.Figures, stored.Figures);
        Assert.Equal(2, stored.Figures["requests.granted.total"]);
        Assert.Equal(parsed.Figures.Sources, stored.FigureSources);
        var granted = stored.FigureSources["requests.granted.total"];
        Assert.Equal("2", stored.Text.Substring(granted.Start, granted.Length));
    }
}
