using System.Text.Json;
using Microsoft.Data.Sqlite;
using ReportArchive.Storage.Compact;

namespace ReportArchive.Statistics;

/// <summary>
/// Reads stored figures of many reports at once: one query over the <c>report_figures</c> table (one compact row
/// a report), the report ids passed as a JSON array in a bound parameter (json_each), never spliced into the SQL.
/// </summary>
internal static class FigureValueReader
{
    /// <summary>Reports are read this many at a time, so memory stays bounded whatever the archive's size.</summary>
    public const int ChunkSize = 500;

    /// <summary>
    /// The figures of each report (key → value in template order, null when the cell is empty). With
    /// <paramref name="keys"/> null, every figure; otherwise only those keys. A report without any of them is absent
    /// from the result.
    /// </summary>
    public static Dictionary<long, Dictionary<string, decimal?>> Read(
        SqliteConnection connection, IReadOnlyCollection<long> reportIds, IReadOnlyCollection<string>? keys)
    {
        var wanted = keys is null ? null : new HashSet<string>(keys, StringComparer.Ordinal);
        var figures = new Dictionary<long, Dictionary<string, decimal?>>(reportIds.Count);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT report_id, figure_values FROM report_figures WHERE report_id IN (SELECT value FROM json_each($ids))";
        command.Parameters.AddWithValue("$ids", JsonSerializer.Serialize(reportIds));
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var values = FigureValues.Decode((byte[])reader.GetValue(1), wanted);
            if (values.Count > 0)
            {
                figures[reader.GetInt64(0)] = values;
            }
        }

        return figures;
    }
}
