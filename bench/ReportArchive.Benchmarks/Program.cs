using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using ReportArchive.Benchmarks;
using ReportArchive.Benchmarks.Lucene;
using ReportArchive.Search;
using ReportArchive.Search.Catalog;
using ReportArchive.Storage;

// The archive at scale, in one run: corpus → import → size → search (cold, warm, concurrent) → brute force and
// recall → server start. Prints a table and writes every number as JSON. See docs/performance.md.
var options = BenchmarkOptions.Parse(args);
var machine = MachineInfo.Current();
Console.WriteLine(Invariant($"ReportArchive benchmark: {options.Reports:N0} reports in {options.DataDirectory}"));
Console.WriteLine(Invariant($"machine: {machine.Cpu}, {machine.Cores} cores, {machine.MemoryBytes / 1073741824.0:F1} GiB, {machine.Os}, {machine.Runtime}; load average {machine.LoadAverage} (shared machine: others build on it)"));

if (TextIndexExperiment.Requested(args, out var textIndexReports))
{
    // A separate mode: the positional bigram index alone, on reports held in memory.
    TextIndexExperiment.Run(textIndexReports, options.Seed, options.DataDirectory, options.Rounds);
    return;
}

if (CompressionComparison.Requested(args, out var compressionReports))
{
    // A separate mode: how report texts are stored, ZstdSharp beside the native library it replaced and Brotli.
    CompressionComparison.Run(compressionReports, options.Seed, options.Rounds);
    return;
}

if (PagingMeasurement.Requested(args))
{
    // A separate mode: deep pages by number and by cursor, on an archive a --keep run left behind.
    PagingMeasurement.Run(options.ArchiveDirectory, options.Rounds);
    return;
}

if (PdfReaderComparison.Requested(args, out var pdfDirectory))
{
    // A separate mode: pdftotext and PdfPig on the same PDFs (real pages, real texts and generated reports printed by Chromium).
    PdfReaderComparison.Run(pdfDirectory, args, options.Seed, options.Rounds);
    return;
}

CorpusResult corpus;
ImportResult? import = null;
StageResult? stages = null;
var reuse = options.Reuse && Directory.Exists(options.CorpusDirectory)
    && File.Exists(Path.Combine(options.ArchiveDirectory, ArchiveDatabase.FileName));
if (reuse)
{
    corpus = CorpusWriter.Measure(options.CorpusDirectory);
    Console.WriteLine(Invariant($"reusing corpus ({corpus.Reports:N0} files, {corpus.MiB:F1} MiB) and archive"));
}
else
{
    Directory.CreateDirectory(options.DataDirectory);
    corpus = CorpusWriter.Write(options.CorpusDirectory, options.Reports, options.Seed);
    Console.WriteLine(Invariant($"corpus: {corpus.Reports:N0} reports, {corpus.MiB:F1} MiB, generated in {corpus.GenerateSeconds:F1} s"));
    import = await ImportMeasurement.RunAsync(options.CorpusDirectory, options.ArchiveDirectory, corpus);
    Console.WriteLine(Invariant($"import: {import.Seconds:F1} s, {import.MiBPerSecond:F2} MiB/s, {import.ReportsPerSecond:F0} reports/s, failed {import.Failed}"));
    stages = await ImportMeasurement.MeasureStagesAsync(options.CorpusDirectory, Path.Combine(options.DataDirectory, "stages"));
}

var databaseBytes = Directory.GetFiles(options.ArchiveDirectory).Sum(f => new FileInfo(f).Length);
var cold = SearchMeasurement.Cold(options.ArchiveDirectory);
Console.WriteLine(Invariant($"cold: open {cold.OpenMs:F0} ms, first query {cold.FirstQueryMs:F0} ms, second {cold.SecondQueryMs:F1} ms"));

SqliteConnection.ClearAllPools();
var store = new ReportStore(ArchiveDatabase.Open(options.ArchiveDirectory));
var catalog = new ReportCatalog(store);
var searcher = new Searcher(store, catalog);
var queries = BenchmarkQueries.All;
var warm = SearchMeasurement.Warm(searcher, queries, options.Rounds, options.WarmupPasses);
Console.WriteLine(Invariant($"warm-up passes, p50 of each: {string.Join(" · ", warm.WarmupP50s.Select(p => p.ToString("F2", CultureInfo.InvariantCulture)))} ms"));
Console.WriteLine(Invariant($"warm ({queries.Count} queries × {options.Rounds} rounds after {options.WarmupPasses} warm-up passes): p50 {warm.Latency.P50:F2} ms, p95 {warm.Latency.P95:F2} ms, p99 {warm.Latency.P99:F2} ms"));
var load = SearchMeasurement.Load(searcher, queries, options.Clients, options.LoadSeconds);
Console.WriteLine(Invariant($"load ({load.Clients} clients): {load.QueriesPerSecond:F1} queries/s, p50 {load.Latency.P50:F1} ms, p99 {load.Latency.P99:F1} ms"));

var breakdown = SearchBreakdown.Run(searcher, queries, rounds: 3);
var scan = BruteForceScan.Load(store, catalog);
Console.WriteLine(Invariant($"brute force: {scan.Chars / 1e6:F0} M normalised chars in memory, normalised in {scan.NormalizeSeconds:F1} s"));
var ripgrep = RipgrepScan.Prepare(Path.Combine(options.DataDirectory, "normalised"), scan);
Console.WriteLine(ripgrep is null
    ? "ripgrep: not installed (rg not on the PATH); its comparison is left out"
    : Invariant($"ripgrep: normalised texts written as files in {ripgrep.WriteSeconds:F1} s"));
var comparisons = new List<QueryComparison>();
var truths = new List<HashSet<long>>(queries.Count);
for (var i = 0; i < queries.Count; i++)
{
    var query = queries[i];
    var (truth, bruteMs) = scan.Scan(query, rounds: 3);
    truths.Add(truth);
    var found = searcher.FindAll(query.Text, query.Filters, CancellationToken.None).Select(e => e.Id).ToHashSet();
    var hit = found.Count(truth.Contains);
    var latency = warm.Queries[i];
    var rg = ripgrep?.Scan(query, rounds: 3);
    comparisons.Add(new QueryComparison(
        query.Name, query.Category, latency.Total, truth.Count,
        truth.Count == 0 ? (found.Count == 0 ? 1 : 0) : (double)hit / truth.Count,
        found.Count == 0 ? (truth.Count == 0 ? 1 : 0) : (double)hit / found.Count,
        latency.MedianMs, bruteMs, bruteMs / latency.MedianMs)
    {
        RipgrepCount = rg?.Reports,
        RipgrepMs = rg?.MedianMs,
    });
}

IReadOnlyList<LuceneBaselineResult>? lucene = null;
if (options.Lucene)
{
    // The same texts (as our import stored them), the same queries, the same oracle: Lucene.Net with SmartCn and with
    // an analyzer of our index's tokens.
    lucene = LuceneBaseline.Run(store, catalog, corpus, queries, truths, Path.Combine(options.DataDirectory, "lucene"), options.Rounds, options.WarmupPasses);
}

var server = await ServerStartMeasurement.RunAsync(options.ArchiveDirectory, starts: 3);
var results = new BenchmarkResults(
    DateTimeOffset.UtcNow, machine, MachineInfo.LoadAverageNow(), options.Reports, options.Seed, corpus, import, stages,
    databaseBytes, (double)databaseBytes / corpus.Bytes, cold, warm, load,
    new BruteForceSummary(
        scan.NormalizeSeconds, scan.Chars,
        Statistics.Median(comparisons.ConvertAll(c => c.BruteForceMs)),
        Statistics.Median(comparisons.ConvertAll(c => c.Speedup)),
        comparisons.Min(c => c.Speedup),
        comparisons.Sum(c => c.BruteForceMs) / comparisons.Sum(c => c.SearchMs),
        comparisons.Min(c => c.Recall), comparisons.Min(c => c.Precision),
        comparisons.Count(c => c.SearchTotal == c.BruteForceCount)),
    RipgrepSummaryOf(ripgrep, comparisons),
    comparisons, breakdown, server, lucene);

ResultPrinter.Print(results);
if (lucene?.FirstOrDefault(l => l.Configuration == LuceneBaseline.Exact) is { } exact)
{
    // The check that the exact analyzer is ours: it must find what the brute force finds, query for query.
    var wrong = exact.Queries.Where(q => q.Recall < 1 || q.Precision < 1).Select(q => q.Query).ToList();
    Console.WriteLine(wrong.Count == 0
        ? Invariant($"check: the exact Lucene analyzer finds exactly what the brute force finds on all {exact.Queries.Count} queries (recall and precision 1.000)")
        : $"CHECK FAILED: the exact Lucene analyzer differs from the brute force on: {string.Join(" · ", wrong)}");
    if (wrong.Count > 0)
    {
        Environment.ExitCode = 1;
    }
}

Directory.CreateDirectory(Path.GetDirectoryName(options.JsonPath)!);
await File.WriteAllTextAsync(options.JsonPath, JsonSerializer.Serialize(results, ResultPrinter.JsonOptions));
Console.WriteLine($"numbers written to {options.JsonPath}");

SqliteConnection.ClearAllPools();
if (!options.Keep && !reuse) // a reused corpus and archive were not made by this run: they stay
{
    Directory.Delete(options.CorpusDirectory, recursive: true);
    Directory.Delete(options.ArchiveDirectory, recursive: true);
    if (Directory.Exists(Path.Combine(options.DataDirectory, "lucene")))
    {
        Directory.Delete(Path.Combine(options.DataDirectory, "lucene"), recursive: true);
    }

    if (Directory.Exists(Path.Combine(options.DataDirectory, "normalised")))
    {
        Directory.Delete(Path.Combine(options.DataDirectory, "normalised"), recursive: true);
    }
    Console.WriteLine($"removed the corpus and the archive (pass --keep to leave them in {options.DataDirectory})");
}

static RipgrepSummary? RipgrepSummaryOf(RipgrepScan? ripgrep, List<QueryComparison> comparisons)
{
    var timed = comparisons.Where(c => c.RipgrepMs is not null).ToList();
    return ripgrep is null || timed.Count == 0
        ? null
        : new RipgrepSummary(
            ripgrep.WriteSeconds, timed.Count, Statistics.Median(timed.ConvertAll(c => c.RipgrepMs!.Value)),
            Statistics.Median(timed.ConvertAll(c => c.RipgrepSpeedup!.Value)), timed.Min(c => c.RipgrepSpeedup!.Value),
            timed.Count(c => c.RipgrepCount == c.SearchTotal));
}

static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
