using Microsoft.Data.Sqlite;
using ReportArchive.Storage;
using ReportArchive.Storage.Compact;

namespace ReportArchive.Search.Catalog;

/// <summary>
/// An in-memory copy of every report's filter and display fields (a few hundred bytes a report), so filters, facet
/// counts and sorting never go back to the database. Refreshed when the archive's generation changes: reports added
/// since are read on their own (ids only grow), a delete reloads everything; each search works on one immutable
/// <see cref="CatalogSnapshot"/>.
/// </summary>
public sealed class ReportCatalog(ReportStore store)
{
    private readonly Lock _reloadLock = new();
    private CatalogSnapshot _snapshot = CatalogSnapshot.Empty;

    /// <summary>The catalog as of the connection's current view (call inside the search's read transaction).</summary>
    public CatalogSnapshot Current(SqliteConnection connection)
    {
        var generation = store.Generation(connection);
        var snapshot = _snapshot;
        if (snapshot.Generation == generation)
        {
            return snapshot;
        }

        lock (_reloadLock)
        {
            if (_snapshot.Generation != generation)
            {
                _snapshot = Refresh(_snapshot, generation, connection);
            }

            return _snapshot;
        }
    }

    private static CatalogSnapshot Refresh(CatalogSnapshot previous, long generation, SqliteConnection connection)
    {
        var lastId = previous.Count == 0 ? long.MinValue : previous.Entries[^1].Id;
        var added = Load(connection, previous.Count == 0 ? null : lastId);
        if (previous.Count > 0 && previous.Count + added.Count != Count(connection))
        {
            return new CatalogSnapshot(generation, [.. Load(connection, null)]); // something was deleted
        }

        return previous.Count == 0 ? new CatalogSnapshot(generation, [.. added]) : previous.Append(generation, added);
    }

    private static long Count(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM reports";
        return (long)command.ExecuteScalar()!;
    }

    /// <summary>The reports with an id above <paramref name="afterId"/> (all when null), by ascending id.</summary>
    private static List<CatalogEntry> Load(SqliteConnection connection, long? afterId)
    {
        var entries = new List<CatalogEntry>();
        var agencyTypes = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal); // a few hundred distinct lists
        using (var command = connection.CreateCommand())
        {
            command.CommandText = """
                SELECT id, file_name, title, agency, year, province, city, county, region_code, level, failed_checks, agency_types
                FROM reports WHERE id > $after ORDER BY id
                """;
            command.Parameters.AddWithValue("$after", afterId ?? long.MinValue);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var id = reader.GetInt64(0);
                entries.Add(new CatalogEntry(
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
                    AgencyTypes(reader, 11, agencyTypes),
                    reader.GetInt32(10)));
            }
        }

        return entries;
    }

    /// <summary>The report's agency types (a JSON array on the row since migration 0009), one list shared by every report with the same types.</summary>
    private static IReadOnlyList<string> AgencyTypes(SqliteDataReader reader, int ordinal, Dictionary<string, IReadOnlyList<string>> decoded)
    {
        if (reader.IsDBNull(ordinal))
        {
            return [];
        }

        var stored = reader.GetString(ordinal);
        if (!decoded.TryGetValue(stored, out var types))
        {
            decoded[stored] = types = StringListColumn.Decode(stored).ConvertAll(string.Intern).AsReadOnly();
        }

        return types;
    }

    private static string? Text(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static string? Interned(SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : string.Intern(reader.GetString(ordinal));
}
