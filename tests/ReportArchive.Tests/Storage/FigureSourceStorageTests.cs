using ReportArchive.Documents;
using ReportArchive.Figures;
using ReportArchive.Ingestion;
using ReportArchive.Regions;
using ReportArchive.Storage;
using ReportArchive.Tests.Fixtures;

namespace ReportArchive.Tests.Storage;

/// <summary>Every figure's source is stored with its report and read back; reports stored before have none.</summary>
public sealed class FigureSourceStorageTests
{
    private const string Text = "甲局2022年政府信息公开工作年度报告\n一、总体情况\n本年度共收到政府信息公开申请44件，办结39件。\n行政处罚\t887\n";

    [Fact]
    public void Sources_RoundTripThroughTheArchive()
    {
        using var archive = new TemporaryArchive();
        var sentence = "本年度共收到政府信息公开申请44件，办结39件。";
        var sources = new Dictionary<string, FigureSource>
        {
            ["requests.new.total"] = new(FigureSourceKind.Narrative, Text.IndexOf(sentence, StringComparison.Ordinal), sentence.Length, Sentence: sentence),
            ["proactive.administrativePenalty.decisions"] = new(FigureSourceKind.Table, Text.IndexOf("887", StringComparison.Ordinal), 3, "A", "行政处罚", "本年处理决定数量"),
        };
        var figures = new Dictionary<string, decimal?> { ["requests.new.total"] = 44, ["proactive.administrativePenalty.decisions"] = 887 };

        var outcome = Assert.Single(archive.Store.Add([Report(Text, new FigureExtraction(null, figures, [], []) { Sources = sources })], DateTimeOffset.UnixEpoch, 1));

        var stored = archive.Store.Get(outcome.Id)!;
        Assert.Equal(sources, stored.FigureSources);
        Assert.Equal("887", stored.Text.Substring(stored.FigureSources["proactive.administrativePenalty.decisions"].Start, 3));
        Assert.True(archive.Store.Delete(outcome.Id));
        using var connection = archive.Database.OpenConnection();
        Assert.Equal(0L, Sql.Scalar(connection, "SELECT count(*) FROM report_figure_sources"));
    }

    [Fact]
    public void ParsedRealProse_KeepsItsNarrativeSources()
    {
        using var archive = new TemporaryArchive();
        var parsed = new ReportParser().Parse(Text);

        var outcome = Assert.Single(archive.Store.Add([Report(Text, parsed.Figures)], DateTimeOffset.UnixEpoch, 1));

        var stored = archive.Store.Get(outcome.Id)!;
        var source = stored.FigureSources["requests.new.total"];
        Assert.Equal(FigureSourceKind.Narrative, source.Kind);
        Assert.Contains("44", stored.Text.Substring(source.Start, source.Length), StringComparison.Ordinal);
        Assert.Equal(parsed.Figures.Sources, stored.FigureSources);
    }

    [Fact]
    public void AReportStoredBeforeSources_ReadsWithAnEmptyMap_AfterTheMigration()
    {
        using var archive = new TemporaryArchive();
        var outcome = Assert.Single(archive.Store.Add([Report(Text, new ReportParser().Parse(Text).Figures)], DateTimeOffset.UnixEpoch, 1));
        using (var connection = archive.Database.OpenConnection())
        {
            // the archive as schema 10 left it: no sources table, and none of 0012's publication columns
            Sql.Execute(connection, "DROP TABLE report_figure_sources; ALTER TABLE reports DROP COLUMN published_at; "
                + "ALTER TABLE reports DROP COLUMN source_url; PRAGMA user_version = 10;");
        }

        var migrated = ArchiveDatabase.Open(archive.DataDirectory);

        var stored = new ReportStore(migrated).Get(outcome.Id)!;
        Assert.Empty(stored.FigureSources);
        Assert.Equal(44, stored.Figures["requests.new.total"]);
        using var check = migrated.OpenConnection();
        Assert.Equal((long)ArchiveDatabase.LatestVersion, Sql.Scalar(check, "PRAGMA user_version"));
        Assert.Equal(0L, Sql.Scalar(check, "SELECT count(*) FROM report_figure_sources"));
    }

    private static IndexedReport Report(string text, FigureExtraction extraction)
    {
        var source = new SourceDocument("a.txt", Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text))), text, "UTF-8");
        var metadata = new ReportMetadata("甲局2022年政府信息公开工作年度报告", "甲局", 2022, new ResolvedRegion(null, null, null, null, false, []), null, []);
        return IndexedReport.Create(source, new ParsedReport(metadata, extraction, []));
    }
}
