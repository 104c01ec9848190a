using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using ReportArchive.Regions;
using ReportArchive.Storage.Compact;

namespace ReportArchive.Storage.Migrations;

/// <summary>
/// The code step of migration 0009: copies every report row into <c>reports_compact</c> with its columns encoded
/// (<see cref="Sha256Column"/>, <see cref="RegionCandidateColumn"/>, <see cref="StringListColumn"/>,
/// <see cref="ImportTimeColumn"/>) and its agency types folded in, recompresses every text with the template-wording
/// dictionary, then replaces the old table. Runs inside the migration's transaction, with foreign keys off (the old
/// table is dropped while the texts, figures and checks still refer to its ids); texts are recompressed a chunk at a
/// time in parallel.
/// </summary>
internal static class CompactReportRowsMigration
{
    private const int Chunk = 1024;

    public static void Run(SqliteConnection connection, SqliteTransaction transaction)
    {
        CopyReportRows(connection, transaction);
        RecompressTexts(connection, transaction);
        foreach (var sql in (string[])[
            "DROP TABLE report_agency_types",
            "DROP TABLE reports",
            "ALTER TABLE reports_compact RENAME TO reports",
            "CREATE INDEX reports_by_agency_year ON reports (agency, region_code, year)",
            """
            CREATE VIEW report_agency_types (report_id, ordinal, agency_type) AS
                SELECT r.id, j.key, j.value FROM reports r, json_each(r.agency_types) j
            """,
        ])
        {
            using var command = Command(connection, transaction, sql);
            command.ExecuteNonQuery();
        }
    }

    private static void CopyReportRows(SqliteConnection connection, SqliteTransaction transaction)
    {
        var agencyTypes = new Dictionary<long, List<string>>();
        using (var types = Command(connection, transaction, "SELECT report_id, agency_type FROM report_agency_types ORDER BY report_id, ordinal"))
        using (var reader = types.ExecuteReader())
        {
            while (reader.Read())
            {
                var id = reader.GetInt64(0);
                if (!agencyTypes.TryGetValue(id, out var list))
                {
                    agencyTypes[id] = list = [];
                }

                list.Add(reader.GetString(1));
            }
        }

        const string Columns = "id, file_name, title, agency, year, province, city, county, region_code, region_ambiguous, level, template, parser_version, failed_checks";
        using var insert = Command(connection, transaction, $"""
            INSERT INTO reports_compact ({Columns}, sha256, region_candidates, warnings, agency_types, imported_at)
            VALUES ($id, $file_name, $title, $agency, $year, $province, $city, $county, $region_code, $region_ambiguous,
                    $level, $template, $parser_version, $failed_checks, $sha256, $region_candidates, $warnings, $agency_types, $imported_at)
            """);
        using var select = Command(connection, transaction, $"SELECT {Columns}, sha256, region_candidates, warnings, imported_at FROM reports ORDER BY id");
        using var rows = select.ExecuteReader();
        var names = Columns.Split(", ");
        while (rows.Read())
        {
            insert.Parameters.Clear();
            for (var i = 0; i < names.Length; i++)
            {
                insert.Parameters.AddWithValue("$" + names[i], rows.GetValue(i));
            }

            var id = rows.GetInt64(0);
            var candidates = JsonSerializer.Deserialize<List<RegionCandidate>>(rows.GetString(names.Length + 1), StorageJson.Options) ?? [];
            var warnings = JsonSerializer.Deserialize<List<string>>(rows.GetString(names.Length + 2), StorageJson.Options) ?? [];
            insert.Parameters.AddWithValue("$sha256", Sha256Column.Encode(rows.GetString(names.Length)));
            insert.Parameters.AddWithValue("$region_candidates", (object?)RegionCandidateColumn.Encode(candidates) ?? DBNull.Value);
            insert.Parameters.AddWithValue("$warnings", (object?)StringListColumn.Encode(warnings) ?? DBNull.Value);
            insert.Parameters.AddWithValue("$agency_types", (object?)StringListColumn.Encode(agencyTypes.GetValueOrDefault(id) ?? []) ?? DBNull.Value);
            insert.Parameters.AddWithValue("$imported_at", ImportTimeColumn.Encode(
                DateTimeOffset.Parse(rows.GetString(names.Length + 3), CultureInfo.InvariantCulture)));
            insert.ExecuteNonQuery();
        }
    }

    private static void RecompressTexts(SqliteConnection connection, SqliteTransaction transaction)
    {
        using var update = Command(connection, transaction, "UPDATE report_texts SET text = $text WHERE report_id = $id");
        update.Parameters.Add(new SqliteParameter("$id", null));
        update.Parameters.Add(new SqliteParameter("$text", null));
        var afterId = long.MinValue;
        while (true)
        {
            var chunk = new List<(long Id, byte[] Text)>(Chunk);
            using (var select = Command(connection, transaction, $"SELECT report_id, text FROM report_texts WHERE report_id > $after ORDER BY report_id LIMIT {Chunk}"))
            {
                select.Parameters.AddWithValue("$after", afterId);
                using var reader = select.ExecuteReader();
                while (reader.Read())
                {
                    chunk.Add((reader.GetInt64(0), (byte[])reader.GetValue(1)));
                }
            }

            if (chunk.Count == 0)
            {
                return;
            }

            var recompressed = new byte[chunk.Count][];
            Parallel.For(0, chunk.Count, i => recompressed[i] = CompressedText.Compress(CompressedText.Decompress(chunk[i].Text)));
            for (var i = 0; i < chunk.Count; i++)
            {
                update.Parameters["$id"].Value = chunk[i].Id;
                update.Parameters["$text"].Value = recompressed[i];
                update.ExecuteNonQuery();
            }

            afterId = chunk[^1].Id;
        }
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }
}
