using Microsoft.Data.Sqlite;
using ReportArchive.Storage;

namespace ReportArchive.Search;

/// <summary>
/// Finds the reports whose figures satisfy every condition: one pass over each condition's figure column
/// (<see cref="FigureColumnCache"/>, built once per archive generation).
/// </summary>
internal static class FigureFilter
{
    /// <param name="generation">The archive's generation in the snapshot <paramref name="connection"/> reads.</param>
    public static HashSet<long> ReportsPassing(
        FigureColumnCache columns, SqliteConnection connection, long generation, IReadOnlyList<FigureCondition> conditions)
    {
        HashSet<long>? passing = null;
        foreach (var condition in conditions)
        {
            var column = columns.Column(connection, generation, condition.Key);
            var ids = new HashSet<long>();
            for (var i = 0; i < column.Ids.Length; i++)
            {
                if (condition.Holds(column.Values[i]) && (passing is null || passing.Contains(column.Ids[i])))
                {
                    ids.Add(column.Ids[i]);
                }
            }

            passing = ids;
        }

        return passing ?? [];
    }
}
