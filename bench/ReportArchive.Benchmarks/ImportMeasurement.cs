using System.Diagnostics;
using Microsoft.Data.Sqlite;
using ReportArchive.Documents;
using ReportArchive.Ingestion;
using ReportArchive.Storage;

namespace ReportArchive.Benchmarks;

/// <summary>
/// Imports the corpus end to end through <see cref="ReportImporter"/> (sampling memory meanwhile), then measures the
/// stages one by one on a sample on one thread, to say where the time goes.
/// </summary>
internal static class ImportMeasurement
{
    private const int StageSampleSize = 2_000;
    private const int BatchSize = 256;

    public static async Task<ImportResult> RunAsync(string corpusDirectory, string archiveDirectory, CorpusResult corpus)
    {
        if (Directory.Exists(archiveDirectory))
        {
            Directory.Delete(archiveDirectory, recursive: true);
        }

        var gcBefore = GC.CollectionCount(2);
        var pauseBefore = GC.GetTotalPauseDuration();
        using var sampler = new MemorySampler();
        var clock = Stopwatch.StartNew();
        var database = ArchiveDatabase.Open(archiveDirectory);
        var store = new ReportStore(database);
        var summary = await new ReportImporter(store).ImportAsync([corpusDirectory], null, CancellationToken.None);
        var seconds = clock.Elapsed.TotalSeconds;
        var (peakWorkingSet, peakManaged) = sampler.Stop();

        var checkpoint = Stopwatch.StartNew();
        Checkpoint(database);
        var checkpointSeconds = checkpoint.Elapsed.TotalSeconds;
        SqliteConnection.ClearAllPools();
        var databaseBytes = Directory.GetFiles(archiveDirectory).Sum(f => new FileInfo(f).Length);
        using var process = Process.GetCurrentProcess();
        return new ImportResult(
            summary.Imported.Count, summary.Duplicates.Count, summary.Failed.Count,
            summary.Failed.Take(5).Select(f => $"{f.Path}: {f.Reason}").ToList(),
            seconds, corpus.MiB / seconds, summary.Imported.Count / seconds, checkpointSeconds,
            process.PeakWorkingSet64, peakWorkingSet, peakManaged,
            GC.CollectionCount(2) - gcBefore, (GC.GetTotalPauseDuration() - pauseBefore).TotalSeconds,
            databaseBytes, (double)databaseBytes / corpus.Bytes, TableSizes(database));
    }

    /// <summary>Read, parse, index terms and write, each timed alone on one thread over the first files of the corpus.</summary>
    public static async Task<StageResult> MeasureStagesAsync(string corpusDirectory, string scratchDirectory)
    {
        var files = Directory.GetFiles(corpusDirectory, "*.txt", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal).Take(StageSampleSize).ToList();
        var reader = new ReportFileReader();
        var parser = new ReportParser();

        // Warm-up on a few files: JIT and the lazily built dictionaries must not count as the first stage's time.
        foreach (var file in files.Take(20))
        {
            var source = await reader.ReadAsync(file, CancellationToken.None);
            IndexedReport.Create(source, parser.Parse(source.Text));
        }

        var clock = Stopwatch.StartNew();
        var sources = new List<SourceDocument>(files.Count);
        foreach (var file in files)
        {
            sources.Add(await reader.ReadAsync(file, CancellationToken.None));
        }

        var read = clock.Elapsed.TotalSeconds;
        clock.Restart();
        var parsed = sources.ConvertAll(s => parser.Parse(s.Text));
        var parse = clock.Elapsed.TotalSeconds;
        clock.Restart();
        var indexed = sources.Select((s, i) => IndexedReport.Create(s, parsed[i])).ToList();
        var terms = clock.Elapsed.TotalSeconds;

        if (Directory.Exists(scratchDirectory))
        {
            Directory.Delete(scratchDirectory, recursive: true);
        }

        var store = new ReportStore(ArchiveDatabase.Open(scratchDirectory));
        clock.Restart();
        foreach (var batch in indexed.Chunk(BatchSize))
        {
            store.Add(batch, DateTimeOffset.UtcNow, ReportParser.Version);
        }

        var write = clock.Elapsed.TotalSeconds;
        SqliteConnection.ClearAllPools();
        Directory.Delete(scratchDirectory, recursive: true);
        var perReport = 1000.0 / files.Count;
        return new StageResult(files.Count, read * perReport, parse * perReport, terms * perReport, write * perReport);
    }

    private static void Checkpoint(ArchiveDatabase database)
    {
        using var connection = database.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
        command.ExecuteNonQuery();
    }

    /// <summary>Bytes per table and index (dbstat), when the SQLite build has it.</summary>
    private static Dictionary<string, long> TableSizes(ArchiveDatabase database)
    {
        var sizes = new Dictionary<string, long>(StringComparer.Ordinal);
        try
        {
            using var connection = database.OpenConnection();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT name, sum(pgsize) FROM dbstat GROUP BY name ORDER BY 2 DESC";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                sizes[reader.GetString(0)] = reader.GetInt64(1);
            }
        }
        catch (SqliteException)
        {
            // dbstat is compiled out of this SQLite build: the total size is still measured.
        }

        SqliteConnection.ClearAllPools();
        return sizes;
    }

    /// <summary>Samples the working set and the managed heap every 50 ms on its own thread.</summary>
    private sealed class MemorySampler : IDisposable
    {
        private readonly Thread _thread;
        private volatile bool _stopped;
        private long _peakWorkingSet;
        private long _peakManaged;

        public MemorySampler()
        {
            _thread = new Thread(Sample) { IsBackground = true, Name = "memory sampler" };
            _thread.Start();
        }

        public (long WorkingSet, long Managed) Stop()
        {
            _stopped = true;
            _thread.Join();
            return (_peakWorkingSet, _peakManaged);
        }

        public void Dispose()
        {
            if (!_stopped)
            {
                Stop();
            }
        }

        private void Sample()
        {
            using var process = Process.GetCurrentProcess();
            while (!_stopped)
            {
                process.Refresh();
                _peakWorkingSet = Math.Max(_peakWorkingSet, process.WorkingSet64);
                _peakManaged = Math.Max(_peakManaged, GC.GetTotalMemory(forceFullCollection: false));
                Thread.Sleep(50);
            }
        }
    }
}

internal sealed record ImportResult(
    int Imported, int Duplicates, int Failed, IReadOnlyList<string> FirstFailures,
    double Seconds, double MiBPerSecond, double ReportsPerSecond, double CheckpointSeconds,
    long ProcessPeakWorkingSetBytes, long SampledPeakWorkingSetBytes, long SampledPeakManagedBytes,
    int Gen2Collections, double GcPauseSeconds,
    long DatabaseBytes, double DatabaseToCorpus, IReadOnlyDictionary<string, long> TableBytes);

/// <summary>Milliseconds per report of each import stage, on one thread.</summary>
internal sealed record StageResult(int SampleReports, double ReadMs, double ParseMs, double IndexTermsMs, double WriteMs)
{
    public double TotalMs => ReadMs + ParseMs + IndexTermsMs + WriteMs;
}
