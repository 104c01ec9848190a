using Microsoft.Data.Sqlite;
using ReportArchive.Storage;

namespace ReportArchive.Search;

/// <summary>
/// Finds the reports whose figures satisfy every condition: one pass over each condition's figure column
/// (<see cref="FigureColumnCache"/>, kept in memory and extended by the reports added since it was read).
/// </summary>
internal static class FigureFilter
{
    /// <summary>The reports passing every condition among those of the view <paramref name="connection"/> reads (and possibly later ones).</summary>
    public static HashSet<long> ReportsPassing(
        FigureColumnCache columns, SqliteConnection connection, IReadOnlyList<FigureCondition> conditions)
    {
        HashSet<long>? passing = null;
        foreach (var condition in conditions)
        {
            var column = columns.Column(connection, condition.Key);
            var reportIds = column.Ids;
            var values = column.Values;
            var ids = new HashSet<long>();
            for (var i = 0; i < reportIds.Length; i++)
            {
                if (condition.Holds(values[i]) && (passing is null || passing.Contains(reportIds[i])))
                {
                    ids.Add(reportIds[i]);
                }
            }

            passing = ids;
        }

        return passing ?? [];
    }
}
