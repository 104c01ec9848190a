using System.Diagnostics;
using ReportArchive.Ingestion;
using ReportArchive.Search;
using ReportArchive.Search.Catalog;
using ReportArchive.Storage;

namespace ReportArchive.Server.Hosting;

/// <summary>
/// On first start, with an empty archive, imports every report in the seed folder once (resuming an interrupted
/// import, never repeating a finished one) and logs what it did; then loads
/// what every search needs — the in-memory catalog, the text index's segments and the searcher (its dictionaries) —
/// side by side, marks the server ready, and runs one search so its code is compiled before the first user's; then
/// checks the file's pages in the background. A damaged archive marks itself damaged (<c>/healthz</c> 503) instead
/// of stopping the server.
/// </summary>
/// <remarks>
/// Nothing of the archive is opened before the server has bound its addresses: the archive's lock is taken when the
/// host starts (so a second server on the same folder stops before it listens), but the database is opened, created
/// and seeded only once the host reports it started — a start that fails on a taken port has written no archive
/// (<see cref="StartFootprint"/> removes the lock file and folder such a start created).
/// The searcher is resolved here, in parallel with the two loads, not injected: constructing it loads the word
/// segmenter's dictionaries (~0.2 s of CPU), which would otherwise run before the loads could start.
/// </remarks>
public sealed partial class SeedImportService(
    ArchiveOptions options, IServiceProvider services, IHostApplicationLifetime lifetime, ArchiveReadiness readiness, ILogger<SeedImportService> logger)
    : BackgroundService
{
    private ReportStore _store = null!;
    private ReportImporter _importer = null!;
    private ReportCatalog _catalog = null!;

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        services.GetRequiredService<ArchiveLock>(); // before the server listens: a folder another server holds stops this start
        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!await StartedAsync(stoppingToken))
        {
            return;
        }

        _store = services.GetRequiredService<ReportStore>();
        _importer = services.GetRequiredService<ReportImporter>();
        _catalog = services.GetRequiredService<ReportCatalog>();
        var archive = _store.Database.FilePath;
        try
        {
            await SeedOnceAsync(archive, stoppingToken);
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

        await CheckIntegrityAsync(stoppingToken);
    }

    /// <summary>Waits until the server listens (true) or the host stops first (false).</summary>
    private async Task<bool> StartedAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var onStarted = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        using var onStopping = stoppingToken.Register(() => started.TrySetCanceled(stoppingToken));
        try
        {
            await started.Task;
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>
    /// Imports the seed folder once in the archive's life (<see cref="SeedImportRecord"/>): when it never began and
    /// the archive is empty, or when it began and did not finish (killed or stopped part way: the importer skips the
    /// seeds already stored). An archive that holds reports without a record was filled otherwise and is not seeded;
    /// one whose seeding finished is not seeded again, even once every report is deleted.
    /// </summary>
    private async Task SeedOnceAsync(string archive, CancellationToken stoppingToken)
    {
        var database = _store.Database;
        var state = SeedImportRecord.Read(database);
        var count = _store.Count();
        if (state == SeedImportState.Done || (state == SeedImportState.NotBegun && count > 0))
        {
            if (state == SeedImportState.NotBegun)
            {
                SeedImportRecord.Complete(database);
            }

            LogArchiveOpened(archive, count);
            return;
        }

        if (!Directory.Exists(options.SeedDirectory))
        {
            LogNoSeeds(archive, options.SeedDirectory);
            return;
        }

        readiness.Starting("importing the seed reports");
        SeedImportRecord.Begin(database);
        LogSeedImportStarted(archive, options.SeedDirectory, state == SeedImportState.Begun ? "resuming an interrupted seed import" : "first start");
        var summary = await _importer.ImportAsync([options.SeedDirectory], null, stoppingToken);
        foreach (var failure in summary.Failed)
        {
            LogNotImported(failure.Path, failure.Reason);
        }

        var (imported, duplicates, failed) = (summary.Imported.Count, summary.Duplicates.Count, summary.Failed.Count);
        if (stoppingToken.IsCancellationRequested)
        {
            return; // stopped part way (the importer may drop queued batches): the next start resumes
        }

        SeedImportRecord.Complete(database);
        LogSeedImportDone(imported, duplicates, failed);
    }

    /// <summary>
    /// After the server is ready, SQLite's <c>PRAGMA quick_check</c> over the whole file (in the background: it reads
    /// every page, seconds on a large archive): a damaged page marks the archive damaged, so <c>/healthz</c> answers 503
    /// with what was found and writes are refused, instead of a healthy server whose searches fail.
    /// </summary>
    private async Task CheckIntegrityAsync(CancellationToken stoppingToken)
    {
        try
        {
            await Task.Run(() =>
            {
                using var connection = _store.Database.OpenConnection();
                using var command = connection.CreateCommand();
                command.CommandText = "PRAGMA quick_check(20)";
                command.CommandTimeout = 0;
                using var registration = stoppingToken.Register(() => SQLitePCL.raw.sqlite3_interrupt(connection.Handle));
                using var reader = command.ExecuteReader();
                var lines = new List<string>();
                while (reader.Read())
                {
                    lines.Add(reader.GetString(0));
                }

                if (lines is not ["ok"])
                {
                    Damaged($"quick_check: {string.Join("; ", lines)}");
                }
            }, stoppingToken);
        }
        catch (Microsoft.Data.Sqlite.SqliteException exception) when (!stoppingToken.IsCancellationRequested)
        {
            Damaged(exception.Message);
        }
        catch (Exception exception) when (exception is OperationCanceledException or Microsoft.Data.Sqlite.SqliteException)
        {
            // stopping
        }
    }

    private void Damaged(string finding)
    {
        _store.Database.MarkDamaged(finding);
        LogArchiveDamaged(_store.Database.FilePath, finding);
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
        catch (OperationCanceledException)
        {
            // stopping
        }
        catch (Exception exception) when (exception is Microsoft.Data.Sqlite.SqliteException or IOException or InvalidOperationException)
        {
            Damaged($"the first search failed: {exception.Message}");
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
                    using var connection = _store.Database.OpenConnection();
                    _catalog.BeginView(connection).View.Dispose();
                    catalogTime = clock.Elapsed;
                },
                () =>
                {
                    using var connection = _store.Database.OpenConnection();
                    using var snapshot = connection.BeginTransaction(deferred: true);
                    _store.TextIndex.Load(connection, snapshot);
                    indexTime = clock.Elapsed;
                },
                () => searcher = services.GetRequiredService<Searcher>());
        }
        catch (AggregateException exception) when (exception.InnerExceptions.All(
            e => e is Microsoft.Data.Sqlite.SqliteException or IOException or InvalidOperationException or FormatException))
        {
            // a damaged archive (bad pages, a bad text row, a segment failing its checksum): the server stays up and
            // says so on /healthz, rather than stopping or serving searches that silently find less
            Damaged($"loading the archive failed: {exception.InnerExceptions[0].Message}");
            return searcher;
        }

        if (logger.IsEnabled(LogLevel.Information))
        {
            var ready = SinceProcessStart();
            var (reports, segments) = (_catalog.Loaded.Count, _store.TextIndex.LoadedSegments);
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Archive {Archive}: importing the seed reports in {Seeds} ({Why})")]
    private partial void LogSeedImportStarted(string archive, string seeds, string why);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Archive {Archive} is damaged: {Finding}. /healthz answers 503 and writes are refused; run `reportarchive verify` and restore a backup")]
    private partial void LogArchiveDamaged(string archive, string finding);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Not imported: {File}: {Reason}")]
    private partial void LogNotImported(string file, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Seed import done: {Imported} imported, {Duplicates} duplicates, {Failed} failed")]
    private partial void LogSeedImportDone(int imported, int duplicates, int failed);

    [LoggerMessage(Level = LogLevel.Information, Message = "Ready {ReadyMs:F0} ms after the process started (loading began at {BeganMs:F0} ms): catalog of {Reports} reports in {CatalogMs:F0} ms, text index of {Segments} segments in {IndexMs:F0} ms")]
    private partial void LogLoaded(double readyMs, double beganMs, int reports, double catalogMs, int segments, double indexMs);

    [LoggerMessage(Level = LogLevel.Error, Message = "The seed import failed; the server serves what the archive holds")]
    private partial void LogSeedImportFailed(Exception exception);
}
