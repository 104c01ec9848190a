using ReportArchive.Documents;
using ReportArchive.Evaluation;
using ReportArchive.Regions;

namespace ReportArchive.Tests.Evaluation;

public sealed class ReportScorerTests
{
    private static readonly ExpectedReport Expected = new(
        "900", "某市卫生健康委员会", 2022, "山西省", "朔州市", null, "city", "卫健",
        new Dictionary<string, decimal?>
        {
            ["applications_new_total"] = 44,
            ["applications_carried_over_total"] = 0,
            ["review_total"] = null,
            ["admin_penalty"] = 12,
        });

    private static ReportMetadata Metadata(int? year, string? city, IReadOnlyList<string> types) =>
        new("某市卫生健康委员会2022年政府信息公开工作年度报告", "某市卫生健康委员会", year,
            new ResolvedRegion("山西省", city, null, "1406", false, []), "city", types);

    [Fact]
    public void Figures_AreRightWrongMissingOrGivenWhereNull_AndMetadataFieldsEachCount()
    {
        var figures = new Dictionary<string, decimal?>
        {
            ["requests.new.total"] = 44, // right
            ["requests.carriedOver.total"] = 3, // wrong
            ["review.total"] = 0, // given where the expected value is null
            // proactive.administrativePenalty.decisions missing
        };

        var score = ReportScorer.Score("reports/900.txt", Expected, Metadata(2021, "朔州市", ["卫生健康"]), figures);

        Assert.Equal((1, 1, 1, 3), (score.FiguresRight, score.FiguresWrong, score.FiguresGivenWhereNull, score.FiguresExpected));
        Assert.Equal((5, 6), (score.MetadataRight, score.MetadataTotal));
        Assert.Equal(
            [
                ("year", "2021", "2022", EvaluationMissKind.Metadata),
                ("applications_carried_over_total", "3", "0", EvaluationMissKind.WrongFigure),
                ("review_total", "0", null, EvaluationMissKind.FigureNotExpected),
                ("admin_penalty", null, "12", EvaluationMissKind.MissingFigure),
            ],
            score.Misses.Select(m => (m.Field, m.Got, m.Expected, m.Kind)).ToArray());

        var result = new EvaluationResult([score]);
        Assert.Equal(1.0 / 3, result.FigurePrecision, 6); // right / (right + wrong + given where null)
        Assert.Equal(1.0 / 3, result.FigureRecall, 6); // right / expected non-null
        Assert.Equal(5.0 / 6, result.MetadataAccuracy, 6);
        Assert.False(result.MeetsTargets);
    }

    [Theory]
    [InlineData("卫健", new[] { "卫生健康" }, true)]
    [InlineData("市场监管", new[] { "市场监督管理" }, true)]
    [InlineData("人民政府办公厅", new[] { "人民政府办公室" }, true)]
    [InlineData("住房城乡建设", new[] { "交通运输", "住房和城乡建设" }, true)]
    [InlineData("人民政府", new[] { "人民政府办公室" }, false)]
    [InlineData("卫健", new string[0], false)]
    public void AgencyType_IsRightWhenAmongTheTypes_UpToTheListedEquivalences(string expected, string[] given, bool right)
    {
        var score = ReportScorer.Score("reports/900.txt", Expected with { AgencyType = expected }, Metadata(2022, "朔州市", given), new Dictionary<string, decimal?>());
        Assert.Equal(right, !score.Misses.Any(m => m.Field == ReportScorer.AgencyTypeField));
    }

    [Fact]
    public void ExpectedFile_IsReadInTheRealReportsSchema()
    {
        const string json = """
            {"source": "x", "title": "t", "agency": "上海市长宁区周家桥街道办事处", "province": "上海市", "city": null,
             "county": "长宁区", "level": "township", "agency_type": "街道办事处", "year": 2023,
             "figures": {"applications_new_total": 3, "review_total": null}, "completeness": "excerpt", "notes": ""}
            """;
        var expected = ExpectedReportReader.Read("031", json);
        Assert.Equal(("上海市", null, "长宁区", "township", "街道办事处", 2023), (expected.Province, expected.City, expected.County, expected.Level, expected.AgencyType, expected.Year));
        Assert.Equal(3m, expected.Figures["applications_new_total"]);
        Assert.Null(expected.Figures["review_total"]);
        Assert.Throws<InvalidDataException>(() => ExpectedReportReader.Read("032", "{ not json"));
    }
}
