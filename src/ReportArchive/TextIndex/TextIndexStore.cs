using Microsoft.Data.Sqlite;

namespace ReportArchive.TextIndex;

/// <summary>
/// The text index's segments in the archive database (table <c>text_index_segments</c>, migration 0006): appended
/// and merged inside the caller's write transaction, loaded into a <see cref="TextIndexSnapshot"/>. Keeps the
/// segments it has loaded or appended by row id, so a later <see cref="Load"/> only reads rows it has not seen
/// (segments are immutable and a merged segment gets a new id). Thread-safe.
/// </summary>
public sealed class TextIndexStore
{
    private readonly Lock _lock = new();
    private Dictionary<long, IndexSegment> _loaded = [];

    /// <summary>How many segments are held in memory (loaded, or appended by this process): reads nothing.</summary>
    public int LoadedSegments
    {
        get
        {
            lock (_lock)
            {
                return _loaded.Count;
            }
        }
    }

    /// <summary>Stores a new segment; returns its row id.</summary>
    public long Append(SqliteConnection connection, SqliteTransaction transaction, IndexSegment segment)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(segment);
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO text_index_segments (first_report, last_report, documents, bytes, checksum)
            VALUES ($first, $last, $documents, $bytes, $checksum) RETURNING id
            """;
        command.Parameters.AddWithValue("$first", segment.FirstReportId);
        command.Parameters.AddWithValue("$last", segment.LastReportId);
        command.Parameters.AddWithValue("$documents", segment.DocumentCount);
        var bytes = segment.ToBytes();
        command.Parameters.Add("$bytes", SqliteType.Blob).Value = bytes;
        command.Parameters.AddWithValue("$checksum", SegmentChecksum.Of(bytes));
        var id = (long)command.ExecuteScalar()!;

        // Readers of this process find the segment in memory once the write commits, instead of reading its BLOB back
        // (a merged segment is tens of MB: every search right after a merge used to read it, each on its own). A
        // rolled-back id is never reused (AUTOINCREMENT) and drops out at the next load past it.
        lock (_lock)
        {
            _loaded = new Dictionary<long, IndexSegment>(_loaded) { [id] = segment };
        }

        return id;
    }

    /// <summary>
    /// Applies <see cref="TextIndexMergePolicy"/> until it chooses nothing: each chosen run of segments is replaced by
    /// their merge (reports <paramref name="keepReport"/> rejects are dropped), in the caller's transaction.
    /// Returns the number of merges.
    /// </summary>
    public int MergeIfNeeded(SqliteConnection connection, SqliteTransaction transaction, Func<long, bool> keepReport)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(keepReport);
        var merges = 0;
        while (true)
        {
            var chosen = TextIndexMergePolicy.Choose(Summaries(connection, transaction));
            if (chosen.Count < 2)
            {
                return merges;
            }

            var segments = chosen.Select(s => Read(connection, transaction, s.Id)).ToList();
            var merged = IndexSegment.Merge(segments, keepReport);
            using (var delete = connection.CreateCommand())
            {
                delete.Transaction = transaction;
                delete.CommandText = "DELETE FROM text_index_segments WHERE id = $id";
                var id = delete.Parameters.Add("$id", SqliteType.Integer);
                foreach (var summary in chosen)
                {
                    id.Value = summary.Id;
                    delete.ExecuteNonQuery();
                }
            }

            // the merged-away segments leave the memory too (an import without readers kept every segment it ever
            // wrote: about three times the index at 100,000 reports); a reader whose view still holds them reads them
            // back from their rows, and a rolled-back merge leaves its rows to be read again the same way
            lock (_lock)
            {
                _loaded = _loaded.Where(pair => !chosen.Any(s => s.Id == pair.Key)).ToDictionary();
            }

            if (merged.DocumentCount > 0)
            {
                Append(connection, transaction, merged);
            }

            merges++;
        }
    }

    /// <summary>The stored segments, by report order.</summary>
    public static IReadOnlyList<SegmentSummary> Summaries(SqliteConnection connection, SqliteTransaction? transaction = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            SELECT id, first_report, last_report, documents, length(bytes)
            FROM text_index_segments ORDER BY first_report, id
            """;
        using var reader = command.ExecuteReader();
        var summaries = new List<SegmentSummary>();
        while (reader.Read())
        {
            summaries.Add(new SegmentSummary(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt32(3), reader.GetInt64(4)));
        }

        return summaries;
    }

    /// <summary>
    /// True when some stored segment is not of the current format version (<see cref="IndexSegment.IsCurrentFormat"/>):
    /// written by an older build, it cannot be loaded, so the segments must be deleted and the reports indexed again.
    /// Reads each segment's 8-byte header only.
    /// </summary>
    public static bool HasOutdatedSegments(SqliteConnection connection, SqliteTransaction? transaction = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var header = new byte[8];
        foreach (var summary in Summaries(connection, transaction))
        {
            using var blob = new SqliteBlob(connection, "text_index_segments", "bytes", summary.Id, readOnly: true);
            var read = blob.Length >= header.Length ? blob.Read(header, 0, header.Length) : 0;
            if (!IndexSegment.IsCurrentFormat(header.AsSpan(0, read)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The current segments as a snapshot: rows already loaded are reused, new rows read. Call it inside the read
    /// transaction that also reads the catalog, for one consistent view.
    /// </summary>
    public TextIndexSnapshot Load(SqliteConnection connection, SqliteTransaction? transaction = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var summaries = Summaries(connection, transaction);
        Dictionary<long, IndexSegment> previous;
        lock (_lock)
        {
            previous = _loaded;
        }

        var current = new Dictionary<long, IndexSegment>(summaries.Count);
        foreach (var summary in summaries)
        {
            current[summary.Id] = previous.TryGetValue(summary.Id, out var segment)
                ? segment
                : ReadBytes(connection, transaction, summary.Id);
        }

        var snapshot = new TextIndexSnapshot([.. current.Values]);
        var newest = summaries.Count == 0 ? 0 : summaries.Max(s => s.Id);
        lock (_lock)
        {
            // keep what writers appended after this reader's view (ids above it): they commit for the next reader
            foreach (var (id, segment) in _loaded)
            {
                if (id > newest)
                {
                    current[id] = segment;
                }
            }

            _loaded = current;
        }

        return snapshot;
    }

    private IndexSegment Read(SqliteConnection connection, SqliteTransaction? transaction, long id)
    {
        lock (_lock)
        {
            if (_loaded.TryGetValue(id, out var segment))
            {
                return segment;
            }
        }

        return ReadBytes(connection, transaction, id);
    }

    /// <summary>
    /// Reads a segment's BLOB straight into one array of its size through incremental BLOB I/O (SQLite copies the
    /// overflow pages into it). A <c>SELECT bytes</c> costs 3-4x more: SQLite first assembles the whole value in a
    /// buffer of its own, then the provider copies it out (measured at 100,000 reports, 382 MB in 13 segments: 450-670
    /// ms of CPU against 90-170 ms). The handle reads through the connection, so inside whatever transaction it has open, with that view.
    /// The bytes are checked against the stored checksum before they are used: a damaged segment is a
    /// <see cref="SegmentDamagedException"/>, never a segment that silently finds fewer reports.
    /// </summary>
    private static IndexSegment ReadBytes(SqliteConnection connection, SqliteTransaction? transaction, long id)
    {
        var bytes = ReadVerified(connection, transaction, id);
        return IndexSegment.Load(bytes);
    }

    /// <summary>A segment's stored bytes, verified against its checksum (<see cref="SegmentChecksum"/>).</summary>
    public static byte[] ReadVerified(SqliteConnection connection, SqliteTransaction? transaction, long id)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var bytes = ReadStoredBytes(connection, id);
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT checksum FROM text_index_segments WHERE id = $id";
        command.Parameters.AddWithValue("$id", id);
        var stored = command.ExecuteScalar();
        if (stored is not long expected)
        {
            throw new SegmentDamagedException($"text index segment {id} has no checksum");
        }

        if (SegmentChecksum.Of(bytes) != expected)
        {
            throw new SegmentDamagedException($"text index segment {id} is damaged: its bytes do not match their checksum");
        }

        return bytes;
    }

    /// <summary>A segment's stored bytes as they are, unverified (the migration that records the checksums reads them so).</summary>
    public static byte[] ReadStoredBytes(SqliteConnection connection, long id)
    {
        ArgumentNullException.ThrowIfNull(connection);
        SqliteBlob blob;
        try
        {
            blob = new SqliteBlob(connection, "text_index_segments", "bytes", id, readOnly: true);
        }
        catch (SqliteException exception) when (exception.SqliteErrorCode == 1) // SQLITE_ERROR: no such row
        {
            throw new InvalidOperationException($"text index segment {id} is missing", exception);
        }

        using (blob)
        {
            var bytes = GC.AllocateUninitializedArray<byte>(checked((int)blob.Length));
            var read = 0;
            while (read < bytes.Length)
            {
                var count = blob.Read(bytes, read, bytes.Length - read);
                if (count <= 0)
                {
                    throw new InvalidDataException($"text index segment {id} ended after {read} of {bytes.Length} bytes");
                }

                read += count;
            }

            return bytes;
        }
    }
}
