using Microsoft.Data.Sqlite;
using ReportArchive.Storage.Compact;

namespace ReportArchive.Storage.Migrations;

/// <summary>
/// The code step of migration 0013: every figure-source row still in format 1 is decoded with its report's text and
/// written again as format 2 (the same sources, read back equal); the new rows (~0.3 KB each) are gathered, then written.
/// </summary>
internal static class FigureSourceFormatMigration
{
    public static void Run(SqliteConnection connection, SqliteTransaction transaction)
    {
        using var select = connection.CreateCommand();
        select.Transaction = transaction;
        select.CommandText = """
            SELECT s.report_id, s.sources, t.text FROM report_figure_sources s JOIN report_texts t ON t.report_id = s.report_id
            WHERE substr(s.sources, 1, 1) = x'01'
            """;
        using var update = connection.CreateCommand();
        update.Transaction = transaction;
        update.CommandText = "UPDATE report_figure_sources SET sources = $sources WHERE report_id = $id";
        var sources = update.Parameters.Add("$sources", SqliteType.Blob);
        var id = update.Parameters.Add("$id", SqliteType.Integer);
        var rewritten = new List<(long Id, byte[]? Sources)>();
        using (var reader = select.ExecuteReader())
        {
            while (reader.Read())
            {
                var text = CompressedText.Decompress((byte[])reader.GetValue(2));
                var decoded = FigureSourceList.Decode((byte[])reader.GetValue(1), text);
                rewritten.Add((reader.GetInt64(0), FigureSourceList.Encode(decoded, text)));
            }
        }

        foreach (var (report, encoded) in rewritten)
        {
            id.Value = report;
            sources.Value = (object?)encoded ?? DBNull.Value;
            update.ExecuteNonQuery();
        }
    }
}
