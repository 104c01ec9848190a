using ReportArchive.Tests.Fixtures;

namespace ReportArchive.Tests.Search;

/// <summary>
/// The search's passages on the five seeds read the stored figure sources: a located cell shows its column's label;
/// sources that no longer decode cost the passage its labels, never the search.
/// </summary>
public sealed class SearchPassageTests
{
    [Fact]
    public async Task Passages_ShowLocatedCellsWithTheirLabels_AndSurviveDamagedSources()
    {
        using var archive = await TemporaryArchive.WithSeedsAsync();

        var labelled = archive.Search("结转下年度继续办理").Hits.SelectMany(h => h.Snippets).ToList();
        Assert.Contains(labelled, s => s.Contains("<mark>结转下年度继续办理</mark> | 自然人 0", StringComparison.Ordinal));

        using (var connection = archive.Database.OpenConnection())
        {
            Sql.Execute(connection, "UPDATE report_figure_sources SET sources = x'FF00'");
        }

        var result = archive.Search("结转下年度继续办理");
        Assert.Equal(5, result.Total);
        Assert.All(result.Hits, h => Assert.Contains(h.Snippets, s => s.Contains("<mark>结转下年度继续办理</mark>", StringComparison.Ordinal)));
        Assert.DoesNotContain(result.Hits.SelectMany(h => h.Snippets), s => s.Contains("自然人 0", StringComparison.Ordinal));
    }
}
