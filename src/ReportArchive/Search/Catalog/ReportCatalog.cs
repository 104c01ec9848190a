using Microsoft.Data.Sqlite;
using ReportArchive.Storage;

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

    /// <summary>The snapshot held in memory, as last published (<see cref="CatalogSnapshot.Empty"/> before the first load): reads nothing.</summary>
    public CatalogSnapshot Loaded => _snapshot;

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
                    return (view, CatalogSnapshot.FromRows(generation, CatalogRowReader.Read(connection, null))); // not published: it is older
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
