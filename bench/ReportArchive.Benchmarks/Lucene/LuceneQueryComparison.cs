namespace ReportArchive.Benchmarks.Lucene;

/// <summary>One benchmark query on one Lucene configuration against the brute-force scan: total, recall, precision, warm median.</summary>
internal sealed record LuceneQueryComparison(
    string Query, string Category, long Total, int BruteForceCount, double Recall, double Precision, double MedianMs);
