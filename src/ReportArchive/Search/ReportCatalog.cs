using Microsoft.Data.Sqlite;
using ReportArchive.Storage;

namespace ReportArchive.Search;

/// <summary>
/// An in-memory copy of every report's filter and display fields (a few hundred bytes a report), so filters, facet
/// counts and sorting never go back to the database. Reloaded when the archive's generation changes; each search
/// works on one immutable snapshot.
/// </summary>
public sealed class ReportCatalog(ReportStore store)
{
    private readonly Lock _reloadLock = new();
    private Snapshot _snapshot = new(-1, new Dictionary<long, CatalogEntry>());

    public IReadOnlyDictionary<long, CatalogEntry> Current(SqliteConnection connection)
    {
        var generation = store.Generation(connection);
        var snapshot = _snapshot;
        if (snapshot.Generation == generation)
        {
            return snapshot.Entries;
        }

        lock (_reloadLock)
        {
            if (_snapshot.Generation != generation)
            {
                _snapshot = new Snapshot(generation, Load(connection));
            }

            return _snapshot.Entries;
        }
    }

    private static Dictionary<long, CatalogEntry> Load(SqliteConnection connection)
    {
        var types = new Dictionary<long, List<string>>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT report_id, agency_type FROM report_agency_types ORDER BY report_id, ordinal";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var id = reader.GetInt64(0);
                if (!types.TryGetValue(id, out var list))
                {
                    types[id] = list = [];
                }

                list.Add(string.Intern(reader.GetString(1)));
            }
        }

        var entries = new Dictionary<long, CatalogEntry>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT id, file_name, title, agency, year, province, city, county, region_code, level, failed_checks FROM reports";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var id = reader.GetInt64(0);
                entries[id] = new CatalogEntry(
                    id,
                    reader.GetString(1),
                    Text(reader, 2),
                    Text(reader, 3),
                    reader.IsDBNull(4) ? null : reader.GetInt32(4),
                    Interned(reader, 5),
                    Interned(reader, 6),
                    Interned(reader, 7),
                    Interned(reader, 8),
                    Interned(reader, 9),
                    types.TryGetValue(id, out var list) ? list : [],
                    reader.GetInt32(10));
            }
        }

        return entries;
    }

    private static string? Text(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static string? Interned(SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : string.Intern(reader.GetString(ordinal));

    private sealed record Snapshot(long Generation, Dictionary<long, CatalogEntry> Entries);
}
