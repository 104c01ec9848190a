using Microsoft.Data.Sqlite;
using ReportArchive.Storage.Compact;

namespace ReportArchive.Storage;

/// <summary>
/// One figure of every report as an in-memory column (the reports that give it, by ascending id, and its values),
/// built by one pass over the compact figure rows (one ~250-byte row a report, reading only that key) and then kept
/// up to date by reading only the reports added since: report ids only grow and a report's figures never change, so a
/// column read in any earlier view is a prefix of the column in a later one. A deleted report's value stays in the
/// column; callers look values up for the reports of their catalog only. The last <see cref="MaxColumns"/> figures
/// used are kept. Figure filters in search and figure statistics then work on arrays (docs/performance.md).
/// Thread-safe.
/// </summary>
public sealed class FigureColumnCache
{
    /// <summary>Columns kept at once: ~24 bytes a report each (2.4 MB at 100,000 reports).</summary>
    public const int MaxColumns = 16;

    private readonly Lock _lock = new();
    private readonly Dictionary<string, (FigureColumn Column, long LastUse)> _columns = new(StringComparer.Ordinal);
    private long _uses;

    /// <summary>
    /// The figure's column holding at least every report of the view <paramref name="connection"/> reads (call it
    /// inside the caller's read transaction); it may hold reports added after that view too.
    /// </summary>
    public FigureColumn Column(SqliteConnection connection, string key)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(key);
        FigureColumn known;
        lock (_lock)
        {
            known = _columns.TryGetValue(key, out var cached) ? cached.Column : FigureColumn.Empty;
        }

        var added = Read(connection, key, known.LastId);
        lock (_lock)
        {
            var current = _columns.TryGetValue(key, out var cached) ? cached.Column : FigureColumn.Empty;
            if (current.LastId < known.LastId)
            {
                current = known; // evicted meanwhile (appending to it copies if a longer column shares its arrays)
            }

            // another reader may have appended past what this one read: append only what is still new
            var column = current.Append(added.FindAll(a => a.Id > current.LastId));
            if (!_columns.ContainsKey(key) && _columns.Count >= MaxColumns)
            {
                _columns.Remove(_columns.MinBy(c => c.Value.LastUse).Key);
            }

            _columns[key] = (column, ++_uses);
            return column;
        }
    }

    /// <summary>One pass over the figure rows of reports above <paramref name="afterId"/>: those that give the figure (not null) and its value.</summary>
    private static List<(long Id, decimal Value)> Read(SqliteConnection connection, string key, long afterId)
    {
        var position = FigureValues.Position(key);
        var rows = new List<(long, decimal)>();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT report_id, figure_values FROM report_figures WHERE report_id > $after ORDER BY report_id";
        command.Parameters.AddWithValue("$after", afterId);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            // GetValue copies the blob once; GetBytes would copy it on every call
            if (FigureValues.TryRead((byte[])reader.GetValue(1), position, out var value) && value is { } number)
            {
                rows.Add((reader.GetInt64(0), number));
            }
        }

        return rows;
    }
}
