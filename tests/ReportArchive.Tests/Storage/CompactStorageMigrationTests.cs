using Microsoft.Data.Sqlite;
using ReportArchive.Documents;
using ReportArchive.Ingestion;
using ReportArchive.Search;
using ReportArchive.Search.Catalog;
using ReportArchive.Storage;
using ReportArchive.Tests.Fixtures;

namespace ReportArchive.Tests.Storage;

/// <summary>An archive written with the schema before migration 0005 (figure rows, check rows, plain text) opens with every report intact.</summary>
public sealed class CompactStorageMigrationTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "reportarchive-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public void OldLayoutArchive_KeepsEveryReportFigureCheckAndText()
    {
        var reports = OldReports();
        WriteOldLayout(reports);

        var store = new ReportStore(ArchiveDatabase.Open(_directory));

        for (var i = 0; i < reports.Count; i++)
        {
            var (source, parsed) = reports[i];
            var stored = store.Get(i + 1)!;
            Assert.Equal(source.Text, stored.Text);
            Assert.Equal(parsed.Figures.Figures.ToList(), stored.Figures.ToList());
            Assert.Equal(parsed.Figures.Checks, stored.Checks);
            Assert.Equal(parsed.Figures.Template, stored.Template);
        }

        Assert.Equal(reports.Select((r, i) => (long)i + 1).ToDictionary(id => id, id => reports[(int)id - 1].Source.Text), store.GetTexts([1, 2, 3, 4, 5, 6]));
    }

    [Fact]
    public void OldLayoutArchive_LosesItsOldTablesAndTextColumn_AndFiltersByFigureAsBefore()
    {
        var reports = OldReports();
        WriteOldLayout(reports);

        var database = ArchiveDatabase.Open(_directory);

        using (var connection = database.OpenConnection())
        {
            Assert.Equal((long)ArchiveDatabase.LatestVersion, Sql.Scalar(connection, "PRAGMA user_version"));
            Assert.Equal(0L, Sql.Scalar(connection, "SELECT count(*) FROM sqlite_schema WHERE name IN ('figures', 'checks')"));
            Assert.Equal(0L, Sql.Scalar(connection, "SELECT count(*) FROM pragma_table_info('reports') WHERE name = 'text'"));
            Assert.Equal("ok", Sql.Scalar(connection, "PRAGMA integrity_check"));
        }

        var store = new ReportStore(database);
        var searcher = new Searcher(store, new ReportCatalog(store));
        var condition = FigureCondition.Parse("requests.new.total>=1").Condition!;
        var expected = reports.Select((r, i) => (Id: i + 1L, r.Parsed.Figures.Figures))
            .Where(r => r.Figures.GetValueOrDefault(condition.Key) >= 1).Select(r => r.Id);
        var found = searcher.FindAll(null, SearchFilters.None with { Figures = [condition] }, CancellationToken.None).Select(e => e.Id);
        Assert.Equal(expected.Order(), found.Order());
        Assert.NotEmpty(expected);
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

    /// <summary>The five seeds and a report without tables (no template, no figures, no checks), parsed.</summary>
    private static List<(SourceDocument Source, ParsedReport Parsed)> OldReports()
    {
        var parser = new ReportParser();
        var texts = Directory.GetFiles(RepositoryFiles.SeedsDirectory, "*.txt").Order(StringComparer.Ordinal)
            .Select(f => (Name: Path.GetFileName(f), Text: File.ReadAllText(f)))
            .Append((Name: "plain.txt", Text: "丁局2023年政府信息公开工作年度报告\n正文没有表格。𠀀\n"));
        return texts.Select(t => (new SourceDocument(t.Name, t.Name, t.Text, "UTF-8"), parser.Parse(t.Text))).ToList();
    }

    /// <summary>Writes the reports as the writer before migration 0005 did: a row a figure, a row a check, the text on the report row.</summary>
    private void WriteOldLayout(List<(SourceDocument Source, ParsedReport Parsed)> reports)
    {
        ArchiveDatabase.Open(_directory, 4);
        using var connection = new SqliteConnection($"Data Source={Path.Combine(_directory, ArchiveDatabase.FileName)}");
        connection.Open();
        using var transaction = connection.BeginTransaction();
        foreach (var (source, parsed) in reports)
        {
            var id = (long)Sql.Scalar(connection, """
                INSERT INTO reports (sha256, file_name, title, agency, year, template, imported_at, parser_version, text, failed_checks)
                VALUES ($sha, $file, $title, $agency, $year, $template, '2024-01-01T00:00:00+00:00', 1, $text, $failed) RETURNING id
                """, transaction,
                ("$sha", source.Sha256), ("$file", source.FileName), ("$title", parsed.Metadata.Title), ("$agency", parsed.Metadata.Agency),
                ("$year", parsed.Metadata.Year), ("$template", parsed.Figures.Template), ("$text", source.Text),
                ("$failed", parsed.Figures.Checks.Count(c => !c.Ok)))!;
            var ordinal = 0;
            foreach (var (key, value) in parsed.Figures.Figures)
            {
                Sql.Scalar(connection, "INSERT INTO figures (report_id, key, ordinal, value) VALUES ($id, $key, $ordinal, $value)", transaction,
                    ("$id", id), ("$key", key), ("$ordinal", ordinal++), ("$value", value));
            }

            ordinal = 0;
            foreach (var check in parsed.Figures.Checks)
            {
                Sql.Scalar(connection, "INSERT INTO checks (report_id, ordinal, rule, ok, detail) VALUES ($id, $ordinal, $rule, $ok, $detail)", transaction,
                    ("$id", id), ("$ordinal", ordinal++), ("$rule", check.Rule), ("$ok", check.Ok ? 1 : 0), ("$detail", check.Detail));
            }
        }

        transaction.Commit();
        Assert.Equal(4L, Sql.Scalar(connection, "PRAGMA user_version"));
        Assert.True((long)Sql.Scalar(connection, "SELECT count(*) FROM figures")! > 500);
        SqliteConnection.ClearAllPools();
    }
}
