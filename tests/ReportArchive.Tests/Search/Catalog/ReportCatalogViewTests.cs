using ReportArchive.Corpus.Reports;
using ReportArchive.Search.Catalog;
using ReportArchive.Tests.Fixtures;

namespace ReportArchive.Tests.Search.Catalog;

/// <summary>
/// The published catalog only moves forward: a reader whose view is older than it gets a newer view instead of pulling
/// the catalog back (which made readers of different views reload every report in turn while uploads ran).
/// </summary>
public sealed class ReportCatalogViewTests
{
    [Fact]
    public async Task AReaderWithAnOlderView_DoesNotPullThePublishedCatalogBack()
    {
        using var archive = await TemporaryArchive.WithSeedsAsync();
        var catalog = new ReportCatalog(archive.Store);
        using var oldConnection = archive.Database.OpenConnection();
        using var oldView = oldConnection.BeginTransaction(deferred: true);
        var oldGeneration = archive.Store.Generation(oldConnection); // the first read fixes the old view: 5 reports

        await ImportOneGeneratedReportAsync(archive);
        using var connection = archive.Database.OpenConnection();
        var (view, published) = catalog.BeginView(connection);
        view.Dispose();

        Assert.Equal(6, published.Count);
        Assert.Null(catalog.Published(oldGeneration, oldConnection)); // the old view is told to begin a newer one
        var (again, current) = catalog.BeginView(connection);
        again.Dispose();
        Assert.Same(published, current); // still the newest catalog, not reloaded
    }

    [Fact]
    public async Task BeginView_AfterAnUpload_ExtendsThePublishedCatalogWithTheNewReportOnly()
    {
        using var archive = await TemporaryArchive.WithSeedsAsync();
        var catalog = new ReportCatalog(archive.Store);
        using var connection = archive.Database.OpenConnection();
        var (first, before) = catalog.BeginView(connection);
        first.Dispose();

        await ImportOneGeneratedReportAsync(archive);
        var (second, after) = catalog.BeginView(connection);
        using (second)
        {
            Assert.Equal(archive.Store.Generation(connection), after.Generation);
        }

        Assert.Equal(before.Count + 1, after.Count);
        Assert.All(Enumerable.Range(0, before.Count), i => Assert.Same(before.Entries[i], after.Entries[i]));
        Assert.True(after.Entries[^1].Id > before.Entries[^1].Id);
    }

    [Fact]
    public async Task ConcurrentSearches_DuringUploads_NeverSeeFewerReportsThanBefore()
    {
        using var archive = await TemporaryArchive.WithSeedsAsync();
        var reports = new ReportCorpusGenerator(seed: 5).Generate(40).ToList();
        using var stop = new CancellationTokenSource();
        var readers = Enumerable.Range(0, 3).Select(_ => Task.Run(() =>
        {
            var seen = 0L;
            while (!stop.IsCancellationRequested)
            {
                var total = archive.Search(null, pageSize: 1).Total;
                Assert.True(total >= seen, $"a search saw {total} reports after one saw {seen}");
                seen = total;
            }

            return seen;
        })).ToList();

        var folder = Directory.CreateDirectory(Path.Combine(archive.DataDirectory, "uploads")).FullName;
        foreach (var report in reports)
        {
            var file = Path.Combine(folder, report.FileName);
            await File.WriteAllTextAsync(file, report.Text);
            Assert.Empty((await archive.Importer.ImportAsync([file], null, CancellationToken.None)).Failed);
        }

        await stop.CancelAsync();
        await Task.WhenAll(readers);
        Assert.Equal(45, archive.Search(null, pageSize: 1).Total);
    }

    private static async Task ImportOneGeneratedReportAsync(TemporaryArchive archive)
    {
        var report = new ReportCorpusGenerator(seed: 3).Generate(1).Single();
        var folder = Directory.CreateDirectory(Path.Combine(archive.DataDirectory, "one")).FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, report.FileName), report.Text);
        Assert.Empty((await archive.Importer.ImportAsync([folder], null, CancellationToken.None)).Failed);
    }
}
