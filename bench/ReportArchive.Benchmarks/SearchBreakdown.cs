using System.Diagnostics;
using ReportArchive.Search;
using ReportArchive.Search.Facets;
using ReportArchive.Search.Highlighting;
using ReportArchive.Storage;

namespace ReportArchive.Benchmarks;

/// <summary>
/// Where a search's time goes: the stages of <see cref="Searcher"/> redone one by one for every benchmark query
/// (FTS5 candidates without and with BM25, catalog lookup, facets, ordering, loading the page's texts, snippets),
/// each the median of several runs. Verification of punctuation terms is not redone here.
/// </summary>
internal static partial class SearchBreakdown
{
    private const string Bm25 = "bm25(report_index, 10.0, 5.0, 1.0)";

    public static IReadOnlyList<StageTimes> Run(ReportStore store, ReportCatalog catalog, IReadOnlyList<BenchmarkQuery> queries, int rounds)
    {
        var results = new List<StageTimes>();
        using var connection = store.Database.OpenConnection();
        var entries = catalog.Current(connection);
        foreach (var benchmark in queries)
        {
            var samples = new List<double[]>();
            for (var round = 0; round < rounds + 1; round++)
            {
                var times = new double[9];
                var clock = Stopwatch.StartNew();
                var query = QueryParser.Default.Parse(benchmark.Text);
                var fts = FtsQueryBuilder.Build(query);
                var ids = new List<long>();
                if (fts.Match is not null)
                {
                    using var command = connection.CreateCommand();
                    command.CommandText = "SELECT rowid FROM report_index WHERE report_index MATCH $match";
                    command.Parameters.AddWithValue("$match", fts.Match);
                    using var reader = command.ExecuteReader();
                    while (reader.Read())
                    {
                        ids.Add(reader.GetInt64(0));
                    }
                }

                times[0] = Lap(clock);
                var scored = new List<(long Id, double Score)>();
                if (fts.Match is not null)
                {
                    using var command = connection.CreateCommand();
                    command.CommandText = $"SELECT rowid, -{Bm25} FROM report_index WHERE report_index MATCH $match";
                    command.Parameters.AddWithValue("$match", fts.Match);
                    using var reader = command.ExecuteReader();
                    while (reader.Read())
                    {
                        scored.Add((reader.GetInt64(0), reader.GetDouble(1)));
                    }
                }
                else
                {
                    scored.AddRange(entries.Keys.Select(id => (id, 0.0)));
                }

                times[1] = Lap(clock);
                var matches = scored.ConvertAll(s => (Entry: entries[s.Id], s.Score));
                times[2] = Lap(clock);
                FacetCounter.Count(matches.ConvertAll(m => m.Entry), benchmark.Filters);
                times[3] = Lap(clock);
                var page = matches.Where(m => FilterEvaluator.Passes(m.Entry, benchmark.Filters))
                    .OrderByDescending(m => m.Score).ThenBy(m => m.Entry.Id).Take(20).ToList();
                times[4] = Lap(clock);
                var texts = store.GetTexts(page.ConvertAll(m => m.Entry.Id));
                times[5] = Lap(clock);
                var terms = query.Required.SelectMany(c => c.Alternatives).Select(t => t.Normalized).Distinct().ToList();
                var html = page.ConvertAll(hit => SnippetGenerator.Generate(texts[hit.Entry.Id], terms).Select(s => s.ToHtml()).ToList());

                times[6] = Lap(clock);
                if (fts.Match is not null)
                {
                    var shorter = WithoutTrailingPrefix(fts.Match);
                    times[7] = Time(connection, "SELECT rowid FROM report_index WHERE report_index MATCH $match", shorter, out var count);
                    times[8] = Time(connection, $"SELECT rowid, -{Bm25} FROM report_index WHERE report_index MATCH $match", shorter, out var scoredCount);
                    if (count != ids.Count || scoredCount != ids.Count)
                    {
                        throw new InvalidOperationException($"without the trailing prefix '{benchmark.Name}' finds {count}, not {ids.Count}");
                    }
                }

                if (round > 0 && html.Count == page.Count)
                {
                    samples.Add(times);
                }
            }

            double Median(int stage) => Statistics.Median(samples.ConvertAll(s => s[stage]));
            results.Add(new StageTimes(benchmark.Name, Median(0), Median(1), Median(2), Median(3), Median(4), Median(5), Median(6), Median(7), Median(8)));
        }

        return results;
    }

    /// <summary>
    /// The proposed FtsQueryBuilder change: a phrase whose last segment has two or more characters ends with that
    /// segment's last bigram, which already proves the characters; the trailing <c>+ "x" *</c> (the last character as a
    /// prefix, which FTS5 expands over every term starting with it) adds nothing. Only the trailing one after a
    /// bigram is dropped; a one-character term keeps its prefix.
    /// </summary>
    internal static string WithoutTrailingPrefix(string match) => TrailingPrefix().Replace(match, "$1");

    [System.Text.RegularExpressions.GeneratedRegex("(\"[^\" ]{2}\") \\+ \"[^\" ]\" \\*")]
    private static partial System.Text.RegularExpressions.Regex TrailingPrefix();

    private static double Time(Microsoft.Data.Sqlite.SqliteConnection connection, string sql, string match, out int rows)
    {
        var clock = Stopwatch.StartNew();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$match", match);
        using var reader = command.ExecuteReader();
        rows = 0;
        while (reader.Read())
        {
            rows++;
        }

        return clock.Elapsed.TotalMilliseconds;
    }

    private static double Lap(Stopwatch clock)
    {
        var ms = clock.Elapsed.TotalMilliseconds;
        clock.Restart();
        return ms;
    }
}

/// <summary>Milliseconds of each stage of one search (medians).</summary>
internal sealed record StageTimes(
    string Query, double MatchIdsMs, double MatchBm25Ms, double CatalogMs, double FacetsMs, double OrderMs, double PageTextsMs, double SnippetsMs,
    double ProposedMatchIdsMs, double ProposedMatchBm25Ms);
