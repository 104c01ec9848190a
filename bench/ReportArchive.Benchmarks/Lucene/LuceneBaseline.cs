using System.Globalization;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cn.Smart;
using Lucene.Net.Util;
using ReportArchive.Search.Catalog;
using ReportArchive.Storage;

namespace ReportArchive.Benchmarks.Lucene;

/// <summary>
/// Lucene.Net 4.8 as the baseline of our own index, on the same archive's texts and the same queries in the same run,
/// in two configurations: SmartChineseAnalyzer (words; a term is a phrase of its words) and
/// <see cref="ExactBigramAnalyzer"/> (our index's tokens at character offsets; a term is a phrase with explicit
/// positions). Each is built (timed), measured warm by the same <c>SearchMeasurement.Warm</c> as ours, compared
/// with the brute-force scan, and deleted.
/// </summary>
internal static class LuceneBaseline
{
    public const string Exact = "Lucene.Net 4.8 + exact bigram analyzer";
    public const string SmartCn = "Lucene.Net 4.8 + SmartChineseAnalyzer";

    public static IReadOnlyList<LuceneBaselineResult> Run(
        ReportStore store, ReportCatalog catalog, CorpusResult corpus, IReadOnlyList<BenchmarkQuery> queries,
        IReadOnlyList<HashSet<long>> truths, string folder, int rounds, int warmupPasses)
    {
        var smartCn = new SmartChineseAnalyzer(LuceneVersion.LUCENE_48);
        (string Name, string Folder, Analyzer Analyzer, ILuceneTermQueries Terms)[] configurations =
        [
            (Exact, "exact", new ExactBigramAnalyzer(), new ExactPhraseQueries()),
            (SmartCn, "smartcn", smartCn, new SmartCnPhraseQueries(smartCn)),
        ];
        var results = new List<LuceneBaselineResult>();
        foreach (var (name, subfolder, analyzer, terms) in configurations)
        {
            var path = Path.Combine(folder, subfolder);
            var (index, indexing) = LuceneIndex.Build(analyzer, terms, path, store, catalog, corpus.Bytes);
            Console.WriteLine(Invariant($"{name}: indexed {indexing.Documents:N0} reports in {indexing.Seconds:F1} s ({indexing.CorpusMiBPerSecond:F2} MiB/s of corpus), {indexing.IndexBytes / 1048576.0:F0} MiB ({indexing.IndexToCorpus:F2} of the corpus), {indexing.Segments} segments"));
            using (index)
            {
                var warm = SearchMeasurement.Warm(query => index.Search(query).Total, queries, rounds, warmupPasses);
                Console.WriteLine(Invariant($"{name}: warm p50 {warm.Latency.P50:F2} ms, p95 {warm.Latency.P95:F2} ms, p99 {warm.Latency.P99:F2} ms"));
                var comparisons = new List<LuceneQueryComparison>(queries.Count);
                for (var i = 0; i < queries.Count; i++)
                {
                    var found = index.FindAll(queries[i]);
                    var truth = truths[i];
                    var hit = found.Count(truth.Contains);
                    comparisons.Add(new LuceneQueryComparison(
                        queries[i].Name, queries[i].Category, warm.Queries[i].Total, truth.Count,
                        truth.Count == 0 ? (found.Count == 0 ? 1 : 0) : (double)hit / truth.Count,
                        found.Count == 0 ? (truth.Count == 0 ? 1 : 0) : (double)hit / found.Count,
                        warm.Queries[i].MedianMs));
                }

                results.Add(new LuceneBaselineResult(
                    name, indexing, warm, comparisons.Min(c => c.Recall), comparisons.Min(c => c.Precision),
                    comparisons.Count(c => c.Total == c.BruteForceCount), comparisons));
            }

            Directory.Delete(path, recursive: true);
        }

        return results;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
