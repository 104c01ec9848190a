using System.Buffers;
using ReportArchive.Documents;
using ReportArchive.Figures;
using ReportArchive.Ingestion;
using ReportArchive.Storage;
using ReportArchive.Storage.Compact;
using ReportArchive.Tests.Fixtures;

namespace ReportArchive.Tests.Storage;

/// <summary>Migration 0013: an archive whose figure sources were stored in format 1 opens with the same sources in format 2, smaller.</summary>
public sealed class FigureSourceFormatMigrationTests
{
    [Fact]
    public void Format1Sources_AreRewrittenAsFormat2_AndReadTheSame()
    {
        using var archive = new TemporaryArchive();
        var text = RepositoryFiles.SeedText("004");
        var parsed = new ReportParser().Parse(text);
        Assert.True(parsed.Figures.Sources.Count > 100, $"{parsed.Figures.Sources.Count} sources");
        var outcome = Assert.Single(archive.Store.Add([Report(text, parsed)], DateTimeOffset.UnixEpoch, 1));
        var format1 = Format1(parsed.Figures.Sources, text);
        using (var connection = archive.Database.OpenConnection())
        {
            using var command = connection.CreateCommand();
            command.CommandText = "UPDATE report_figure_sources SET sources = $s WHERE report_id = $id; PRAGMA user_version = 12;";
            command.Parameters.AddWithValue("$s", format1);
            command.Parameters.AddWithValue("$id", outcome.Id);
            command.ExecuteNonQuery();
        }

        Assert.Equal(parsed.Figures.Sources, new ReportStore(archive.Database).Get(outcome.Id)!.FigureSources); // format 1 reads

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var migrated = ArchiveDatabase.Open(archive.DataDirectory);

        Assert.Equal(parsed.Figures.Sources, new ReportStore(migrated).Get(outcome.Id)!.FigureSources);
        using var check = migrated.OpenConnection();
        var stored = (byte[])Sql.Scalar(check, "SELECT sources FROM report_figure_sources")!;
        Assert.Equal(2, stored[0]);
        Assert.True(stored.Length * 10 < format1.Length, $"{stored.Length} bytes against {format1.Length}");
        Assert.Equal((long)ArchiveDatabase.LatestVersion, Sql.Scalar(check, "PRAGMA user_version"));
    }

    /// <summary>Format 1 as sessions 5 and 6 wrote it: every string as text, every start as it is.</summary>
    private static byte[] Format1(IReadOnlyDictionary<string, FigureSource> sources, string text)
    {
        var output = new ArrayBufferWriter<byte>();
        output.Write<byte>([1]);
        Varint.Write(output, (ulong)sources.Count);
        foreach (var (key, source) in sources)
        {
            var sentenceIsSpan = source.Sentence is { } s && source.Start + source.Length <= text.Length && text.AsSpan(source.Start, source.Length).SequenceEqual(s);
            var flags = (byte)((source.Table is null ? 0 : 1) | (source.Row is null ? 0 : 2) | (source.Column is null ? 0 : 4)
                | (source.Sentence is null || sentenceIsSpan ? 0 : 8) | (sentenceIsSpan ? 16 : 0) | ((int)source.Kind << 5));
            Varint.WriteString(output, key);
            output.Write<byte>([flags]);
            Varint.Write(output, (ulong)source.Start);
            Varint.Write(output, (ulong)source.Length);
            foreach (var value in (string?[])[source.Table, source.Row, source.Column, sentenceIsSpan ? null : source.Sentence])
            {
                if (value is not null)
                {
                    Varint.WriteString(output, value);
                }
            }
        }

        return output.WrittenSpan.ToArray();
    }

    private static IndexedReport Report(string text, ParsedReport parsed)
    {
        var source = new SourceDocument("a.txt", Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text))), text, "UTF-8");
        return IndexedReport.Create(source, parsed);
    }
}
