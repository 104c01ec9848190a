using System.Text.Json;
using Microsoft.Data.Sqlite;
using ReportArchive.Storage.Compact;

namespace ReportArchive.Search;

/// <summary>
/// Finds the reports whose figures satisfy every condition: one pass over the compact figure rows (one row of
/// ~250 bytes a report), reading only the conditions' keys from each. When the query already narrowed the reports
/// down, only their rows are read.
/// </summary>
internal static class FigureFilter
{
    /// <param name="among">The reports to consider, or null for every report.</param>
    public static HashSet<long> ReportsPassing(SqliteConnection connection, IReadOnlyList<FigureCondition> conditions, IReadOnlyCollection<long>? among)
    {
        var keys = conditions.Select(c => FigureValues.Position(c.Key)).ToArray();
        var passing = new HashSet<long>();
        using var command = connection.CreateCommand();
        if (among is null)
        {
            command.CommandText = "SELECT report_id, figure_values FROM report_figures";
        }
        else
        {
            command.CommandText = "SELECT report_id, figure_values FROM report_figures WHERE report_id IN (SELECT value FROM json_each($ids))";
            command.Parameters.AddWithValue("$ids", JsonSerializer.Serialize(among));
        }

        var buffer = new byte[1024];
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var length = (int)reader.GetBytes(1, 0, null, 0, 0);
            if (length > buffer.Length)
            {
                buffer = new byte[Math.Max(length, buffer.Length * 2)];
            }

            reader.GetBytes(1, 0, buffer, 0, length);
            if (Passes(buffer.AsSpan(0, length), conditions, keys))
            {
                passing.Add(reader.GetInt64(0));
            }
        }

        return passing;
    }

    private static bool Passes(ReadOnlySpan<byte> figures, IReadOnlyList<FigureCondition> conditions, FigureKeyPosition[] keys)
    {
        for (var i = 0; i < keys.Length; i++)
        {
            if (!FigureValues.TryRead(figures, keys[i], out var value) || value is not { } number || !conditions[i].Holds(number))
            {
                return false;
            }
        }

        return true;
    }
}
