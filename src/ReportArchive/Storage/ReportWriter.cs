using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace ReportArchive.Storage;

/// <summary>Prepared statements that write one report's rows inside the caller's transaction.</summary>
internal sealed class ReportWriter : IDisposable
{
    private readonly SqliteCommand _findExisting;
    private readonly SqliteCommand _insertReport;
    private readonly SqliteCommand _insertAgencyType;
    private readonly SqliteCommand _insertText;
    private readonly SqliteCommand _insertFigures;
    private readonly SqliteCommand _insertChecks;
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
                                 region_ambiguous, region_candidates, level, template, warnings, imported_at,
                                 parser_version, failed_checks)
            VALUES ({{NextReportId}}, $sha, $file, $title, $agency, $year, $province, $city, $county, $code, $ambiguous, $candidates,
                    $level, $template, $warnings, $importedAt, $parserVersion, $failedChecks)
            RETURNING id
            """,
            "$sha", "$file", "$title", "$agency", "$year", "$province", "$city", "$county", "$code", "$ambiguous",
            "$candidates", "$level", "$template", "$warnings", "$importedAt", "$parserVersion", "$failedChecks");
        _insertAgencyType = Prepare(connection, transaction,
            "INSERT INTO report_agency_types (report_id, ordinal, agency_type) VALUES ($id, $ordinal, $type)",
            "$id", "$ordinal", "$type");
        _insertText = Prepare(connection, transaction,
            "INSERT INTO report_texts (report_id, text) VALUES ($id, $text)", "$id", "$text");
        _insertFigures = Prepare(connection, transaction,
            "INSERT INTO report_figures (report_id, figure_values) VALUES ($id, $values)", "$id", "$values");
        _insertChecks = Prepare(connection, transaction,
            "INSERT INTO report_checks (report_id, checks) VALUES ($id, $checks)", "$id", "$checks");
        _bumpGeneration = Prepare(connection, transaction,
            "UPDATE archive_state SET value = value + 1 WHERE key = 'generation'");
        _insertSource = Prepare(connection, transaction,
            "INSERT INTO report_sources (report_id, content_type, source_url, bytes) VALUES ($id, $type, $url, $bytes)",
            "$id", "$type", "$url", "$bytes");
    }

    public WriteOutcome Write(IndexedReport report, DateTimeOffset importedAt, int parserVersion)
    {
        _findExisting.Parameters["$sha"].Value = report.Source.Sha256;
        if (_findExisting.ExecuteScalar() is long existing)
        {
            return WriteOutcome.AlreadyStored(existing);
        }

        var metadata = report.Parsed.Metadata;
        var region = metadata.Region;
        Set(_insertReport,
            report.Source.Sha256, report.Source.FileName, metadata.Title, metadata.Agency, metadata.Year,
            region.Province, region.City, region.County, region.Code, region.Ambiguous ? 1 : 0,
            JsonSerializer.Serialize(region.Candidates, StorageJson.Options), metadata.Level,
            report.Parsed.Figures.Template, JsonSerializer.Serialize(report.Parsed.Warnings, StorageJson.Options),
            importedAt.ToString("O", CultureInfo.InvariantCulture), parserVersion,
            report.Parsed.Figures.Checks.Count(c => !c.Ok));
        var id = (long)_insertReport.ExecuteScalar()!;

        for (var i = 0; i < metadata.AgencyTypes.Count; i++)
        {
            Set(_insertAgencyType, id, i, metadata.AgencyTypes[i]);
            _insertAgencyType.ExecuteNonQuery();
        }

        var content = report.Content;
        Set(_insertText, id, content.Text);
        _insertText.ExecuteNonQuery();
        Set(_insertFigures, id, content.FigureValues);
        _insertFigures.ExecuteNonQuery();
        Set(_insertChecks, id, content.Checks);
        _insertChecks.ExecuteNonQuery();

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
        _insertAgencyType.Dispose();
        _insertText.Dispose();
        _insertFigures.Dispose();
        _insertChecks.Dispose();
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
