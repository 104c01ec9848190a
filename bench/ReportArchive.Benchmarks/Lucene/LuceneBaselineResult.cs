namespace ReportArchive.Benchmarks.Lucene;

/// <summary>One Lucene.Net configuration measured as our engine is: indexing, size, warm latencies, recall and precision.</summary>
internal sealed record LuceneBaselineResult(
    string Configuration,
    LuceneIndexing Indexing,
    WarmResult Warm,
    double MinRecall,
    double MinPrecision,
    int ExactTotals,
    IReadOnlyList<LuceneQueryComparison> Queries);
