using System.Diagnostics;
using ReportArchive.Analysis.Normalization;
using ReportArchive.Search;
using ReportArchive.Search.Catalog;
using ReportArchive.Search.Facets;
using ReportArchive.Storage;

namespace ReportArchive.Benchmarks;

/// <summary>
/// The oracle and the baseline: every report's normalised text held in memory, scanned for each query on one thread
/// (<see cref="SearchQuery.IsMatchedBy"/> — the meaning of a query — plus the same filters).
/// </summary>
internal sealed class BruteForceScan
{
    private readonly (string Text, CatalogEntry Entry)[] _reports;

    private BruteForceScan((string Text, CatalogEntry Entry)[] reports, double normalizeSeconds, long chars)
    {
        _reports = reports;
        NormalizeSeconds = normalizeSeconds;
        Chars = chars;
    }

    public double NormalizeSeconds { get; }

    public long Chars { get; }

    public static BruteForceScan Load(ReportStore store, ReportCatalog catalog)
    {
        using var connection = store.Database.OpenConnection();
        var (view, entries) = catalog.BeginView(connection);
        view.Dispose();
        var texts = new List<(long Id, string Text)>(entries.Count);
        foreach (var chunk in entries.Entries.Select(e => e.Id).Chunk(1000))
        {
            var stored = store.GetTexts(chunk); // decompressed by the store, as every reader of the text
            texts.AddRange(chunk.Select(id => (id, stored[id])));
        }

        var clock = Stopwatch.StartNew();
        var reports = new (string Text, CatalogEntry Entry)[texts.Count];
        Parallel.For(0, texts.Count, i => reports[i] = (TextNormalizer.NormalizeToString(texts[i].Text), entries.Entries[entries.IndexOf(texts[i].Id)]));
        return new BruteForceScan(reports, clock.Elapsed.TotalSeconds, reports.Sum(r => (long)r.Text.Length));
    }

    /// <summary>Writes each normalised text to <c>{id}.txt</c> in <paramref name="folder"/> (UTF-8), for tools that scan files.</summary>
    public void WriteTexts(string folder)
    {
        Directory.CreateDirectory(folder);
        Parallel.ForEach(_reports, report => File.WriteAllText(Path.Combine(folder, $"{report.Entry.Id}.txt"), report.Text));
    }

    /// <summary>The ids of the matching reports, and the median time of the scan over <paramref name="rounds"/>.</summary>
    public (HashSet<long> Ids, double MedianMs) Scan(BenchmarkQuery benchmark, int rounds)
    {
        var query = QueryParser.Default.Parse(benchmark.Text);
        var times = new List<double>();
        HashSet<long> ids = [];
        for (var round = 0; round < rounds; round++)
        {
            var clock = Stopwatch.StartNew();
            ids = [];
            foreach (var (text, entry) in _reports)
            {
                if (query.IsMatchedBy(text) && FilterEvaluator.Passes(entry, benchmark.Filters))
                {
                    ids.Add(entry.Id);
                }
            }

            times.Add(clock.Elapsed.TotalMilliseconds);
        }

        return (ids, Statistics.Median(times));
    }
}
