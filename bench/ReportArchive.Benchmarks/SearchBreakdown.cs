using ReportArchive.Search;

namespace ReportArchive.Benchmarks;

/// <summary>
/// Where a search's time goes: every benchmark query run through the real <see cref="Searcher"/> several times, the
/// median of each stage it reports (<see cref="SearchTimings"/>).
/// </summary>
internal static class SearchBreakdown
{
    public static IReadOnlyList<StageTimes> Run(Searcher searcher, IReadOnlyList<BenchmarkQuery> queries, int rounds)
    {
        var results = new List<StageTimes>();
        foreach (var benchmark in queries)
        {
            var samples = new List<SearchTimings>();
            for (var round = 0; round < rounds + 1; round++)
            {
                var result = searcher.Search(new SearchRequest(benchmark.Text, benchmark.Filters), CancellationToken.None);
                if (round > 0)
                {
                    samples.Add(result.Timings);
                }
            }

            double Median(Func<SearchTimings, double> stage) => Statistics.Median(samples.ConvertAll(s => stage(s)));
            results.Add(new StageTimes(benchmark.Name, Median(s => s.MatchMs), Median(s => s.FacetsMs), Median(s => s.OrderMs),
                Median(s => s.RescoreMs), Median(s => s.SnippetsMs)));
        }

        return results;
    }
}

/// <summary>Milliseconds of each stage of one search (medians).</summary>
internal sealed record StageTimes(string Query, double MatchMs, double FacetsMs, double OrderMs, double RescoreMs, double SnippetsMs);
