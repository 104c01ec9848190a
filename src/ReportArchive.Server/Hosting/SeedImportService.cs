using System.Diagnostics;
using ReportArchive.Ingestion;
using ReportArchive.Search;
using ReportArchive.Search.Catalog;
using ReportArchive.Storage;

namespace ReportArchive.Server.Hosting;

/// <summary>
/// On first start, with an empty archive, imports every report in the seed folder and logs what it did; then loads
/// what every search needs — the in-memory catalog, the text index's segments and the searcher (its dictionaries) —
/// side by side, marks the server ready, and runs one search so its code is compiled before the first user's.
/// </summary>
/// <remarks>
/// The searcher is resolved here, in parallel with the two loads, not injected: constructing it loads the word
/// segmenter's dictionaries (~0.2 s of CPU), which would otherwise run before the loads could start.
/// </remarks>
public sealed partial class SeedImportService(
    ArchiveOptions options, ReportStore store, ReportImporter importer, ReportCatalog catalog, IServiceProvider services,
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
            var searcher = LoadForSearch();
            readiness.Ready();
            WarmSearchCode(searcher, stoppingToken);
        }
    }

    /// <summary>
    /// One search through every stage right after the server is ready, so that the code of ranking, snippets and facets
    /// is compiled before the first user's search rather than during it.
    /// </summary>
    private void WarmSearchCode(Searcher? searcher, CancellationToken stoppingToken)
    {
        try
        {
            searcher?.Search(new SearchRequest("政府信息公开", SearchFilters.None), stoppingToken);
        }
        catch (Exception exception) when (exception is Microsoft.Data.Sqlite.SqliteException or OperationCanceledException)
        {
            LogSeedImportFailed(exception);
        }
    }

    /// <summary>
    /// Loads the in-memory catalog and the text index's segments, and constructs the searcher, in parallel (each is
    /// one core's work, and every search needs all three), so the first search does not pay for them. Returns the
    /// searcher, or null when a load failed on the database (the searches will report it).
    /// </summary>
    private Searcher? LoadForSearch()
    {
        var began = SinceProcessStart();
        var clock = Stopwatch.StartNew();
        TimeSpan catalogTime = default, indexTime = default;
        Searcher? searcher = null;
        try
        {
            Parallel.Invoke(
                () =>
                {
                    using var connection = store.Database.OpenConnection();
                    catalog.BeginView(connection).View.Dispose();
                    catalogTime = clock.Elapsed;
                },
                () =>
                {
                    using var connection = store.Database.OpenConnection();
                    using var snapshot = connection.BeginTransaction(deferred: true);
                    store.TextIndex.Load(connection, snapshot);
                    indexTime = clock.Elapsed;
                },
                () => searcher = services.GetRequiredService<Searcher>());
        }
        catch (AggregateException exception) when (exception.InnerExceptions.All(e => e is Microsoft.Data.Sqlite.SqliteException))
        {
            LogSeedImportFailed(exception.InnerExceptions[0]);
            return searcher;
        }

        if (logger.IsEnabled(LogLevel.Information))
        {
            var ready = SinceProcessStart();
            var (reports, segments) = (catalog.Loaded.Count, store.TextIndex.LoadedSegments);
            LogLoaded(ready.TotalMilliseconds, began.TotalMilliseconds, reports, catalogTime.TotalMilliseconds, segments, indexTime.TotalMilliseconds);
        }

        return searcher;
    }

    private static TimeSpan SinceProcessStart()
    {
        using var process = Process.GetCurrentProcess();
        return DateTime.Now - process.StartTime;
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Ready {ReadyMs:F0} ms after the process started (loading began at {BeganMs:F0} ms): catalog of {Reports} reports in {CatalogMs:F0} ms, text index of {Segments} segments in {IndexMs:F0} ms")]
    private partial void LogLoaded(double readyMs, double beganMs, int reports, double catalogMs, int segments, double indexMs);

    [LoggerMessage(Level = LogLevel.Error, Message = "The seed import failed; the server serves what the archive holds")]
    private partial void LogSeedImportFailed(Exception exception);
}
