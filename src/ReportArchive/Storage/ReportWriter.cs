using System.Globalization;
using Microsoft.Data.Sqlite;
using ReportArchive.Storage.Compact;

namespace ReportArchive.Storage;

/// <summary>
/// Prepared statements that write one report's rows inside the caller's transaction: made once for a batch and
/// reused for each of its reports (the report row with its agency types, the text, the figures, the checks).
/// </summary>
internal sealed class ReportWriter : IDisposable
{
    private readonly SqliteCommand _findExisting;
    private readonly SqliteCommand _insertReport;
    private readonly SqliteCommand _insertText;
    private readonly SqliteCommand _insertFigures;
    private readonly SqliteCommand _insertChecks;
    private readonly SqliteCommand _insertFigureSources;
    private readonly SqliteCommand _bumpGeneration;
    private readonly SqliteCommand _insertSource;

    /// <summary>
    /// A new report's id: above every stored report and every id an index segment still holds. A deleted report's
    /// postings stay in its segment until a merge drops them, so its id must never come back (SQLite's own rowid
    /// choice would reuse the largest id once it is deleted).
    /// </summary>
    private const string NextReportId = """
        (SELECT max(coalesce((SELECT max(id) FROM reports), 0), coalesce((SELECT max(last_report) FROM text_index_segments), 0)) + 1)
        """;

    public ReportWriter(SqliteConnection connection, SqliteTransaction transaction)
    {
        _findExisting = Prepare(connection, transaction, "SELECT id FROM reports WHERE sha256 = $sha", "$sha");
        _insertReport = Prepare(connection, transaction, $$"""
            INSERT INTO reports (id, sha256, file_name, title, agency, year, province, city, county, region_code,
                                 region_ambiguous, region_candidates, level, template, warnings, agency_types, imported_at,
                                 parser_version, failed_checks, published_at, source_url)
            VALUES ({{NextReportId}}, $sha, $file, $title, $agency, $year, $province, $city, $county, $code, $ambiguous, $candidates,
                    $level, $template, $warnings, $agencyTypes, $importedAt, $parserVersion, $failedChecks, $publishedAt, $sourceUrl)
            RETURNING id
            """,
            "$sha", "$file", "$title", "$agency", "$year", "$province", "$city", "$county", "$code", "$ambiguous",
            "$candidates", "$level", "$template", "$warnings", "$agencyTypes", "$importedAt", "$parserVersion", "$failedChecks",
            "$publishedAt", "$sourceUrl");
        _insertText = Prepare(connection, transaction,
            "INSERT INTO report_texts (report_id, text) VALUES ($id, $text)", "$id", "$text");
        _insertFigures = Prepare(connection, transaction,
            "INSERT INTO report_figures (report_id, figure_values) VALUES ($id, $values)", "$id", "$values");
        _insertChecks = Prepare(connection, transaction,
            "INSERT INTO report_checks (report_id, checks) VALUES ($id, $checks)", "$id", "$checks");
        _insertFigureSources = Prepare(connection, transaction,
            "INSERT INTO report_figure_sources (report_id, sources) VALUES ($id, $sources)", "$id", "$sources");
        _bumpGeneration = Prepare(connection, transaction,
            "UPDATE archive_state SET value = value + 1 WHERE key = 'generation'");
        _insertSource = Prepare(connection, transaction,
            "INSERT INTO report_sources (report_id, content_type, source_url, bytes) VALUES ($id, $type, $url, $bytes)",
            "$id", "$type", "$url", "$bytes");
    }

    public WriteOutcome Write(IndexedReport report, DateTimeOffset importedAt, int parserVersion)
    {
        var sha256 = Sha256Column.Encode(report.Sha256);
        _findExisting.Parameters["$sha"].Value = sha256;
        if (_findExisting.ExecuteScalar() is long existing)
        {
            return WriteOutcome.AlreadyStored(existing);
        }

        var metadata = report.Metadata;
        var region = metadata.Region;
        Set(_insertReport,
            sha256, report.FileName, metadata.Title, metadata.Agency, metadata.Year,
            region.Province, region.City, region.County, region.Code, region.Ambiguous ? 1 : 0,
            RegionCandidateColumn.Encode(region.Candidates), metadata.Level,
            report.Template, StringListColumn.Encode(report.Warnings),
            StringListColumn.Encode(metadata.AgencyTypes), ImportTimeColumn.Encode(importedAt), parserVersion,
            report.FailedChecks, metadata.PublishedAt?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), metadata.SourceUrl);
        var id = (long)_insertReport.ExecuteScalar()!;

        var content = report.Content;
        Set(_insertText, id, content.Text);
        _insertText.ExecuteNonQuery();
        Set(_insertFigures, id, content.FigureValues);
        _insertFigures.ExecuteNonQuery();
        Set(_insertChecks, id, content.Checks);
        _insertChecks.ExecuteNonQuery();
        if (content.FigureSources is { } sources)
        {
            Set(_insertFigureSources, id, sources);
            _insertFigureSources.ExecuteNonQuery();
        }

        return WriteOutcome.Stored(id);
    }

    /// <summary>Keeps the original file of a report just written.</summary>
    public void WriteSource(long id, ReportSourceFile source)
    {
        Set(_insertSource, id, source.ContentType, source.SourceUrl?.AbsoluteUri, source.Bytes.ToArray());
        _insertSource.ExecuteNonQuery();
    }

    public void BumpGeneration() => _bumpGeneration.ExecuteNonQuery();

    public void Dispose()
    {
        _findExisting.Dispose();
        _insertReport.Dispose();
        _insertText.Dispose();
        _insertFigures.Dispose();
        _insertChecks.Dispose();
        _insertFigureSources.Dispose();
        _bumpGeneration.Dispose();
        _insertSource.Dispose();
    }

    private static SqliteCommand Prepare(SqliteConnection connection, SqliteTransaction transaction, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter(name, null));
        }

        command.Prepare();
        return command;
    }

    private static void Set(SqliteCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }
    }
}
