using ReportArchive.Ingestion;
using ReportArchive.Search;
using ReportArchive.Search.Catalog;
using ReportArchive.Storage;

namespace ReportArchive.Tests.Fixtures;

/// <summary>A fresh archive in its own temporary data folder, deleted afterwards: no state shared between tests.</summary>
internal sealed class TemporaryArchive : IDisposable
{
    public TemporaryArchive()
    {
        DataDirectory = Path.Combine(Path.GetTempPath(), "reportarchive-tests", Guid.NewGuid().ToString("N"));
        Database = ArchiveDatabase.Open(DataDirectory);
        Store = new ReportStore(Database);
        Importer = new ReportImporter(Store);
        Searcher = new Searcher(Store, new ReportCatalog(Store));
    }

    public string DataDirectory { get; }

    public ArchiveDatabase Database { get; }

    public ReportStore Store { get; }

    public ReportImporter Importer { get; }

    public Searcher Searcher { get; }

    public static async Task<TemporaryArchive> WithSeedsAsync()
    {
        var archive = new TemporaryArchive();
        var summary = await archive.Importer.ImportAsync([RepositoryFiles.SeedsDirectory], null, CancellationToken.None);
        Assert.Empty(summary.Failed);
        Assert.Equal(5, summary.Imported.Count);
        return archive;
    }

    public SearchResult Search(string? query, SearchFilters? filters = null, int page = 1, int pageSize = 20) =>
        Searcher.Search(new SearchRequest(query, filters ?? SearchFilters.None, page, pageSize), CancellationToken.None);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // a leftover temp folder is harmless
        }
    }
}
