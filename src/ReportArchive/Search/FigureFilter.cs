using Microsoft.Data.Sqlite;
using ReportArchive.Storage.Compact;

namespace ReportArchive.Search;

/// <summary>
/// Finds the reports whose figures satisfy every condition. Each condition's figure is read as an in-memory column
/// (the reports that give it and their values), built by one pass over the compact figure rows (one ~250-byte row a
/// report, reading only that key) and kept until the archive's generation changes; the last
/// <see cref="MaxColumns"/> figures used are kept. A filter is then one pass over arrays (docs/performance.md).
/// </summary>
internal sealed class FigureFilter
{
    /// <summary>Columns kept at once: ~24 bytes a report each (2.4 MB at 100,000 reports).</summary>
    public const int MaxColumns = 16;

    private readonly Lock _lock = new();
    private readonly Dictionary<string, (FigureColumn Column, long LastUse)> _columns = new(StringComparer.Ordinal);
    private long _generation = -1;
    private long _uses;

    /// <param name="generation">The archive's generation in the snapshot <paramref name="connection"/> reads.</param>
    public HashSet<long> ReportsPassing(SqliteConnection connection, long generation, IReadOnlyList<FigureCondition> conditions)
    {
        HashSet<long>? passing = null;
        foreach (var condition in conditions)
        {
            var column = Column(connection, generation, condition.Key);
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

    private FigureColumn Column(SqliteConnection connection, long generation, string key)
    {
        lock (_lock)
        {
            if (_generation != generation)
            {
                _columns.Clear();
                _generation = generation;
            }

            if (_columns.TryGetValue(key, out var cached))
            {
                _columns[key] = (cached.Column, ++_uses);
                return cached.Column;
            }
        }

        var column = Read(connection, key);
        lock (_lock)
        {
            if (_generation == generation)
            {
                if (_columns.Count >= MaxColumns)
                {
                    _columns.Remove(_columns.MinBy(c => c.Value.LastUse).Key);
                }

                _columns[key] = (column, ++_uses);
            }
        }

        return column;
    }

    /// <summary>One pass over the figure rows: the reports that give the figure (not null) and its value.</summary>
    private static FigureColumn Read(SqliteConnection connection, string key)
    {
        var position = FigureValues.Position(key);
        var ids = new List<long>();
        var values = new List<decimal>();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT report_id, figure_values FROM report_figures";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            // GetValue copies the blob once; GetBytes would copy it on every call
            if (FigureValues.TryRead((byte[])reader.GetValue(1), position, out var value) && value is { } number)
            {
                ids.Add(reader.GetInt64(0));
                values.Add(number);
            }
        }

        return new FigureColumn([.. ids], [.. values]);
    }

    private sealed record FigureColumn(long[] Ids, decimal[] Values);
}
