using ReportArchive.Benchmarks.Lucene;

namespace ReportArchive.Benchmarks;

/// <summary>Every number of one run, as written to the JSON file.</summary>
internal sealed record BenchmarkResults(
    DateTimeOffset MeasuredAt,
    MachineInfo Machine,
    string LoadAverageAtEnd,
    int Reports,
    int Seed,
    CorpusResult Corpus,
    ImportResult? Import,
    StageResult? Stages,
    long DatabaseBytes,
    double DatabaseToCorpus,
    ColdResult Cold,
    WarmResult Warm,
    LoadResult Load,
    BruteForceSummary BruteForce,
    RipgrepSummary? Ripgrep,
    IReadOnlyList<QueryComparison> Queries,
    IReadOnlyList<StageTimes> SearchStages,
    ServerStartResult? Server,
    IReadOnlyList<LuceneBaselineResult>? Lucene = null);

/// <summary>One benchmark query against the brute-force scan: counts, recall and precision of the ids, and times.</summary>
internal sealed record QueryComparison(
    string Query, string Category, long SearchTotal, int BruteForceCount, double Recall, double Precision,
    double SearchMs, double BruteForceMs, double Speedup, int? RipgrepCount = null, double? RipgrepMs = null)
{
    public double? RipgrepSpeedup => RipgrepMs / SearchMs;
}

/// <summary>ripgrep over the normalised texts as files (<see cref="RipgrepScan"/>), over the queries one run of it answers.</summary>
internal sealed record RipgrepSummary(double WriteSeconds, int Queries, double MedianScanMs, double MedianSpeedup, double MinSpeedup, int ExactCounts);

internal sealed record BruteForceSummary(
    double NormalizeSeconds, long NormalizedChars, double MedianScanMs, double MedianSpeedup, double MinSpeedup,
    double TotalTimeRatio, double MinRecall, double MinPrecision, int ExactTotals);
