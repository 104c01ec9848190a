using Microsoft.Data.Sqlite;

namespace ReportArchive.Search;

/// <summary>Finds the reports whose figures satisfy every condition, with the figures table's (key, value) index.</summary>
internal static class FigureFilter
{
    public static HashSet<long> ReportsPassing(SqliteConnection connection, IReadOnlyList<FigureCondition> conditions)
    {
        HashSet<long>? passing = null;
        foreach (var condition in conditions)
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT report_id FROM figures WHERE key = $key AND value IS NOT NULL AND value {condition.SqlOperator} $value";
            command.Parameters.AddWithValue("$key", condition.Key);
            command.Parameters.AddWithValue("$value", (double)condition.Value);
            var ids = new HashSet<long>();
            using (var reader = command.ExecuteReader())
            {
                while (reader.Read())
                {
                    ids.Add(reader.GetInt64(0));
                }
            }

            if (passing is null)
            {
                passing = ids;
            }
            else
            {
                passing.IntersectWith(ids);
            }
        }

        return passing ?? [];
    }
}
