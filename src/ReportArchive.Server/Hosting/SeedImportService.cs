using ReportArchive.Ingestion;
using ReportArchive.Search;
using ReportArchive.Search.Catalog;
using ReportArchive.Storage;

namespace ReportArchive.Server.Hosting;

/// <summary>
/// On first start, with an empty archive, imports every report in the seed folder and logs what it did; then
/// loads the in-memory catalog and marks the server ready.
/// </summary>
public sealed partial class SeedImportService(
    ArchiveOptions options, ReportStore store, ReportImporter importer, ReportCatalog catalog, Searcher searcher,
    ArchiveReadiness readiness, ILogger<SeedImportService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var archive = store.Database.FilePath;
        try
        {
            var count = store.Count();
            if (count > 0)
            {
                LogArchiveOpened(archive, count);
            }
            else if (!Directory.Exists(options.SeedDirectory))
            {
                LogNoSeeds(archive, options.SeedDirectory);
            }
            else
            {
                readiness.Starting("importing the seed reports");
                LogSeedImportStarted(archive, options.SeedDirectory);
                var summary = await importer.ImportAsync([options.SeedDirectory], null, stoppingToken);
                foreach (var failure in summary.Failed)
                {
                    LogNotImported(failure.Path, failure.Reason);
                }

                var (imported, duplicates, failed) = (summary.Imported.Count, summary.Duplicates.Count, summary.Failed.Count);
                LogSeedImportDone(imported, duplicates, failed);
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogSeedImportFailed(exception);
        }
        finally
        {
            WarmSearch();
            readiness.Ready();
            WarmSearchCode(stoppingToken);
        }
    }

    /// <summary>
    /// One search through every stage right after the server is ready, so that the code of ranking, snippets and facets
    /// is compiled before the first user's search rather than during it.
    /// </summary>
    private void WarmSearchCode(CancellationToken stoppingToken)
    {
        try
        {
            searcher.Search(new SearchRequest("政府信息公开", SearchFilters.None), stoppingToken);
        }
        catch (Exception exception) when (exception is Microsoft.Data.Sqlite.SqliteException or OperationCanceledException)
        {
            LogSeedImportFailed(exception);
        }
    }

    /// <summary>
    /// Loads the in-memory catalog and the text index's segments now, so the first search does not pay for them.
    /// </summary>
    private void WarmSearch()
    {
        try
        {
            // two independent loads (a few hundred MB of segments, every report's catalog row): one per core
            Parallel.Invoke(
                () =>
                {
                    using var connection = store.Database.OpenConnection();
                    catalog.BeginView(connection).View.Dispose();
                },
                () =>
                {
                    using var connection = store.Database.OpenConnection();
                    using var snapshot = connection.BeginTransaction(deferred: true);
                    store.TextIndex.Load(connection, snapshot);
                });
        }
        catch (AggregateException exception) when (exception.InnerExceptions.All(e => e is Microsoft.Data.Sqlite.SqliteException))
        {
            LogSeedImportFailed(exception.InnerExceptions[0]);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Archive {Archive} holds {Count} reports")]
    private partial void LogArchiveOpened(string archive, long count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Archive {Archive} is empty and the seed folder {Seeds} does not exist; nothing imported")]
    private partial void LogNoSeeds(string archive, string seeds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Archive {Archive} is empty: importing the reports in {Seeds}")]
    private partial void LogSeedImportStarted(string archive, string seeds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Not imported: {File}: {Reason}")]
    private partial void LogNotImported(string file, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Seed import done: {Imported} imported, {Duplicates} duplicates, {Failed} failed")]
    private partial void LogSeedImportDone(int imported, int duplicates, int failed);

    [LoggerMessage(Level = LogLevel.Error, Message = "The seed import failed; the server serves what the archive holds")]
    private partial void LogSeedImportFailed(Exception exception);
}
