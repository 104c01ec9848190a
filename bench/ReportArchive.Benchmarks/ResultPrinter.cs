using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using ReportArchive.Benchmarks.Lucene;

namespace ReportArchive.Benchmarks;

/// <summary>Prints the run as a Markdown table (the same as docs/performance.md shows) and the per-query detail.</summary>
internal static class ResultPrinter
{
    public static JsonSerializerOptions JsonOptions { get; } = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static void Print(BenchmarkResults r)
    {
        var lines = new List<string>
        {
            "",
            Invariant($"| measure ({r.Reports:N0} reports, {r.Corpus.MiB:F0} MiB) | value | target |"),
            "|---|---|---|",
        };
        if (r.Import is { } i)
        {
            lines.Add(Invariant($"| import end to end | {i.MiBPerSecond:F2} MiB/s, {i.ReportsPerSecond:F0} reports/s ({i.Seconds:F1} s; {i.Imported:N0} imported, {i.Failed} failed) | ≥ 6 MiB/s |"));
            lines.Add(Invariant($"| peak memory during import | {Mib(i.ProcessPeakWorkingSetBytes)} MiB working set (sampled {Mib(i.SampledPeakWorkingSetBytes)}, managed heap {Mib(i.SampledPeakManagedBytes)}); {i.Gen2Collections} gen2 GCs, {i.GcPauseSeconds:F2} s paused | ≤ 1024 MiB |"));
        }

        if (r.Stages is { } s)
        {
            lines.Add(Invariant($"| stages, one thread, ms/report | read {s.ReadMs:F2} · parse {s.ParseMs:F2} · index terms {s.IndexTermsMs:F2} · write+commit {s.WriteMs:F2} (sample of {s.SampleReports:N0}) | |"));
        }

        lines.Add(Invariant($"| database / corpus | {r.DatabaseToCorpus:F2} ({Mib(r.DatabaseBytes)} MiB) | ≤ 1.0 |"));
        lines.Add(Invariant($"| search warm p50 / p95 / p99 / max | {r.Warm.Latency.P50:F2} / {r.Warm.Latency.P95:F2} / {r.Warm.Latency.P99:F2} / {r.Warm.Latency.Max:F2} ms ({r.Warm.Queries.Count} queries, median of {r.Warm.Rounds} rounds after {r.Warm.WarmupP50s.Count} warm-up passes, whose p50s were {string.Join(" · ", r.Warm.WarmupP50s.Select(p => p.ToString("F2", CultureInfo.InvariantCulture)))} ms) | ≤ 4 / – / ≤ 75 ms |"));
        lines.Add(Invariant($"| search cold (first query after opening) | {r.Cold.FirstQueryMs:F0} ms (open {r.Cold.OpenMs:F0} ms; catalog load alone {r.Cold.CatalogLoadMs:F0} ms for {r.Cold.CatalogEntries:N0} reports; second query {r.Cold.SecondQueryMs:F1} ms) | |"));
        lines.Add(Invariant($"| {r.Load.Clients} concurrent clients | {r.Load.QueriesPerSecond:F1} queries/s, p50 {r.Load.Latency.P50:F1} ms, p99 {r.Load.Latency.P99:F1} ms | |"));
        lines.Add(Invariant($"| brute-force scan (median per query) | {r.BruteForce.MedianScanMs:F1} ms; speed-up median {r.BruteForce.MedianSpeedup:F2}×, worst {r.BruteForce.MinSpeedup:F2}×, total time {r.BruteForce.TotalTimeRatio:F2}× | ≥ 100× |"));
        if (r.Ripgrep is { } rg)
        {
            lines.Add(Invariant($"| ripgrep over the normalised texts as files (the issue's anchor; the {rg.Queries} queries one run of it answers) | {rg.MedianScanMs:F1} ms median; speed-up median {rg.MedianSpeedup:F2}×, worst {rg.MinSpeedup:F2}×; its counts equal the totals for {rg.ExactCounts} of {rg.Queries} | ≥ 100× |"));
        }

        lines.Add(Invariant($"| exact-match recall / precision (min over queries) | {r.BruteForce.MinRecall:F3} / {r.BruteForce.MinPrecision:F3}; totals exact for {r.BruteForce.ExactTotals} of {r.Queries.Count} | 1.0 |"));
        if (r.Server is { } server)
        {
            lines.Add(Invariant($"| server start-to-ready | {server.ReadyMedianMs:F0} ms (max {server.ReadyMaxMs:F0}; first search over HTTP {server.FirstSearchMs:F0} ms, second {server.SecondSearchMs:F1} ms) | ≤ 2000 ms |"));
        }

        if (r.Lucene is { Count: > 0 } lucene)
        {
            AddLucene(lines, r, lucene);
        }

        lines.Add("");
        lines.Add("| query | kind | total | brute | recall | search ms | brute ms | × | rg ms | × rg |");
        lines.Add("|---|---|---|---|---|---|---|---|---|---|");
        lines.AddRange(r.Queries.Select(q => Invariant(
            $"| {q.Query} | {q.Category} | {q.SearchTotal:N0} | {q.BruteForceCount:N0} | {q.Recall:F3} | {q.SearchMs:F2} | {q.BruteForceMs:F1} | {q.Speedup:F2} | {(q.RipgrepMs is { } ms ? ms.ToString("F1", CultureInfo.InvariantCulture) : "–")} | {(q.RipgrepSpeedup is { } x ? x.ToString("F1", CultureInfo.InvariantCulture) : "–")} |")));
        lines.Add("");
        lines.Add("| query | match | facets | order | rescore | page + snippets (ms) |");
        lines.Add("|---|---|---|---|---|---|");
        lines.AddRange(r.SearchStages.Select(t => Invariant(
            $"| {t.Query} | {t.MatchMs:F2} | {t.FacetsMs:F2} | {t.OrderMs:F2} | {t.RescoreMs:F2} | {t.SnippetsMs:F2} |")));
        lines.Add(Invariant($"load average at start {r.Machine.LoadAverage}, at end {r.LoadAverageAtEnd} ({r.Machine.Cores} cores)"));
        foreach (var line in lines)
        {
            Console.WriteLine(line);
        }
    }

    /// <summary>Our engine and each Lucene.Net configuration side by side, then each query's totals, recall and median on each.</summary>
    private static void AddLucene(List<string> lines, BenchmarkResults r, IReadOnlyList<LuceneBaselineResult> lucene)
    {
        lines.Add("");
        lines.Add(Invariant($"| engine ({r.Reports:N0} reports, {r.Corpus.MiB:F0} MiB, {r.Queries.Count} queries; every search: exact total, five facets, top 20, snippets) | import | index / corpus | p50 | p95 | p99 | recall / precision (min) | exact totals |"));
        lines.Add("|---|---|---|---|---|---|---|---|");
        var import = r.Import is { } i ? Invariant($"{i.MiBPerSecond:F2} MiB/s end to end (parse, analyse, store)") : "– (reused archive)";
        lines.Add(Invariant($"| ReportArchive (in process, `Searcher.Search`) | {import} | {r.DatabaseToCorpus:F2} (whole database) | {r.Warm.Latency.P50:F2} ms | {r.Warm.Latency.P95:F2} ms | {r.Warm.Latency.P99:F2} ms | {r.BruteForce.MinRecall:F3} / {r.BruteForce.MinPrecision:F3} | {r.BruteForce.ExactTotals} of {r.Queries.Count} |"));
        foreach (var l in lucene)
        {
            lines.Add(Invariant($"| {l.Configuration} | {l.Indexing.CorpusMiBPerSecond:F2} MiB/s indexing only, one thread ({l.Indexing.Seconds:F1} s, {l.Indexing.Segments} segments) | {l.Indexing.IndexToCorpus:F2} (index with stored text, {Mib(l.Indexing.IndexBytes)} MiB) | {l.Warm.Latency.P50:F2} ms | {l.Warm.Latency.P95:F2} ms | {l.Warm.Latency.P99:F2} ms | {l.MinRecall:F3} / {l.MinPrecision:F3} | {l.ExactTotals} of {l.Queries.Count} |"));
        }

        lines.Add(Invariant($"(latency: median over {r.Warm.Rounds} rounds of each round's percentile, after {r.Warm.WarmupP50s.Count} warm-up passes; Lucene warm-up p50s {string.Join(" / ", lucene.Select(l => string.Join(" · ", l.Warm.WarmupP50s.Select(p => p.ToString("F2", CultureInfo.InvariantCulture)))))} ms)"));
        lines.Add("");
        lines.Add("| query | brute | ours | " + string.Join(" | ", lucene.Select(l => $"{Short(l.Configuration)} total | recall | ms")) + " |");
        lines.Add("|---|---|---|" + string.Concat(lucene.Select(_ => "---|---|---|")));
        for (var q = 0; q < r.Queries.Count; q++)
        {
            var ours = r.Queries[q];
            lines.Add(Invariant($"| {ours.Query} | {ours.BruteForceCount:N0} | {ours.SearchTotal:N0} ({ours.SearchMs:F2} ms) | ")
                + string.Join(" | ", lucene.Select(l => Invariant($"{l.Queries[q].Total:N0} | {l.Queries[q].Recall:F3} | {l.Queries[q].MedianMs:F2}"))) + " |");
        }
    }

    private static string Short(string configuration) => configuration.Contains("SmartChinese", StringComparison.Ordinal) ? "SmartCn" : "exact";

    private static string Mib(long bytes) => (bytes / 1048576.0).ToString("F0", CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
