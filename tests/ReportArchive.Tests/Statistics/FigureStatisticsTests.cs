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

        // Levels are not resolved for the seeds: one group, null.
        Assert.Equal([new GroupStatistics(null, 5, 1, 4, 0.666667m, 0.666667m, 0.666667m, 0.666667m)], groups);
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
        var reports = archive.Searcher.FindAll(null, SearchFilters.None, CancellationToken.None)
            .Select(r => r.Year == 2021 && r.FailedChecks > 0 ? r with { AgencyTypes = ["工业和信息化", "商务"] } : r)
            .ToList();

        var groups = new FigureStatistics(archive.Store).Compute(reports, StatisticsFigure.Find("requests.new.total")!, StatisticsGrouping.AgencyType, CancellationToken.None);

        Assert.Equal(["商务", "工业和信息化", null], groups.Select(g => g.Group));
        Assert.All(groups.Take(2), g => Assert.Equal(3m, g.Sum));
        Assert.Equal(4, groups[2].Reports);
    }
}
