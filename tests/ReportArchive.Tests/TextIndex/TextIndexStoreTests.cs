using ReportArchive.Storage;
using ReportArchive.TextIndex;

namespace ReportArchive.Tests.TextIndex;

public sealed class TextIndexStoreTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "reportarchive-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public void Merge_DropsTheMergedAwaySegmentsFromMemory_SoAnImportWithoutReadersHoldsOnlyTheStoredOnes()
    {
        var database = ArchiveDatabase.Open(_directory);
        var texts = IndexedText.Generated(90, seed: 8);
        var store = new TextIndexStore();
        using var connection = database.OpenConnection();
        foreach (var segment in IndexedText.Segments(texts, 10)) // nine writes of one segment each, as an import does
        {
            using var transaction = connection.BeginTransaction();
            store.Append(connection, transaction, segment);
            store.MergeIfNeeded(connection, transaction, _ => true);
            transaction.Commit();
        }

        var stored = TextIndexStore.Summaries(connection);
        Assert.Equal(2, stored.Count); // eight segments of 10 merged into one of 80, and the ninth
        Assert.Equal(stored.Count, store.LoadedSegments);
        var query = IndexedText.Query("行政诉讼");
        Assert.Equal(texts.Where(t => t.Matches(query)).Select(t => t.Id), store.Load(connection).Search(query, CancellationToken.None).Ids);
    }

    [Fact]
    public void AppendLoadRefreshAndMerge_AgainstARealArchive()
    {
        var database = ArchiveDatabase.Open(_directory);
        var texts = IndexedText.Generated(90, seed: 8);
        var segments = IndexedText.Segments(texts, 10);
        var store = new TextIndexStore();
        using var connection = database.OpenConnection();

        using (var transaction = connection.BeginTransaction())
        {
            foreach (var segment in segments.Take(5))
            {
                store.Append(connection, transaction, segment);
            }

            Assert.Equal(0, store.MergeIfNeeded(connection, transaction, _ => true)); // 5 segments: nothing to merge
            transaction.Commit();
        }

        var first = store.Load(connection);
        Assert.Equal(50, first.TotalDocuments);
        Assert.Equal(segments.Take(5), first.Segments); // the appended segments themselves: no BLOB read back
        var query = IndexedText.Query("行政诉讼");
        Assert.Equal(texts.Take(50).Where(t => t.Matches(query)).Select(t => t.Id), first.Search(query, CancellationToken.None).Ids);

        using (var transaction = connection.BeginTransaction())
        {
            foreach (var segment in segments.Skip(5))
            {
                store.Append(connection, transaction, segment);
            }

            transaction.Commit();
        }

        var second = store.Load(connection);
        Assert.Equal(90, second.TotalDocuments);
        Assert.Same(first.Segments[0], second.Segments[0]); // already loaded segments are reused

        bool Keep(long id) => id != 7 && id != 88;
        using (var transaction = connection.BeginTransaction())
        {
            Assert.Equal(1, store.MergeIfNeeded(connection, transaction, Keep)); // 9 segments of one tier become one
            transaction.Commit();
        }

        var summaries = TextIndexStore.Summaries(connection);
        Assert.Single(summaries);
        Assert.Equal((1L, 90L, 88), (summaries[0].FirstReport, summaries[0].LastReport, summaries[0].Documents));
        Assert.DoesNotContain(summaries[0].Id, segments.Select((_, i) => (long)i + 1)); // a new id
        var merged = store.Load(connection);
        Assert.Equal(88, merged.TotalDocuments);
        using (var rolledBack = connection.BeginTransaction())
        {
            store.Append(connection, rolledBack, segments[0]);
            rolledBack.Rollback();
        }

        Assert.Equal(88, store.Load(connection).TotalDocuments); // an appended segment counts only once committed
        Assert.Equal(texts.Where(t => Keep(t.Id) && t.Matches(query)).Select(t => t.Id), merged.Search(query, CancellationToken.None).Ids);

        using var reopened = database.OpenConnection();
        var fresh = new TextIndexStore().Load(reopened);
        Assert.Equal(merged.Search(query, CancellationToken.None).Ids, fresh.Search(query, CancellationToken.None).Ids);
    }

    [Fact]
    public void HasOutdatedSegments_FindsASegmentOfAnOlderFormatVersion()
    {
        var database = ArchiveDatabase.Open(_directory);
        var segments = IndexedText.Segments(IndexedText.Generated(20, seed: 9), 10);
        var store = new TextIndexStore();
        using var connection = database.OpenConnection();
        Assert.False(TextIndexStore.HasOutdatedSegments(connection));
        long second;
        using (var transaction = connection.BeginTransaction())
        {
            store.Append(connection, transaction, segments[0]);
            second = store.Append(connection, transaction, segments[1]);
            Assert.False(TextIndexStore.HasOutdatedSegments(connection, transaction));
            transaction.Commit();
        }

        using (var command = connection.CreateCommand())
        {
            // As a build of format version 1 wrote it: the version is the header's second int32 (with the checksum
            // migration 0010 records for the segments an older build wrote).
            var bytes = segments[1].ToBytes().ToArray();
            bytes[4] = 1;
            command.CommandText = "UPDATE text_index_segments SET bytes = $bytes, checksum = $checksum WHERE id = $id";
            command.Parameters.AddWithValue("$bytes", bytes);
            command.Parameters.AddWithValue("$checksum", SegmentChecksum.Of(bytes));
            command.Parameters.AddWithValue("$id", second);
            command.ExecuteNonQuery();
        }

        Assert.True(TextIndexStore.HasOutdatedSegments(connection));
        Assert.Throws<OutdatedSegmentException>(() => new TextIndexStore().Load(connection));
    }

    [Fact]
    public void Load_ReadsEachSegmentByteForByte_InTheViewOfTheCallersTransaction()
    {
        var database = ArchiveDatabase.Open(_directory);
        var segments = IndexedText.Segments(IndexedText.Generated(30, seed: 4), 10);
        using var connection = database.OpenConnection();
        using (var transaction = connection.BeginTransaction())
        {
            foreach (var segment in segments.Take(2))
            {
                new TextIndexStore().Append(connection, transaction, segment);
            }

            transaction.Commit();
        }

        using var reader = database.OpenConnection();
        using var view = reader.BeginTransaction(deferred: true);
        var store = new TextIndexStore();
        Assert.Equal(0, store.LoadedSegments);
        var before = store.Load(reader, view); // the view starts here
        using (var transaction = connection.BeginTransaction())
        {
            new TextIndexStore().Append(connection, transaction, segments[2]); // committed after the view began
            transaction.Commit();
        }

        var loaded = new TextIndexStore().Load(reader, view);
        Assert.Equal(2, store.LoadedSegments);
        Assert.Equal(segments.Take(2).Select(s => s.ToBytes()), before.Segments.Select(s => s.ToBytes()));
        Assert.Equal(segments.Take(2).Select(s => s.ToBytes()), loaded.Segments.Select(s => s.ToBytes()));
        view.Commit();
        Assert.Equal(segments.Select(s => s.ToBytes()), new TextIndexStore().Load(reader).Segments.Select(s => s.ToBytes()));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
