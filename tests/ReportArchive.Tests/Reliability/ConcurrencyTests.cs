using System.Diagnostics;
using Microsoft.Data.Sqlite;
using ReportArchive.Corpus.Reports;
using ReportArchive.Ingestion;
using ReportArchive.Search;
using ReportArchive.Search.Catalog;
using ReportArchive.Storage;
using ReportArchive.TextIndex;
using Xunit.Abstractions;

namespace ReportArchive.Tests.Reliability;

/// <summary>
/// Searches and a backup while an import runs on the same archive, and two imports of overlapping sets at once:
/// no search fails, the backup is consistent, no report is stored twice.
/// </summary>
public sealed class ConcurrencyTests(ITestOutputHelper output) : IDisposable
{
    private const int Reports = 600;
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "reportarchive-reliability", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task SearchesAndABackup_KeepWorkingWhileAnImportRuns()
    {
        var input = await WriteReportsAsync(Reports);
        var store = new ReportStore(ArchiveDatabase.Open(Path.Combine(_directory, "data")));
        var searcher = new Searcher(store, new ReportCatalog(store));
        var import = Task.Run(() => new ReportImporter(store).ImportAsync([input], null, CancellationToken.None));

        var latencies = new List<double>();
        var queries = new[] { "行政诉讼", "\"依申请公开\"", "政府信息 OR 行政复议", "年度报告 -郑州", "" };
        var backup = Path.Combine(_directory, "backup.db");
        long backedUp = -1;
        var seen = new List<long>();
        while (!import.IsCompleted || latencies.Count < 20)
        {
            var clock = Stopwatch.StartNew();
            var result = searcher.Search(new SearchRequest(queries[latencies.Count % queries.Length], SearchFilters.None), CancellationToken.None);
            latencies.Add(clock.Elapsed.TotalMilliseconds);
            seen.Add(result.Total);
            if (backedUp < 0 && store.Count() > 0)
            {
                backedUp = ArchiveBackup.Backup(store.Database, backup).Reports; // while the import writes
            }

            await Task.Delay(5);
        }

        var summary = await import;
        Assert.Equal(Reports, summary.Imported.Count + summary.Duplicates.Count + summary.Failed.Count);
        Assert.True(backedUp > 0, "the backup ran during the import");
        using (var copy = new SqliteConnection($"Data Source={backup};Pooling=False"))
        {
            copy.Open();
            using var command = copy.CreateCommand();
            command.CommandText = "PRAGMA integrity_check";
            Assert.Equal("ok", command.ExecuteScalar());
            command.CommandText = "SELECT count(*) FROM reports";
            Assert.Equal((long)command.ExecuteScalar()!, IndexedIds(copy).Count); // the copy is a snapshot of whole batches
        }

        latencies.Sort();
        output.WriteLine($"{latencies.Count} searches during a {Reports}-report import, none failed; p50 {latencies[latencies.Count / 2]:0.0} ms, max {latencies[^1]:0.0} ms; backup held {backedUp} reports");
    }

    [Fact]
    public async Task TwoImportsAtOnce_StoreEachReportOnce()
    {
        var input = await WriteReportsAsync(Reports);
        var files = Directory.GetFiles(input).Order(StringComparer.Ordinal).ToArray();
        var data = Path.Combine(_directory, "data");
        var first = new ReportStore(ArchiveDatabase.Open(data));
        var second = new ReportStore(ArchiveDatabase.Open(data));

        // overlapping halves, in opposite orders
        var a = Task.Run(() => new ReportImporter(first).ImportAsync(files[..(Reports * 2 / 3)], null, CancellationToken.None));
        var b = Task.Run(() => new ReportImporter(second).ImportAsync(files[(Reports / 3)..].Reverse(), null, CancellationToken.None));
        var summaries = await Task.WhenAll(a, b);

        var distinct = files.Select(File.ReadAllText).Distinct(StringComparer.Ordinal).Count();
        Assert.Equal(distinct, first.Count());
        Assert.All(summaries, s => Assert.Empty(s.Failed));
        Assert.Equal(distinct, summaries.Sum(s => s.Imported.Count));
        using var connection = first.Database.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check";
        Assert.Equal("ok", command.ExecuteScalar());
        Assert.Equal(distinct, IndexedIds(connection).Count);
    }

    private async Task<string> WriteReportsAsync(int count)
    {
        var input = Path.Combine(_directory, "input");
        Directory.CreateDirectory(input);
        foreach (var (report, index) in new ReportCorpusGenerator(seed: 5).Generate(count).Select((r, i) => (r, i)))
        {
            await File.WriteAllTextAsync(Path.Combine(input, $"{index:00000}.txt"), report.Text);
        }

        return input;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // a leftover temp folder is harmless
        }
    }

    private static HashSet<long> IndexedIds(SqliteConnection connection) =>
        [.. new TextIndexStore().Load(connection).Segments.SelectMany(s => s.ReportIds())];
}
