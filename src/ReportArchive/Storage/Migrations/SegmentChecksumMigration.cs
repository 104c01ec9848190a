using Microsoft.Data.Sqlite;
using ReportArchive.TextIndex;

namespace ReportArchive.Storage.Migrations;

/// <summary>
/// The code step of migration 0010: records the checksum of every text index segment an existing archive holds (the
/// bytes are taken as they are: a segment damaged before this build cannot be told apart any more, which is what
/// <c>verify</c>'s <c>integrity_check</c> and a fresh backup are for).
/// </summary>
internal static class SegmentChecksumMigration
{
    public static void Run(SqliteConnection connection, SqliteTransaction transaction)
    {
        var ids = new List<long>();
        using (var select = connection.CreateCommand())
        {
            select.Transaction = transaction;
            select.CommandText = "SELECT id FROM text_index_segments WHERE checksum IS NULL";
            using var reader = select.ExecuteReader();
            while (reader.Read())
            {
                ids.Add(reader.GetInt64(0));
            }
        }

        using var update = connection.CreateCommand();
        update.Transaction = transaction;
        update.CommandText = "UPDATE text_index_segments SET checksum = $checksum WHERE id = $id";
        var checksum = update.Parameters.Add("$checksum", SqliteType.Integer);
        var id = update.Parameters.Add("$id", SqliteType.Integer);
        foreach (var segment in ids)
        {
            checksum.Value = SegmentChecksum.Of(TextIndexStore.ReadStoredBytes(connection, segment));
            id.Value = segment;
            update.ExecuteNonQuery();
        }
    }
}
