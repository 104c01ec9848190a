using Microsoft.Data.Sqlite;
using ReportArchive.Storage;
using ReportArchive.Storage.Compact;

namespace ReportArchive.Search.Catalog;

/// <summary>
/// An in-memory copy of every report's filter and display fields (a few hundred bytes a report), so filters, facet
/// counts and sorting never go back to the database. Refreshed when the archive's generation changes: reports added
/// since are read on their own (ids only grow), a delete reloads everything; each search works on one immutable
/// <see cref="CatalogSnapshot"/>. The published snapshot only moves forward: a reader whose view is older than it
/// starts a newer view instead of pulling the catalog back (readers of different views used to take turns reloading
/// every report while uploads ran — seconds each at 100,000 reports).
/// </summary>
public sealed class ReportCatalog(ReportStore store)
{
    /// <summary>Views begun before a reader gives up on catching the published catalog and loads its own.</summary>
    private const int ViewAttempts = 4;

    private readonly Lock _refreshLock = new();
    private CatalogSnapshot _snapshot = CatalogSnapshot.Empty;

    /// <summary>
    /// Begins a read transaction on <paramref name="connection"/> and returns it with the catalog of its view, so the
    /// catalog and whatever else the caller reads in the transaction (the text index, figures) agree. The view is at
    /// least as new as the catalog already published; dispose the transaction to end the view.
    /// </summary>
    public (SqliteTransaction View, CatalogSnapshot Catalog) BeginView(SqliteConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        for (var attempt = 1; ; attempt++)
        {
            var view = connection.BeginTransaction(deferred: true);
            try
            {
                var generation = store.Generation(connection); // the first read fixes the view
                if (Published(generation, connection) is { } published)
                {
                    return (view, published);
                }

                if (attempt == ViewAttempts)
                {
                    return (view, new CatalogSnapshot(generation, [.. Load(connection, null)])); // not published: it is older
                }
            }
            catch
            {
                view.Dispose();
                throw;
            }

            view.Dispose(); // a newer catalog was published since this view began: a new view sees at least as much
        }
    }

    /// <summary>The published catalog at <paramref name="generation"/>, refreshed up to it if it is behind; null when it is ahead.</summary>
    internal CatalogSnapshot? Published(long generation, SqliteConnection connection)
    {
        var snapshot = _snapshot;
        if (snapshot.Generation < generation)
        {
            lock (_refreshLock)
            {
                if (_snapshot.Generation < generation)
                {
                    _snapshot = Refresh(_snapshot, generation, connection);
                }

                snapshot = _snapshot;
            }
        }

        return snapshot.Generation == generation ? snapshot : null;
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
