using Microsoft.Data.Sqlite;
using ReportArchive.Documents;
using ReportArchive.Figures;
using ReportArchive.Regions;
using ReportArchive.Storage;
using ReportArchive.TextIndex;
using ReportArchive.Tests.Fixtures;

namespace ReportArchive.Tests.Storage;

public sealed class ReportStoreTests
{
    [Fact]
    public void Open_AppliesEveryMigrationOnce_InWalMode()
    {
        using var archive = new TemporaryArchive();
        ArchiveDatabase.Open(archive.DataDirectory); // a second open must not re-apply anything
        using var connection = archive.Database.OpenConnection();
        Assert.Equal((long)ArchiveDatabase.LatestVersion, Scalar(connection, "PRAGMA user_version"));
        Assert.Equal("wal", Scalar(connection, "PRAGMA journal_mode"));
        Assert.Equal(["archive.db", "archive.db-shm", "archive.db-wal"],
            Directory.GetFiles(archive.DataDirectory).Select(f => Path.GetFileName(f)).Order().ToArray());
    }

    [Fact]
    public void FailingReport_LeavesNothingBehind_AndTheBatchGoesOn()
    {
        using var archive = new TemporaryArchive();
        using (var connection = archive.Database.OpenConnection())
        {
            Execute(connection, """
                CREATE TRIGGER poison BEFORE INSERT ON report_figures
                WHEN (SELECT file_name FROM reports WHERE id = NEW.report_id) = 'bad.txt'
                BEGIN SELECT RAISE(ABORT, 'poisoned figure'); END
                """);
        }

        var good = Report("good.txt", "甲局2021年政府信息公开工作年度报告", new Dictionary<string, decimal?> { ["requests.new.total"] = 3 });
        var bad = Report("bad.txt", "乙局2021年政府信息公开工作年度报告", new Dictionary<string, decimal?> { ["requests.new.total"] = 1, ["poison"] = 1 });

        var outcomes = archive.Store.Add([bad, good], DateTimeOffset.UnixEpoch, 1);

        Assert.Equal("database error: SQLite Error 19: 'poisoned figure'.", outcomes[0].Error);
        Assert.Null(outcomes[1].Error);
        using var check = archive.Database.OpenConnection();
        Assert.Equal(1L, Scalar(check, "SELECT count(*) FROM reports"));
        Assert.Equal(1L, Scalar(check, "SELECT count(*) FROM report_figures"));
        Assert.Equal(1L, Scalar(check, "SELECT count(*) FROM report_checks"));
        Assert.Equal(1L, Scalar(check, "SELECT count(*) FROM report_texts"));
        Assert.Equal(2L, Scalar(check, "SELECT count(*) FROM report_agency_types")); // the view over reports.agency_types
        Assert.Equal([outcomes[1].Id], IndexedIds(check)); // the failed report's text never reached the index
        Assert.Equal(0, archive.Search("乙局").Total);
        Assert.Equal(1, archive.Search("甲局").Total);
    }

    [Fact]
    public async Task ArchiveWithoutTextIndex_IsIndexedFromItsStoredTextsWhenOpened()
    {
        using var archive = await TemporaryArchive.WithSeedsAsync();
        using (var connection = archive.Database.OpenConnection())
        {
            Execute(connection, "DELETE FROM text_index_segments"); // as an archive written before schema 0006 is
        }

        var reopened = new ReportStore(archive.Database);

        using var check = archive.Database.OpenConnection();
        Assert.Equal(5, IndexedIds(check).Count);
        var search = new ReportArchive.Search.Searcher(reopened, new ReportArchive.Search.Catalog.ReportCatalog(reopened));
        var result = search.Search(new ReportArchive.Search.SearchRequest("行政诉讼", ReportArchive.Search.SearchFilters.None), CancellationToken.None);
        Assert.Equal(5, result.Total);
    }

    [Fact]
    public async Task ArchiveWithSegmentsOfAnOlderFormat_IsReindexedWhenOpened()
    {
        using var archive = await TemporaryArchive.WithSeedsAsync();
        using (var connection = archive.Database.OpenConnection())
        {
            // format version 1 in every segment's header (bytes 4..7, little endian)
            Execute(connection, "UPDATE text_index_segments SET bytes = substr(bytes, 1, 4) || x'01000000' || substr(bytes, 9)");
            Assert.True(TextIndexStore.HasOutdatedSegments(connection));
        }

        var reopened = new ReportStore(archive.Database);

        using var check = archive.Database.OpenConnection();
        Assert.False(TextIndexStore.HasOutdatedSegments(check));
        Assert.Equal(5, IndexedIds(check).Count);
        var search = new ReportArchive.Search.Searcher(reopened, new ReportArchive.Search.Catalog.ReportCatalog(reopened));
        Assert.Equal(2, search.Search(new ReportArchive.Search.SearchRequest("\"申请行政复议、提起行政诉讼\"", ReportArchive.Search.SearchFilters.None), CancellationToken.None).Total);
    }

    [Fact]
    public void StoredReport_RoundTripsMetadataFiguresAndChecksInOrder()
    {
        using var archive = new TemporaryArchive();
        var figures = new Dictionary<string, decimal?> { ["requests.new.total"] = 3, ["proactive.administrativeFees.amount"] = 1.2345m, ["review.total"] = null };
        var report = Report("a.txt", "丙局2022年政府信息公开工作年度报告", figures);
        var id = archive.Store.Add([report], new DateTimeOffset(2026, 11, 21, 8, 0, 0, TimeSpan.Zero), 7)[0].Id;

        var stored = archive.Store.Get(id)!;
        var expected = report.Metadata;
        Assert.Equal(expected, stored.Metadata with { AgencyTypes = expected.AgencyTypes, Region = expected.Region });
        Assert.Equal(["工业和信息化", "商务"], stored.Metadata.AgencyTypes);
        Assert.Equal(expected.Region, stored.Metadata.Region with { Candidates = expected.Region.Candidates });
        Assert.Equal(expected.Region.Candidates, stored.Metadata.Region.Candidates);
        Assert.Equal(figures.ToList(), stored.Figures.ToList());
        Assert.Equal([new FigureCheck("requests.balance.total", false, "expected 3, printed 2")], stored.Checks);
        Assert.Equal(["a warning"], stored.Warnings);
        Assert.Equal(7, stored.ParserVersion);
        Assert.Equal("丙局2022年政府信息公开工作年度报告\n正文。", stored.Text);
        Assert.Null(archive.Store.Get(id + 1));
    }

    [Fact]
    public void DeletedNewestReport_ItsIdIsNeverReused_SoItsOldPostingsMatchNothing()
    {
        using var archive = new TemporaryArchive();
        var first = archive.Store.Add([Report("a.txt", "甲局2021年政府信息公开工作年度报告", [])], DateTimeOffset.UnixEpoch, 1)[0].Id;
        var deleted = archive.Store.Add([Report("b.txt", "乙局2021年政府信息公开工作年度报告", [])], DateTimeOffset.UnixEpoch, 1)[0].Id;
        Assert.True(archive.Store.Delete(deleted));

        var added = archive.Store.Add([Report("c.txt", "丙局2021年政府信息公开工作年度报告", [])], DateTimeOffset.UnixEpoch, 1)[0].Id;

        Assert.True(added > deleted, $"new id {added} must be above the deleted {deleted}");
        Assert.Equal(0, archive.Search("乙局").Total); // the deleted report's postings are still in its segment
        Assert.Equal(added, Assert.Single(archive.Search("丙局").Hits).Id);
        Assert.Equal(first, Assert.Single(archive.Search("甲局").Hits).Id);
    }

    [Fact]
    public void Merge_DropsTheDeletedReports_AndKeepsTheOthers()
    {
        using var archive = new TemporaryArchive();
        var ids = new List<long>();
        for (var i = 0; i < 7; i++)
        {
            ids.Add(archive.Store.Add([Report($"{i}.txt", $"局{i}号2021年政府信息公开工作年度报告", [])], DateTimeOffset.UnixEpoch, 1)[0].Id);
        }

        Assert.True(archive.Store.Delete(ids[2]));
        Assert.True(archive.Store.Delete(ids[4]));
        ids.Add(archive.Store.Add([Report("7.txt", "局7号2021年政府信息公开工作年度报告", [])], DateTimeOffset.UnixEpoch, 1)[0].Id);

        // eight segments of one report each: the policy merges them into one, without the two deleted reports
        using var connection = archive.Store.Database.OpenConnection();
        var merged = Assert.Single(TextIndexStore.Summaries(connection));
        Assert.Equal((6, ids[0], ids[7]), (merged.Documents, merged.FirstReport, merged.LastReport));
        Assert.Equal(0, archive.Search("局2号").Total);
        Assert.Equal(1, archive.Search("局3号").Total);
    }

    private static IndexedReport Report(string fileName, string title, Dictionary<string, decimal?> figures)
    {
        var text = title + "\n正文。";
        var source = new SourceDocument(fileName, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text))), text, "UTF-8");
        var region = new ResolvedRegion("河南省", "郑州市", null, "4101", true, [new RegionCandidate("4101", "河南省", "郑州市", null)]);
        var metadata = new ReportMetadata(title, title[..2], 2021, region, "city", ["工业和信息化", "商务"]);
        var extraction = new FigureExtraction("2021", figures, [new FigureCheck("requests.balance.total", false, "expected 3, printed 2")], []);
        return IndexedReport.Create(source, new ParsedReport(metadata, extraction, ["a warning"]));
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static List<long> IndexedIds(SqliteConnection connection) =>
        [.. new TextIndexStore().Load(connection).Segments.SelectMany(s => s.ReportIds()).Order()];
}
