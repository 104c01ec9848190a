using ReportArchive.Figures;

namespace ReportArchive.Tests.Figures;

/// <summary>Every figure of every seed report, stated.</summary>
public sealed class SeedFigureTests
{
    private readonly FigureTableExtractor _extractor = new();

    public static TheoryData<string, string> AllZeroSeeds => new()
    {
        { "000", FigureKeys.Template2021 },
        { "001", FigureKeys.Template2019 },
        { "002", FigureKeys.Template2021 },
        { "003", FigureKeys.Template2021 },
    };

    [Theory]
    [MemberData(nameof(AllZeroSeeds))]
    public void Extract_ReadsEveryFigureOfTheSeedsWithEmptyTablesAsZero(string seed, string template)
    {
        var result = _extractor.Extract(SeedReports.Read(seed));

        Assert.Equal(template, result.Template);
        Assert.Equal(FigureKeys.ForTemplate(template).Select(k => k.Key), result.Figures.Keys);
        Assert.All(result.Figures, figure => Assert.Equal(0m, figure.Value));
        Assert.All(result.Checks, check => Assert.True(check.Ok, check.Rule + ": " + check.Detail));
    }

    [Fact]
    public void Extract_ReadsEveryFigureOfSeed004()
    {
        var nonZero = new Dictionary<string, decimal>
        {
            ["proactive.normativeDocuments.issued"] = 7,
            ["proactive.normativeDocuments.abolished"] = 30,
            ["proactive.normativeDocuments.inForce"] = 29,
            ["proactive.administrativePenalty.decisions"] = 8,
            ["requests.new.naturalPerson"] = 3,
            ["requests.new.total"] = 3,
            ["requests.granted.naturalPerson"] = 1,
            ["requests.granted.total"] = 1,
            ["requests.unable.notHeld.naturalPerson"] = 2,
            ["requests.unable.notHeld.total"] = 2,
            ["requests.processed.naturalPerson"] = 3,
            ["requests.processed.total"] = 3,
            ["litigationDirect.upheld"] = 9,
            ["litigationDirect.total"] = 9,
        };

        var result = _extractor.Extract(SeedReports.Read("004"));

        Assert.Equal(FigureKeys.Template2021, result.Template);
        Assert.Equal(FigureKeys.ForTemplate(FigureKeys.Template2021).Select(k => k.Key), result.Figures.Keys);
        foreach (var (key, value) in result.Figures)
        {
            Assert.True(value == nonZero.GetValueOrDefault(key), $"{key}: expected {nonZero.GetValueOrDefault(key)}, got {value}");
        }
    }

    [Fact]
    public void Extract_ChoosesTheOnlyReadingOfSeed004TableCThatAddsUpAndSaysSo()
    {
        var result = _extractor.Extract(SeedReports.Read("004"));

        Assert.Contains(result.Warnings, w => w.StartsWith("table C: 16 values for 15 cells", StringComparison.Ordinal));
        Assert.All(result.Checks.Where(c => !c.Rule.StartsWith("narrative.", StringComparison.Ordinal)), check => Assert.True(check.Ok, check.Rule));
    }

    [Fact]
    public void Extract_FailsTheNarrativeCheckWhenSeed004ProseDeniesItsLawsuits()
    {
        var result = _extractor.Extract(SeedReports.Read("004"));

        var litigation = Assert.Single(result.Checks, c => c.Rule == "narrative.litigation.total");
        Assert.False(litigation.Ok);
        Assert.Contains("table gives 9", litigation.Detail, StringComparison.Ordinal);
        Assert.True(Assert.Single(result.Checks, c => c.Rule == "narrative.review.total").Ok);
        Assert.True(Assert.Single(result.Checks, c => c.Rule == "narrative.requests.new").Ok);
    }

    [Fact]
    public void Extract_EvaluatesEveryIdentityOfTheTemplate()
    {
        var result2021 = _extractor.Extract(SeedReports.Read("000"));
        var result2019 = _extractor.Extract(SeedReports.Read("001"));

        // 25 row totals + 7 balances + 7 handling sums + 3 groups of table C; the 2019 template has 23 rows
        Assert.Equal(42, result2021.Checks.Count(c => !c.Rule.StartsWith("narrative.", StringComparison.Ordinal)));
        Assert.Equal(40, result2019.Checks.Count(c => !c.Rule.StartsWith("narrative.", StringComparison.Ordinal)));
        Assert.Contains(result2021.Checks, c => c.Rule == "requests.balance.total");
        Assert.Contains(result2021.Checks, c => c.Rule == "requests.processedSum.naturalPerson");
        Assert.Contains(result2021.Checks, c => c.Rule == "requests.rowTotal.otherHandling.other");
        Assert.Contains(result2019.Checks, c => c.Rule == "requests.rowTotal.otherHandling");
        Assert.Contains(result2019.Checks, c => c.Rule == "litigationAfterReview.total");
    }

    [Fact]
    public void Extract_ReadsSeed001RowsMissingACellOnlyBecauseEveryReadingAgrees()
    {
        var result = _extractor.Extract(SeedReports.Read("001"));

        Assert.Equal(20, result.Warnings.Count(w => w.Contains("6 values for 7 cells", StringComparison.Ordinal)));
        Assert.Equal(3, result.Checks.Count(c => c.Rule.StartsWith("narrative.", StringComparison.Ordinal) && c.Ok));
    }
}
