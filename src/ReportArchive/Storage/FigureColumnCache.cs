using Microsoft.Data.Sqlite;
using ReportArchive.Storage.Compact;

namespace ReportArchive.Storage;

/// <summary>
/// One figure of every report as an in-memory column (the reports that give it, by ascending id, and its values),
/// built by one pass over the compact figure rows (one ~250-byte row a report, reading only that key) and kept until
/// the archive's generation changes; the last <see cref="MaxColumns"/> figures used are kept. Figure filters in
/// search and figure statistics then work on arrays (docs/performance.md). Thread-safe.
/// </summary>
public sealed class FigureColumnCache
{
    /// <summary>Columns kept at once: ~24 bytes a report each (2.4 MB at 100,000 reports).</summary>
    public const int MaxColumns = 16;

    private readonly Lock _lock = new();
    private readonly Dictionary<string, (FigureColumn Column, long LastUse)> _columns = new(StringComparer.Ordinal);
    private long _generation = -1;
    private long _uses;

    /// <param name="generation">The archive's generation in the snapshot <paramref name="connection"/> reads.</param>
    public FigureColumn Column(SqliteConnection connection, long generation, string key)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(key);
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
        command.CommandText = "SELECT report_id, figure_values FROM report_figures ORDER BY report_id";
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
}
