using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Data.Sqlite;
using ReportArchive.Search;
using ReportArchive.Search.Catalog;
using ReportArchive.Storage;

namespace ReportArchive.Benchmarks;

/// <summary>
/// Search latency through <see cref="Searcher"/> in process (total, every facet and the snippets of a page of 20):
/// the cold first query after opening the archive, warm rounds over the whole query set, and throughput with
/// concurrent clients.
/// </summary>
internal static class SearchMeasurement
{
    private const string ColdQuery = "行政诉讼";

    public static ColdResult Cold(string archiveDirectory)
    {
        SqliteConnection.ClearAllPools();
        var clock = Stopwatch.StartNew();
        var store = new ReportStore(ArchiveDatabase.Open(archiveDirectory));
        var searcher = new Searcher(store, new ReportCatalog(store));
        var open = clock.Elapsed.TotalMilliseconds;
        clock.Restart();
        searcher.Search(new SearchRequest(ColdQuery, SearchFilters.None), CancellationToken.None);
        var first = clock.Elapsed.TotalMilliseconds;
        clock.Restart();
        searcher.Search(new SearchRequest(ColdQuery, SearchFilters.None), CancellationToken.None);
        var second = clock.Elapsed.TotalMilliseconds;
        using var connection = store.Database.OpenConnection();
        clock.Restart();
        var (view, catalog) = new ReportCatalog(store).BeginView(connection);
        view.Dispose();
        var entries = catalog.Count;
        return new ColdResult(ColdQuery, open, first, second, clock.Elapsed.TotalMilliseconds, entries);
    }

    /// <summary>
    /// The warm latencies: <paramref name="warmupPasses"/> passes over the queries first (the JIT's tiering and dynamic
    /// PGO settle over a few hundred searches; each pass's p50 is kept to show it), then <paramref name="rounds"/>
    /// measured rounds.
    /// </summary>
    public static WarmResult Warm(Searcher searcher, IReadOnlyList<BenchmarkQuery> queries, int rounds, int warmupPasses) =>
        Warm(query => searcher.Search(query.Request, CancellationToken.None).Total, queries, rounds, warmupPasses);

    /// <summary>The same for any engine: <paramref name="search"/> runs one query and returns its total.</summary>
    public static WarmResult Warm(Func<BenchmarkQuery, long> search, IReadOnlyList<BenchmarkQuery> queries, int rounds, int warmupPasses)
    {
        var warmupP50s = new List<double>(warmupPasses);
        for (var pass = 0; pass < warmupPasses; pass++)
        {
            var latencies = new List<double>(queries.Count);
            foreach (var query in queries)
            {
                var clock = Stopwatch.StartNew();
                search(query);
                latencies.Add(clock.Elapsed.TotalMilliseconds);
            }

            warmupP50s.Add(Math.Round(LatencySummary.Of(latencies).P50, 2));
        }

        var perQuery = queries.Select(_ => new List<double>()).ToList();
        var totals = new long[queries.Count];
        var roundStats = new List<LatencySummary>();
        for (var round = 0; round < rounds; round++)
        {
            var latencies = new List<double>(queries.Count);
            for (var i = 0; i < queries.Count; i++)
            {
                var clock = Stopwatch.StartNew();
                var total = search(queries[i]);
                var ms = clock.Elapsed.TotalMilliseconds;
                latencies.Add(ms);
                perQuery[i].Add(ms);
                totals[i] = total;
            }

            roundStats.Add(LatencySummary.Of(latencies));
        }

        return new WarmResult(
            rounds,
            warmupP50s,
            LatencySummary.MedianOf(roundStats),
            queries.Select((q, i) => new QueryLatency(q.Name, q.Category, totals[i], Statistics.Median(perQuery[i]), perQuery[i].Min(), perQuery[i].Max())).ToList());
    }

    public static LoadResult Load(Searcher searcher, IReadOnlyList<BenchmarkQuery> queries, int clients, int seconds)
    {
        var latencies = new ConcurrentBag<double>();
        var deadline = Stopwatch.StartNew();
        var duration = TimeSpan.FromSeconds(seconds);
        var threads = Enumerable.Range(0, clients).Select(client => new Thread(() =>
        {
            var local = new List<double>();
            for (var i = client * 5; deadline.Elapsed < duration; i++)
            {
                var clock = Stopwatch.StartNew();
                searcher.Search(queries[i % queries.Count].Request, CancellationToken.None);
                local.Add(clock.Elapsed.TotalMilliseconds);
            }

            foreach (var latency in local)
            {
                latencies.Add(latency);
            }
        }) { IsBackground = true }).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        var elapsed = deadline.Elapsed.TotalSeconds;
        return new LoadResult(clients, latencies.Count, elapsed, latencies.Count / elapsed, LatencySummary.Of(latencies.ToList()));
    }
}

internal sealed record ColdResult(string Query, double OpenMs, double FirstQueryMs, double SecondQueryMs, double CatalogLoadMs, int CatalogEntries);

internal sealed record LatencySummary(double P50, double P95, double P99, double Max, double Mean)
{
    public static LatencySummary Of(IReadOnlyCollection<double> values) => new(
        Statistics.Percentile(values, 50), Statistics.Percentile(values, 95), Statistics.Percentile(values, 99),
        values.Max(), values.Average());

    public static LatencySummary MedianOf(IReadOnlyList<LatencySummary> rounds) => new(
        Statistics.Median(rounds.Select(r => r.P50).ToList()), Statistics.Median(rounds.Select(r => r.P95).ToList()),
        Statistics.Median(rounds.Select(r => r.P99).ToList()), Statistics.Median(rounds.Select(r => r.Max).ToList()),
        Statistics.Median(rounds.Select(r => r.Mean).ToList()));
}

internal sealed record QueryLatency(string Query, string Category, long Total, double MedianMs, double MinMs, double MaxMs);

internal sealed record WarmResult(int Rounds, IReadOnlyList<double> WarmupP50s, LatencySummary Latency, IReadOnlyList<QueryLatency> Queries);

internal sealed record LoadResult(int Clients, int Queries, double Seconds, double QueriesPerSecond, LatencySummary Latency);
