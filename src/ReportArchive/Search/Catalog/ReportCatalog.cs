using Microsoft.Data.Sqlite;
using ReportArchive.Storage;

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

    /// <summary>The snapshot held in memory, as last loaded (<see cref="CatalogSnapshot.Empty"/> before the first load): reads nothing.</summary>
    public CatalogSnapshot Loaded => _snapshot;

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
        if (previous.Count == 0)
        {
            return CatalogSnapshot.FromRows(generation, CatalogRowReader.Read(connection, null));
        }

        var added = CatalogRowReader.Read(connection, previous.Entries[^1].Id).Entries;
        return previous.Count + added.Length == Count(connection)
            ? previous.Append(generation, added)
            : CatalogSnapshot.FromRows(generation, CatalogRowReader.Read(connection, null)); // something was deleted
    }

    private static long Count(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM reports";
        return (long)command.ExecuteScalar()!;
    }
}
