using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using ReportArchive.Documents;
using ReportArchive.Ingestion;
using ReportArchive.Regions;
using ReportArchive.Search.Catalog;
using ReportArchive.Storage;
using ReportArchive.Storage.Compact;
using ReportArchive.Tests.Fixtures;

namespace ReportArchive.Tests.Storage;

/// <summary>
/// An archive written with the report rows before migration 0009 (hex SHA-256, JSON columns with <c>\u</c> escapes,
/// text import times, a table of agency types, Brotli texts) opens with every field of every report identical.
/// </summary>
public sealed class CompactReportRowsMigrationTests : IDisposable
{
    private static readonly JsonSerializerOptions OldJson = new(JsonSerializerDefaults.Web);

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "reportarchive-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public void OldRowsArchive_ReadsBackEveryFieldIdentical()
    {
        var reports = OldReports();
        WriteOldRows(reports);

        var store = new ReportStore(ArchiveDatabase.Open(_directory));

        foreach (var expected in reports)
        {
            Assert.Equal(JsonSerializer.Serialize(expected, OldJson), JsonSerializer.Serialize(store.Get(expected.Id), OldJson));
            Assert.Equal(expected.Id, store.FindIdBySha256(expected.Sha256));
        }

        Assert.Equal(reports.ToDictionary(r => r.Id, r => r.Text), store.GetTexts(reports.ConvertAll(r => r.Id)));
        using var connection = store.Database.OpenConnection();
        var (view, catalog) = new ReportCatalog(store).BeginView(connection);
        view.Dispose();
        Assert.Equal(
            reports.Select(r => string.Join('|', r.Metadata.AgencyTypes)),
            catalog.Entries.Select(e => string.Join('|', e.AgencyTypes)));
        Assert.Contains(reports, r => r.Metadata.Region.Candidates.Count > 1);
        Assert.Contains(reports, r => r.Metadata.AgencyTypes.Count > 1);
    }

    [Fact]
    public void OldRowsArchive_StoresTheCompactColumns_KeepsTheAgencyTypesAsAView_AndMovesTo16KbPages()
    {
        var reports = OldReports();
        WriteOldRows(reports);

        var database = ArchiveDatabase.Open(_directory);

        using var connection = database.OpenConnection();
        Assert.Equal((long)ArchiveDatabase.LatestVersion, Sql.Scalar(connection, "PRAGMA user_version"));
        Assert.Equal((long)ArchiveDatabase.PageSize, Sql.Scalar(connection, "PRAGMA page_size"));
        Assert.Equal("wal", Sql.Scalar(connection, "PRAGMA journal_mode"));
        Assert.Equal("ok", Sql.Scalar(connection, "PRAGMA integrity_check"));
        Assert.Equal("view", Sql.Scalar(connection, "SELECT type FROM sqlite_schema WHERE name = 'report_agency_types'"));
        Assert.Equal((long)reports.Sum(r => r.Metadata.AgencyTypes.Count), Sql.Scalar(connection, "SELECT count(*) FROM report_agency_types"));
        Assert.Equal(0L, Sql.Scalar(connection, "SELECT count(*) FROM sqlite_schema WHERE name = 'reports_compact'"));
        Assert.Equal(1L, Sql.Scalar(connection, "SELECT count(*) FROM sqlite_schema WHERE name = 'reports_by_agency_year'"));
        Assert.Equal((long)reports.Count - 1, Sql.Scalar(connection, "SELECT count(*) FROM reports WHERE typeof(sha256) = 'blob' AND length(sha256) = 32"));
        Assert.Equal((long)reports.Count - 1, Sql.Scalar(connection, "SELECT count(*) FROM reports WHERE typeof(imported_at) = 'integer'"));
        Assert.Equal(0L, Sql.Scalar(connection, "SELECT count(*) FROM reports WHERE instr(coalesce(region_candidates, '') || coalesce(warnings, ''), '\\u') > 0"));
        Assert.Equal((long)reports.Count, Sql.Scalar(connection, "SELECT count(*) FROM report_texts WHERE substr(text, 1, 1) = x'02'"));
    }

    [Fact]
    public void NewArchive_Uses16KbPages_AndStoresACandidateTheTableCannotSpellAsJson()
    {
        using var archive = new TemporaryArchive();
        var odd = new RegionCandidate("999999", "某省", null, "某县");
        var region = new ResolvedRegion("某省", null, "某县", "999999", false, [odd]);
        var parsed = new ReportParser().Parse("某县某局2022年政府信息公开工作年度报告\n正文。\n");
        parsed = parsed with { Metadata = parsed.Metadata with { Region = region } };
        var id = archive.Store.Add([IndexedReport.Create(new SourceDocument("odd.txt", "odd-digest", "正文。", "UTF-8"), parsed)],
            DateTimeOffset.UnixEpoch, 1)[0].Id;

        Assert.Equal([odd], archive.Store.Get(id)!.Metadata.Region.Candidates);
        Assert.Equal(id, archive.Store.FindIdBySha256("odd-digest"));
        using var connection = archive.Database.OpenConnection();
        Assert.Equal((long)ArchiveDatabase.PageSize, Sql.Scalar(connection, "PRAGMA page_size"));
        Assert.StartsWith("[{", (string)Sql.Scalar(connection, "SELECT region_candidates FROM reports")!, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // a leftover temp folder is harmless
        }
    }

    /// <summary>
    /// The five seeds (one with two region candidates) and two made-up reports: one whose digest is not hex, whose
    /// import time is not UTC, with two agency types and a candidate the division table does not know; one without
    /// anything (no region, no types, no warnings, no figures).
    /// </summary>
    private static List<StoredReport> OldReports()
    {
        var parser = new ReportParser();
        var reports = new List<StoredReport>();
        foreach (var file in Directory.GetFiles(RepositoryFiles.SeedsDirectory, "*.txt").Order(StringComparer.Ordinal))
        {
            var text = File.ReadAllText(file);
            var parsed = parser.Parse(text);
            reports.Add(Stored(reports.Count + 1, Path.GetFileName(file), Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text))),
                new DateTimeOffset(2024, 5, 6, 7, 8, 9, TimeSpan.Zero).AddTicks(1234567 + reports.Count), text, parsed));
        }

        const string MergedText = "某县教体局2022年政府信息公开工作年度报告\n正文没有表格。𠀀\n";
        var merged = parser.Parse(MergedText);
        var odd = new RegionCandidate("999999", "某省", null, "某县");
        merged = merged with
        {
            Metadata = merged.Metadata with
            {
                AgencyTypes = ["教育", "体育"],
                Region = new ResolvedRegion(null, null, null, null, true, [odd, RegionResolver.Default.Divisions.ToCandidate(RegionResolver.Default.Divisions.FindByCode("120102")!)]),
            },
            Warnings = ["table B: row 一 not found", "区域：\"引号\"与 \\ 反斜杠"],
        };
        reports.Add(Stored(reports.Count + 1, "merged.txt", "not-a-digest", new DateTimeOffset(2023, 1, 2, 3, 4, 5, TimeSpan.FromHours(8)), MergedText, merged));

        const string BareText = "无题\n";
        var bare = parser.Parse(BareText);
        reports.Add(Stored(reports.Count + 1, "bare.txt", new string('0', 64), DateTimeOffset.UnixEpoch, BareText,
            bare with { Metadata = bare.Metadata with { AgencyTypes = [], Region = ResolvedRegion.None }, Warnings = [] }));
        return reports;
    }

    private static StoredReport Stored(long id, string fileName, string sha256, DateTimeOffset importedAt, string text, ParsedReport parsed) =>
        new(id, fileName, sha256, importedAt, 1, parsed.Metadata, parsed.Figures.Template, parsed.Figures.Figures,
            parsed.Figures.Checks, parsed.Warnings, text);

    /// <summary>Writes the reports as the writer before migration 0009 did.</summary>
    private void WriteOldRows(List<StoredReport> reports)
    {
        ArchiveDatabase.Open(_directory, 8);
        using var connection = new SqliteConnection($"Data Source={Path.Combine(_directory, ArchiveDatabase.FileName)}");
        connection.Open();
        using var transaction = connection.BeginTransaction();
        foreach (var report in reports)
        {
            var metadata = report.Metadata;
            var region = metadata.Region;
            Sql.Scalar(connection, """
                INSERT INTO reports (id, sha256, file_name, title, agency, year, province, city, county, region_code, region_ambiguous,
                                     region_candidates, level, template, warnings, imported_at, parser_version, failed_checks)
                VALUES ($id, $sha, $file, $title, $agency, $year, $province, $city, $county, $code, $ambiguous,
                        $candidates, $level, $template, $warnings, $importedAt, 1, $failed)
                """, transaction,
                ("$id", report.Id), ("$sha", report.Sha256), ("$file", report.FileName), ("$title", metadata.Title),
                ("$agency", metadata.Agency), ("$year", metadata.Year), ("$province", region.Province), ("$city", region.City),
                ("$county", region.County), ("$code", region.Code), ("$ambiguous", region.Ambiguous ? 1 : 0),
                ("$candidates", JsonSerializer.Serialize(region.Candidates, OldJson)), ("$level", metadata.Level),
                ("$template", report.Template), ("$warnings", JsonSerializer.Serialize(report.Warnings, OldJson)),
                ("$importedAt", report.ImportedAt.ToString("O", CultureInfo.InvariantCulture)), ("$failed", report.Checks.Count(c => !c.Ok)));
            for (var i = 0; i < metadata.AgencyTypes.Count; i++)
            {
                Sql.Scalar(connection, "INSERT INTO report_agency_types (report_id, ordinal, agency_type) VALUES ($id, $ordinal, $type)", transaction,
                    ("$id", report.Id), ("$ordinal", i), ("$type", metadata.AgencyTypes[i]));
            }

            Sql.Scalar(connection, "INSERT INTO report_texts (report_id, text) VALUES ($id, $text)", transaction, ("$id", report.Id), ("$text", OldTextFormat.Brotli(report.Text)));
            Sql.Scalar(connection, "INSERT INTO report_figures (report_id, figure_values) VALUES ($id, $values)", transaction,
                ("$id", report.Id), ("$values", FigureValues.Encode(report.Template, report.Figures)));
            Sql.Scalar(connection, "INSERT INTO report_checks (report_id, checks) VALUES ($id, $checks)", transaction,
                ("$id", report.Id), ("$checks", CheckList.Encode(report.Template, report.Figures, report.Checks)));
        }

        transaction.Commit();
        Assert.Equal(8L, Sql.Scalar(connection, "PRAGMA user_version"));
        Assert.True((long)Sql.Scalar(connection, "SELECT count(*) FROM reports WHERE instr(region_candidates, '\\u') > 0")! >= 3);
        SqliteConnection.ClearAllPools();
    }
}
