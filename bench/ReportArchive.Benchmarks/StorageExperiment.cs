using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using ReportArchive.Ingestion;
using ReportArchive.Storage;

namespace ReportArchive.Benchmarks;

/// <summary>
/// What-if measurements for the storage layout, which this benchmark may not change: the same sample of reports
/// written with raw SQL in several layouts (the current one replicated, without the unused figure index, figures and
/// failed checks as compact columns, the text compressed, the lower bound of report row plus full-text row), each
/// timed (ms per report, batches of 256 in a transaction, a savepoint per report as the store does) and sized; then
/// the effect of FTS5 <c>optimize</c> on size and on the query set's MATCH times.
/// </summary>
internal static class StorageExperiment
{
    private const int BatchSize = 256;

    /// <summary>Close to the store's JSON options (camelCase); only the sizes matter here.</summary>
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    private const string FullTextTable = """
        CREATE VIRTUAL TABLE report_index USING fts5 (
            title, agency, body, content = '', contentless_delete = 1, tokenize = 'ascii', detail = full);
        """;

    public static async Task<StorageExperimentResult> RunAsync(string corpusDirectory, string scratchDirectory, int sampleSize, IReadOnlyList<BenchmarkQuery> queries)
    {
        var files = Directory.GetFiles(corpusDirectory, "*.txt", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal).Take(sampleSize).ToList();
        var reader = new ReportFileReader();
        var importer = new ReportImporter(new ReportStore(ArchiveDatabase.Open(Path.Combine(scratchDirectory, "unused"))));
        var reports = new List<IndexedReport>(files.Count);
        foreach (var file in files)
        {
            reports.Add(importer.Prepare(await reader.ReadAsync(file, CancellationToken.None)));
        }

        var corpusBytes = files.Sum(f => new FileInfo(f).Length);
        var layouts = new List<LayoutResult>
        {
            Measure("as today: figure rows + figures_by_key, every check a row", Layout.Today, reports, scratchDirectory, corpusBytes),
            Measure("figure rows without figures_by_key", Layout.NoFigureIndex, reports, scratchDirectory, corpusBytes),
            Measure("figures as one array column, failed checks only (JSON column)", Layout.Compact, reports, scratchDirectory, corpusBytes),
            Measure("compact + text deflated", Layout.CompactDeflated, reports, scratchDirectory, corpusBytes),
            Measure("lower bound: report row + full-text row only", Layout.TextAndIndexOnly, reports, scratchDirectory, corpusBytes),
        };

        var optimize = Optimize(Path.Combine(scratchDirectory, "Compact.db"), queries);
        SqliteConnection.ClearAllPools();
        Directory.Delete(scratchDirectory, recursive: true);
        return new StorageExperimentResult(files.Count, corpusBytes, layouts, optimize);
    }

    private enum Layout
    {
        Today,
        NoFigureIndex,
        Compact,
        CompactDeflated,
        TextAndIndexOnly,
    }

    private static LayoutResult Measure(string name, Layout layout, List<IndexedReport> reports, string directory, long corpusBytes)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, layout + ".db");
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        Execute(connection, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;");
        Execute(connection, Schema(layout));
        var clock = Stopwatch.StartNew();
        foreach (var batch in reports.Chunk(BatchSize))
        {
            using var transaction = connection.BeginTransaction(deferred: false);
            using var writer = new Writer(connection, transaction, layout);
            foreach (var report in batch)
            {
                transaction.Save("report");
                writer.Write(report);
                transaction.Release("report");
            }

            transaction.Commit();
        }

        var ms = clock.Elapsed.TotalMilliseconds / reports.Count;
        Execute(connection, "PRAGMA wal_checkpoint(TRUNCATE);");
        var bytes = new FileInfo(path).Length;
        return new LayoutResult(name, ms, bytes, (double)bytes / corpusBytes);
    }

    private static OptimizeResult Optimize(string path, IReadOnlyList<BenchmarkQuery> queries)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        var matches = queries.Where(q => q.Text is not null)
            .Select(q => FtsMatch(q.Text!)).Where(m => m is not null).Select(m => m!).Distinct(StringComparer.Ordinal).ToList();
        var before = MatchTimes(connection, matches);
        var sizeBefore = new FileInfo(path).Length;
        var segmentsBefore = Scalar(connection, "SELECT count(*) FROM report_index_data");
        var clock = Stopwatch.StartNew();
        Execute(connection, "INSERT INTO report_index (report_index) VALUES ('optimize');");
        var seconds = clock.Elapsed.TotalSeconds;
        Execute(connection, "PRAGMA wal_checkpoint(TRUNCATE); VACUUM;");
        var after = MatchTimes(connection, matches);
        return new OptimizeResult(seconds, sizeBefore, new FileInfo(path).Length, segmentsBefore, Scalar(connection, "SELECT count(*) FROM report_index_data"),
            before, after);
    }

    private static string? FtsMatch(string text) => ReportArchive.Search.FtsQueryBuilder.Build(ReportArchive.Search.QueryParser.Default.Parse(text)).Match;

    /// <summary>Sum over the queries of the median of five MATCH runs (ids only), in ms.</summary>
    private static double MatchTimes(SqliteConnection connection, List<string> matches)
    {
        double total = 0;
        foreach (var match in matches)
        {
            var times = new List<double>();
            for (var i = 0; i < 5; i++)
            {
                var clock = Stopwatch.StartNew();
                using var command = connection.CreateCommand();
                command.CommandText = "SELECT rowid FROM report_index WHERE report_index MATCH $m";
                command.Parameters.AddWithValue("$m", match);
                using var reader = command.ExecuteReader();
                while (reader.Read())
                {
                }

                times.Add(clock.Elapsed.TotalMilliseconds);
            }

            total += Statistics.Median(times);
        }

        return total;
    }

    private static string Schema(Layout layout)
    {
        var compact = layout is Layout.Compact or Layout.CompactDeflated;
        var text = layout == Layout.CompactDeflated ? "BLOB" : "TEXT";
        var schema = new StringBuilder($"""
            CREATE TABLE reports (
                id INTEGER PRIMARY KEY, sha256 TEXT NOT NULL UNIQUE, file_name TEXT NOT NULL, title TEXT, agency TEXT,
                year INTEGER, province TEXT, city TEXT, county TEXT, region_code TEXT, region_ambiguous INTEGER NOT NULL,
                region_candidates TEXT NOT NULL, level TEXT, template TEXT, warnings TEXT NOT NULL, imported_at TEXT NOT NULL,
                parser_version INTEGER NOT NULL, {(compact ? "figure_values TEXT, failed_checks INTEGER NOT NULL, failed_check_details TEXT," : "")}
                text {text} NOT NULL);
            CREATE TABLE report_agency_types (report_id INTEGER NOT NULL, ordinal INTEGER NOT NULL, agency_type TEXT NOT NULL,
                PRIMARY KEY (report_id, ordinal)) WITHOUT ROWID;
            {FullTextTable}
            """);
        if (layout is Layout.Today or Layout.NoFigureIndex)
        {
            schema.Append("""
                CREATE TABLE figures (report_id INTEGER NOT NULL, key TEXT NOT NULL, ordinal INTEGER NOT NULL, value NUMERIC,
                    PRIMARY KEY (report_id, key)) WITHOUT ROWID;
                CREATE TABLE checks (report_id INTEGER NOT NULL, ordinal INTEGER NOT NULL, rule TEXT NOT NULL, ok INTEGER NOT NULL,
                    detail TEXT NOT NULL, PRIMARY KEY (report_id, ordinal)) WITHOUT ROWID;
                """);
        }

        if (layout == Layout.Today)
        {
            schema.Append("CREATE INDEX figures_by_key ON figures (key, value);");
        }

        return schema.ToString();
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static long Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }

    /// <summary>Prepared statements of one layout, the same shape as the store's writer.</summary>
    private sealed class Writer : IDisposable
    {
        private readonly Layout _layout;
        private readonly List<SqliteCommand> _commands = [];
        private readonly SqliteCommand _report;
        private readonly SqliteCommand _agencyType;
        private readonly SqliteCommand? _figure;
        private readonly SqliteCommand? _check;
        private readonly SqliteCommand _index;

        public Writer(SqliteConnection connection, SqliteTransaction transaction, Layout layout)
        {
            _layout = layout;
            var compact = layout is Layout.Compact or Layout.CompactDeflated;
            _report = Prepare(connection, transaction, $"""
                INSERT INTO reports (sha256, file_name, title, agency, year, province, city, county, region_code, region_ambiguous,
                    region_candidates, level, template, warnings, imported_at, parser_version, {(compact ? "figure_values, failed_checks, failed_check_details, " : "")}text)
                VALUES ($a1, $a2, $a3, $a4, $a5, $a6, $a7, $a8, $a9, $a10, $a11, $a12, $a13, $a14, $a15, $a16, {(compact ? "$a17, $a18, $a19, " : "")}$text) RETURNING id
                """, compact ? 20 : 17);
            _agencyType = Prepare(connection, transaction, "INSERT INTO report_agency_types VALUES ($a1, $a2, $a3)", 3);
            if (!compact && layout != Layout.TextAndIndexOnly)
            {
                _figure = Prepare(connection, transaction, "INSERT INTO figures VALUES ($a1, $a2, $a3, $a4)", 4);
                _check = Prepare(connection, transaction, "INSERT INTO checks VALUES ($a1, $a2, $a3, $a4, $a5)", 5);
            }

            _index = Prepare(connection, transaction, "INSERT INTO report_index (rowid, title, agency, body) VALUES ($a1, $a2, $a3, $a4)", 4);
        }

        public void Write(IndexedReport report)
        {
            var metadata = report.Parsed.Metadata;
            var region = metadata.Region;
            var values = new List<object?>
            {
                report.Source.Sha256, report.Source.FileName, metadata.Title, metadata.Agency, metadata.Year, region.Province,
                region.City, region.County, region.Code, region.Ambiguous ? 1 : 0,
                JsonSerializer.Serialize(region.Candidates, JsonOptions), metadata.Level, report.Parsed.Figures.Template,
                JsonSerializer.Serialize(report.Parsed.Warnings, JsonOptions),
                DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture), ReportParser.Version,
            };
            if (_layout is Layout.Compact or Layout.CompactDeflated)
            {
                var failed = report.Parsed.Figures.Checks.Where(c => !c.Ok).ToList();
                values.Add(string.Join(',', report.Parsed.Figures.Figures.Values.Select(v => v?.ToString(CultureInfo.InvariantCulture) ?? "")));
                values.Add(failed.Count);
                values.Add(failed.Count == 0 ? null : JsonSerializer.Serialize(failed, JsonOptions));
            }

            values.Add(_layout == Layout.CompactDeflated ? Deflate(report.Source.Text) : report.Source.Text);
            Set(_report, values);
            var id = (long)_report.ExecuteScalar()!;
            for (var i = 0; i < metadata.AgencyTypes.Count; i++)
            {
                Set(_agencyType, [id, i, metadata.AgencyTypes[i]]);
                _agencyType.ExecuteNonQuery();
            }

            if (_figure is not null && _check is not null)
            {
                var ordinal = 0;
                foreach (var (key, value) in report.Parsed.Figures.Figures)
                {
                    Set(_figure, [id, key, ordinal++, value]);
                    _figure.ExecuteNonQuery();
                }

                ordinal = 0;
                foreach (var check in report.Parsed.Figures.Checks)
                {
                    Set(_check, [id, ordinal++, check.Rule, check.Ok ? 1 : 0, check.Detail]);
                    _check.ExecuteNonQuery();
                }
            }

            Set(_index, [id, report.TitleTerms, report.AgencyTerms, report.BodyTerms]);
            _index.ExecuteNonQuery();
        }

        public void Dispose() => _commands.ForEach(c => c.Dispose());

        private static byte[] Deflate(string text)
        {
            using var output = new MemoryStream();
            using (var deflate = new DeflateStream(output, CompressionLevel.Fastest))
            {
                deflate.Write(Encoding.UTF8.GetBytes(text));
            }

            return output.ToArray();
        }

        private static void Set(SqliteCommand command, IReadOnlyList<object?> values)
        {
            for (var i = 0; i < values.Count; i++)
            {
                command.Parameters[i].Value = values[i] ?? DBNull.Value;
            }
        }

        private SqliteCommand Prepare(SqliteConnection connection, SqliteTransaction transaction, string sql, int parameters)
        {
            var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            for (var i = 1; i <= parameters; i++)
            {
                command.Parameters.Add(new SqliteParameter(i == parameters && sql.Contains("$text", StringComparison.Ordinal) ? "$text" : $"$a{i}", null));
            }

            command.Prepare();
            _commands.Add(command);
            return command;
        }
    }
}

internal sealed record LayoutResult(string Layout, double WriteMsPerReport, long Bytes, double BytesToCorpus);

internal sealed record OptimizeResult(
    double Seconds, long BytesBefore, long BytesAfter, long SegmentBlocksBefore, long SegmentBlocksAfter, double MatchMsBefore, double MatchMsAfter);

internal sealed record StorageExperimentResult(int SampleReports, long SampleBytes, IReadOnlyList<LayoutResult> Layouts, OptimizeResult Optimize);
