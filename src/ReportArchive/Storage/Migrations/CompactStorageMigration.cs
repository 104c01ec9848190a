using Microsoft.Data.Sqlite;
using ReportArchive.Figures;

namespace ReportArchive.Storage.Migrations;

/// <summary>
/// The code step of migration 0005: moves every report's text, figure rows and check rows into the compact tables
/// (encoding cannot be done in SQL), then drops the old <c>figures</c> and <c>checks</c> tables and the
/// <c>reports.text</c> column. Runs inside the migration's transaction; reports are encoded a chunk at a time in
/// parallel.
/// </summary>
internal static class CompactStorageMigration
{
    private const int Chunk = 512;

    public static void Run(SqliteConnection connection, SqliteTransaction transaction)
    {
        using var reports = Command(connection, transaction, "SELECT id, template, text FROM reports ORDER BY id");
        using var figures = Command(connection, transaction, "SELECT key, value FROM figures WHERE report_id = $id ORDER BY ordinal", "$id");
        using var checks = Command(connection, transaction, "SELECT rule, ok, detail FROM checks WHERE report_id = $id ORDER BY ordinal", "$id");
        using var insertText = Command(connection, transaction, "INSERT INTO report_texts (report_id, text) VALUES ($id, $value)", "$id", "$value");
        using var insertFigures = Command(connection, transaction, "INSERT INTO report_figures (report_id, figure_values) VALUES ($id, $value)", "$id", "$value");
        using var insertChecks = Command(connection, transaction, "INSERT INTO report_checks (report_id, checks) VALUES ($id, $value)", "$id", "$value");

        var pending = new List<OldReport>(Chunk);
        using (var reader = reports.ExecuteReader())
        {
            while (reader.Read())
            {
                var id = reader.GetInt64(0);
                pending.Add(new OldReport(id, reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetString(2), ReadFigures(figures, id), ReadChecks(checks, id)));
                if (pending.Count == Chunk)
                {
                    Flush();
                }
            }
        }

        Flush();
        foreach (var sql in (string[])["DROP TABLE figures", "DROP TABLE checks", "ALTER TABLE reports DROP COLUMN text"])
        {
            using var drop = Command(connection, transaction, sql);
            drop.ExecuteNonQuery();
        }

        void Flush()
        {
            var encoded = pending.AsParallel().AsOrdered()
                .Select(r => (r.Id, Content: StoredReportContent.Encode(r.Text, r.Template, r.Figures, r.Checks)))
                .ToList();
            foreach (var (id, content) in encoded)
            {
                Insert(insertText, id, content.Text);
                Insert(insertFigures, id, content.FigureValues);
                Insert(insertChecks, id, content.Checks);
            }

            pending.Clear();
        }
    }

    private static Dictionary<string, decimal?> ReadFigures(SqliteCommand command, long id)
    {
        command.Parameters["$id"].Value = id;
        using var reader = command.ExecuteReader();
        var figures = new Dictionary<string, decimal?>(StringComparer.Ordinal);
        while (reader.Read())
        {
            figures[reader.GetString(0)] = reader.IsDBNull(1) ? null : reader.GetDecimal(1);
        }

        return figures;
    }

    private static List<FigureCheck> ReadChecks(SqliteCommand command, long id)
    {
        command.Parameters["$id"].Value = id;
        using var reader = command.ExecuteReader();
        var checks = new List<FigureCheck>();
        while (reader.Read())
        {
            checks.Add(new FigureCheck(reader.GetString(0), reader.GetInt64(1) != 0, reader.GetString(2)));
        }

        return checks;
    }

    private static void Insert(SqliteCommand command, long id, byte[] value)
    {
        command.Parameters["$id"].Value = id;
        command.Parameters["$value"].Value = value;
        command.ExecuteNonQuery();
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction transaction, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter(name, null));
        }

        return command;
    }

    private sealed record OldReport(long Id, string? Template, string Text, Dictionary<string, decimal?> Figures, List<FigureCheck> Checks);
}
