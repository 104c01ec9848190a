using ReportArchive.Figures;
using ReportArchive.Ingestion;
using ReportArchive.Storage.Compact;
using ReportArchive.Tests.Fixtures;

namespace ReportArchive.Tests.Storage.Compact;

public sealed class CheckListTests
{
    private static readonly Dictionary<string, decimal?> NoFigures = [];

    [Fact]
    public void Checks_RoundTripInOrder_WithTheirCounts()
    {
        List<FigureCheck> checks =
        [
            new("requests.balance.total", true, "一+二 = 3, （七）总计+四 = 3"),
            new("narrative.requests.new", false, "prose states 42 (“收到政府信息公开申请42件”), table gives 0"),
            new("review.total", false, "expected 11 (sum of the four results), printed 𠀀\n"),
        ];

        var stored = CheckList.Encode(null, NoFigures, checks);

        Assert.Equal(checks, CheckList.Decode(stored, null, NoFigures));
        Assert.Equal((3, 2), CheckList.Counts(stored));
    }

    [Fact]
    public void NoChecks_RoundTrip() =>
        Assert.Empty(CheckList.Decode(CheckList.Encode(null, NoFigures, []), null, NoFigures));

    [Fact]
    public void SeedReports_IdentityChecksAreRecomputedFromTheFigures_AndEveryCheckReadsBackIdentical()
    {
        var parser = new ReportParser();
        foreach (var file in Directory.GetFiles(RepositoryFiles.SeedsDirectory, "*.txt"))
        {
            var figures = parser.Parse(File.ReadAllText(file)).Figures;
            var everyCheckStored = CheckList.Encode(null, figures.Figures, figures.Checks);

            var stored = CheckList.Encode(figures.Template, figures.Figures, figures.Checks);

            Assert.Equal(figures.Checks, CheckList.Decode(stored, figures.Template, figures.Figures));
            Assert.True(stored.Length < everyCheckStored.Length / 2, $"{Path.GetFileName(file)}: {stored.Length} of {everyCheckStored.Length} bytes");
        }
    }

    [Fact]
    public void ChecksThatAreNotTheRecomputedIdentities_AreStoredAsWritten()
    {
        var figures = new ReportParser().Parse(RepositoryFiles.SeedText("004")).Figures;
        var altered = figures.Checks.Select((c, i) => i == 0 ? c with { Detail = c.Detail + " (edited)" } : c).ToList();

        var stored = CheckList.Encode(figures.Template, figures.Figures, altered);

        Assert.Equal(altered, CheckList.Decode(stored, figures.Template, figures.Figures));
    }
}
