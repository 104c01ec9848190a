using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace ReportArchive.Statistics;

/// <summary>
/// Reads stored figures of many reports at once: one query over the <c>figures</c> table, the report ids and keys
/// passed as JSON arrays in bound parameters (json_each), never spliced into the SQL.
/// </summary>
internal static class FigureValueReader
{
    /// <summary>Reports are read this many at a time, so memory stays bounded whatever the archive's size.</summary>
    public const int ChunkSize = 500;

    /// <summary>
    /// The figures of each report (key → value, null when the cell is empty). With <paramref name="keys"/> null,
    /// every figure; otherwise only those keys. A report without any of them is absent from the result.
    /// </summary>
    public static Dictionary<long, Dictionary<string, decimal?>> Read(
        SqliteConnection connection, IReadOnlyCollection<long> reportIds, IReadOnlyCollection<string>? keys)
    {
        var figures = new Dictionary<long, Dictionary<string, decimal?>>(reportIds.Count);
        using var command = connection.CreateCommand();
        command.CommandText = keys is null
            ? "SELECT report_id, key, value FROM figures WHERE report_id IN (SELECT value FROM json_each($ids)) ORDER BY report_id, ordinal"
            : """
              SELECT report_id, key, value FROM figures
              WHERE report_id IN (SELECT value FROM json_each($ids)) AND key IN (SELECT value FROM json_each($keys))
              """;
        command.Parameters.AddWithValue("$ids", JsonSerializer.Serialize(reportIds));
        if (keys is not null)
        {
            command.Parameters.AddWithValue("$keys", JsonSerializer.Serialize(keys));
        }

        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var id = reader.GetInt64(0);
            if (!figures.TryGetValue(id, out var values))
            {
                figures[id] = values = new Dictionary<string, decimal?>(StringComparer.Ordinal);
            }

            values[reader.GetString(1)] = reader.IsDBNull(2) ? null : reader.GetDecimal(2);
        }

        return figures;
    }
}
