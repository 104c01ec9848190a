using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using ReportArchive.Analysis.Normalization;
using ReportArchive.Corpus.Reports;
using ReportArchive.Search;
using ReportArchive.Storage;
using ReportArchive.TextIndex;

namespace ReportArchive.Benchmarks;

/// <summary>
/// <c>--text-index-experiment N</c>: the positional bigram index (ReportArchive.TextIndex) alone, on N generated
/// reports held in memory: build speed (one thread: tokenise, build, serialise, batches of 256), the segments written
/// to a real archive database with the merge policy, size against the corpus, load time, and every query of the
/// benchmark set (its text; filters are not the index's job) timed and its count checked against a brute-force scan.
/// </summary>
internal static class TextIndexExperiment
{
    private const int Batch = 256;

    public static bool Requested(string[] args, out int reports)
    {
        var at = Array.IndexOf(args, "--text-index-experiment");
        reports = at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : 0;
        return at >= 0;
    }

    public static void Run(int reports, int seed, string dataDirectory, int rounds)
    {
        // The corpus, normalised field by field as the importer does (title: the first line, agency: the generating body).
        var clock = Stopwatch.StartNew();
        var texts = new List<(string Title, string Agency, string Body)>(reports);
        long utf8Bytes = 0;
        var normalizeTicks = 0L;
        foreach (var report in new ReportCorpusGenerator(seed).Generate(reports))
        {
            utf8Bytes += Encoding.UTF8.GetByteCount(report.Text);
            var start = Stopwatch.GetTimestamp();
            var firstLine = report.Text.AsSpan(0, Math.Max(0, report.Text.IndexOf('\n', StringComparison.Ordinal))).ToString();
            texts.Add((TextNormalizer.NormalizeToString(firstLine), TextNormalizer.NormalizeToString(report.Agency.Name),
                TextNormalizer.NormalizeToString(report.Text)));
            normalizeTicks += Stopwatch.GetTimestamp() - start;
        }

        var mib = utf8Bytes / 1048576.0;
        Print($"corpus: {reports:N0} reports, {mib:F1} MiB UTF-8, generated in {clock.Elapsed.TotalSeconds:F1} s; normalising took {Stopwatch.GetElapsedTime(0, normalizeTicks).TotalSeconds:F2} s ({mib / Stopwatch.GetElapsedTime(0, normalizeTicks).TotalSeconds:F1} MiB/s)");

        // Build only: tokenise + build + serialise, one thread.
        var segments = new List<IndexSegment>();
        clock.Restart();
        for (var first = 0; first < reports; first += Batch)
        {
            var builder = new SegmentBuilder();
            for (var i = first; i < Math.Min(reports, first + Batch); i++)
            {
                builder.Add(i + 1, texts[i].Title, texts[i].Agency, texts[i].Body);
            }

            segments.Add(builder.Build());
        }

        var buildSeconds = clock.Elapsed.TotalSeconds;
        var batchBytes = segments.Sum(s => (long)s.ByteCount);
        Print($"build: {buildSeconds:F2} s, {mib / buildSeconds:F1} MiB/s, {reports / buildSeconds:F0} reports/s; batch segments {batchBytes / 1048576.0:F1} MiB ({(double)batchBytes / utf8Bytes:F3} × corpus)");

        // Into a real archive: one transaction per batch, append + merge policy.
        var directory = Path.Combine(dataDirectory, "text-index-experiment");
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }

        var database = ArchiveDatabase.Open(directory);
        var store = new TextIndexStore();
        var merges = 0;
        var written = 0L;
        clock.Restart();
        using (var connection = database.OpenConnection())
        {
            foreach (var segment in segments)
            {
                using var transaction = connection.BeginTransaction();
                store.Append(connection, transaction, segment);
                written += segment.ByteCount;
                var before = TextIndexStore.Summaries(connection, transaction).Select(s => s.Id).ToHashSet();
                merges += store.MergeIfNeeded(connection, transaction, _ => true);
                written += TextIndexStore.Summaries(connection, transaction).Where(s => !before.Contains(s.Id)).Sum(s => s.Bytes);
                transaction.Commit();
            }
        }

        var storeSeconds = clock.Elapsed.TotalSeconds;
        var batches = segments.Count;
        segments.Clear();
        SqliteConnection.ClearAllPools();
        var databaseBytes = Directory.GetFiles(directory).Sum(f => new FileInfo(f).Length);
        using var reader = database.OpenConnection();
        var summaries = TextIndexStore.Summaries(reader);
        var indexBytes = summaries.Sum(s => s.Bytes);
        Print($"store: {storeSeconds:F2} s for {batches} batches ({merges} merges), build + store {mib / (buildSeconds + storeSeconds):F1} MiB/s; bytes written {written / 1048576.0:F1} MiB = {(double)written / indexBytes:F2} × final index; final {summaries.Count} segments [{string.Join(", ", summaries.Select(s => s.Documents))}]");
        Print($"size: index {indexBytes / 1048576.0:F1} MiB = {(double)indexBytes / utf8Bytes:F3} × corpus; database file {databaseBytes / 1048576.0:F1} MiB = {(double)databaseBytes / utf8Bytes:F3} × corpus");

        GC.Collect();
        clock.Restart();
        var snapshot = new TextIndexStore().Load(reader);
        var loadMs = clock.Elapsed.TotalMilliseconds;
        clock.Restart();
        var again = snapshot.Segments.Select(s => IndexSegment.Load(s.ToBytes())).ToList();
        Print($"load: {loadMs:F0} ms from the database ({snapshot.Segments.Count} segments, {snapshot.TotalDocuments:N0} reports); from bytes alone {clock.Elapsed.TotalMilliseconds:F1} ms; managed heap {GC.GetTotalMemory(false) / 1048576.0:F0} MiB");
        again.Clear();

        Queries(texts, snapshot, rounds);
    }

    private static void Queries(List<(string Title, string Agency, string Body)> texts, TextIndexSnapshot snapshot, int rounds)
    {
        var joined = texts.ConvertAll(t => t.Title + "\n" + t.Agency + "\n" + t.Body); // a term never spans '\n'
        var medians = new List<double>();
        var exactCounts = 0;
        var checkedCounts = 0;
        Print("");
        Print("| query | index query | matches | exact | index ms (median) | index ms (fastest) | + verification ms | brute force ms |");
        Print("|---|---|---|---|---|---|---|---|");
        // TEXT_INDEX_QUERIES (queries separated by '|') narrows the set when one change is measured.
        var only = Environment.GetEnvironmentVariable("TEXT_INDEX_QUERIES")?.Split('|');
        foreach (var text in BenchmarkQueries.All.Select(q => q.Text).OfType<string>().Distinct().Where(t => only is null || only.Contains(t)))
        {
            var parsed = QueryParser.Default.Parse(text);
            var query = IndexQuery.From(parsed);
            var result = snapshot.Search(query, CancellationToken.None);
            var times = new List<double>();
            for (var r = 0; r < rounds; r++)
            {
                var start = Stopwatch.GetTimestamp();
                result = snapshot.Search(query, CancellationToken.None);
                times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }

            var start2 = Stopwatch.GetTimestamp();
            var truth = new HashSet<long>();
            for (var i = 0; i < joined.Count; i++)
            {
                if (parsed.IsMatchedBy(joined[i]))
                {
                    truth.Add(i + 1);
                }
            }

            var bruteMs = Stopwatch.GetElapsedTime(start2).TotalMilliseconds;
            var verifyMs = 0.0;
            var found = result.Ids;
            if (result.NeedsVerification)
            {
                var verify = Stopwatch.GetTimestamp();
                found = result.Ids.Where(id => parsed.IsMatchedBy(joined[(int)id - 1])).ToArray();
                verifyMs = Stopwatch.GetElapsedTime(verify).TotalMilliseconds;
            }

            var equal = found.Length == truth.Count && found.All(truth.Contains);
            checkedCounts++;
            exactCounts += equal ? 1 : 0;
            var median = Statistics.Median(times);
            medians.Add(median + verifyMs);
            Print($"| {text} | {Describe(query)} | {found.Length:N0} (index {result.Count:N0}) | {(equal ? "yes" : "NO: truth " + truth.Count)} | {median:F3} | {times.Min():F3} | {(result.NeedsVerification ? verifyMs.ToString("F1", CultureInfo.InvariantCulture) : "–")} | {bruteMs:F1} |");
        }

        Print("");
        Print($"machine load average at the end: {File.ReadAllText("/proc/loadavg").Trim()}");
        Print($"per-query medians over {medians.Count} queries ({rounds} rounds each; verification in memory included): p50 {Statistics.Percentile(medians, 50):F3} ms, p95 {Statistics.Percentile(medians, 95):F3} ms, p99 {Statistics.Percentile(medians, 99):F3} ms, max {medians.Max():F3} ms; counts equal to brute force: {exactCounts} of {checkedCounts}");
    }

    private static string Describe(IndexQuery query) =>
        string.Join(" ", query.Required.Select(c => c.Count == 1 ? c[0] : "(" + string.Join(" OR ", c) + ")"))
        + string.Concat(query.Excluded.Select(c => " -" + string.Join("|", c)));

    private static void Print(string line) => Console.WriteLine(line);
}
