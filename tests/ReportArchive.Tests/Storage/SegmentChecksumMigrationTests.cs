using Microsoft.Data.Sqlite;
using ReportArchive.Storage;
using ReportArchive.Tests.Fixtures;
using ReportArchive.Tests.TextIndex;
using ReportArchive.TextIndex;

namespace ReportArchive.Tests.Storage;

/// <summary>
/// Migration 0010: an archive whose segments were written before checksums existed gets each segment's checksum on
/// its first open, loads as before, and from then on a flipped bit in a segment is found on load and by the verifier.
/// </summary>
public sealed class SegmentChecksumMigrationTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "reportarchive-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public void SegmentsWrittenBeforeChecksums_GetTheirChecksumOnFirstOpen_AndLoadAsBefore()
    {
        var segments = WriteSegmentsAtVersion9();

        var database = ArchiveDatabase.Open(_directory);

        using var connection = database.OpenConnection();
        Assert.Equal((long)ArchiveDatabase.LatestVersion, Sql.Scalar(connection, "PRAGMA user_version"));
        foreach (var (id, bytes) in segments)
        {
            Assert.Equal(SegmentChecksum.Of(bytes), Sql.Scalar(connection, $"SELECT checksum FROM text_index_segments WHERE id = {id}"));
        }

        var snapshot = new TextIndexStore().Load(connection);
        Assert.Equal(segments.Count, snapshot.Segments.Count);
        Assert.Empty(ArchiveVerifier.Verify(database.FilePath));
    }

    [Fact]
    public void AFlippedBit_AfterTheMigration_FailsTheLoadAndTheVerifier_NamingTheSegment()
    {
        var segments = WriteSegmentsAtVersion9();
        var database = ArchiveDatabase.Open(_directory);
        var (damaged, _) = segments[^1];
        using (var connection = database.OpenConnection())
        using (var blob = new SqliteBlob(connection, "text_index_segments", "bytes", damaged))
        {
            var one = new byte[1];
            blob.Position = blob.Length / 3;
            blob.ReadExactly(one);
            one[0] ^= 0x01;
            blob.Position = blob.Length / 3;
            blob.Write(one);
        }

        using var reader = database.OpenConnection();
        var exception = Assert.Throws<SegmentDamagedException>(() => new TextIndexStore().Load(reader));
        Assert.Contains($"segment {damaged} is damaged", exception.Message, StringComparison.Ordinal);
        Assert.Equal([$"text index segment {damaged} is damaged: its bytes do not match their checksum"], ArchiveVerifier.Verify(database.FilePath));
    }

    /// <summary>An archive at schema version 9 with three segments as that build wrote them; returns their ids and bytes.</summary>
    private List<(long Id, byte[] Bytes)> WriteSegmentsAtVersion9()
    {
        var old = ArchiveDatabase.Open(_directory, version: 9);
        var written = new List<(long, byte[])>();
        using var connection = old.OpenConnection();
        foreach (var segment in IndexedText.Segments(IndexedText.Generated(30, seed: 10), 10))
        {
            using var insert = connection.CreateCommand();
            insert.CommandText = """
                INSERT INTO text_index_segments (first_report, last_report, documents, bytes)
                VALUES ($first, $last, $documents, $bytes) RETURNING id
                """;
            insert.Parameters.AddWithValue("$first", segment.FirstReportId);
            insert.Parameters.AddWithValue("$last", segment.LastReportId);
            insert.Parameters.AddWithValue("$documents", segment.DocumentCount);
            insert.Parameters.AddWithValue("$bytes", segment.ToBytes());
            written.Add(((long)insert.ExecuteScalar()!, segment.ToBytes()));
        }

        SqliteConnection.ClearAllPools();
        return written;
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
}
