using ReportArchive.Search;
using ReportArchive.Statistics;
using ReportArchive.Tests.Fixtures;

namespace ReportArchive.Tests.Statistics;

/// <summary>Statistics over the imported seeds; 004 (郑州, 2021) alone received requests: 3 new, 1 granted, 2 not held, 3 processed.</summary>
public sealed class FigureStatisticsTests
{
    [Fact]
    public async Task Compute_SumsByYearInYearOrder()
    {
        using var archive = await TemporaryArchive.WithSeedsAsync();
        var reports = archive.Searcher.FindAll(null, SearchFilters.None, CancellationToken.None);

        var groups = new FigureStatistics(archive.Store).Compute(reports, StatisticsFigure.Find("requests.new.total")!, StatisticsGrouping.Year, CancellationToken.None);

        Assert.Equal(
            [
                new GroupStatistics("2020", 1, 1, 0, 0, 0, 0, 0),
                new GroupStatistics("2021", 3, 3, 0, 3, 1, 0, 3),
                new GroupStatistics("2023", 1, 1, 0, 0, 0, 0, 0),
            ],
            groups);
    }

    [Fact]
    public async Task Compute_RateCountsZeroDenominatorsApart()
    {
        using var archive = await TemporaryArchive.WithSeedsAsync();
        var reports = archive.Searcher.FindAll(null, SearchFilters.None, CancellationToken.None);

        var groups = new FigureStatistics(archive.Store).Compute(reports, StatisticsFigure.Find("rates.unable")!, StatisticsGrouping.Level, CancellationToken.None);

        // The four county reports received no requests (0 processed: left out and counted); 郑州 (city) 2 of 3 unable.
        Assert.Equal(
            [new GroupStatistics("county", 4, 0, 4, null, null, null, null), new GroupStatistics("city", 1, 1, 0, 0.666667m, 0.666667m, 0.666667m, 0.666667m)],
            groups);
    }

    [Fact]
    public async Task Compute_NoReports_NoGroups()
    {
        using var archive = await TemporaryArchive.WithSeedsAsync();

        var groups = new FigureStatistics(archive.Store).Compute([], StatisticsFigure.Find("requests.new.total")!, StatisticsGrouping.Year, CancellationToken.None);

        Assert.Empty(groups);
    }

    [Fact]
    public async Task Compute_ReportInSeveralAgencyTypes_CountsInEach()
    {
        using var archive = await TemporaryArchive.WithSeedsAsync();
        var reports = archive.Searcher.FindAll(null, SearchFilters.None, CancellationToken.None);

        var groups = new FigureStatistics(archive.Store).Compute(reports, StatisticsFigure.Find("requests.new.total")!, StatisticsGrouping.AgencyType, CancellationToken.None);

        // Merged bureaus count under each of their types: 科技 (seeds 001, 002), 商务 (003); all five are 工业和信息化.
        Assert.Equal(
            [("工业和信息化", 5, 3m), ("科技", 2, 0m), ("商务", 1, 0m)],
            groups.Select(g => (g.Group!, g.Reports, g.Sum!.Value)).ToArray());
    }
}
