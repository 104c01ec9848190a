using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using ReportArchive.Analysis.Normalization;
using ReportArchive.Documents;
using ReportArchive.Figures;
using ReportArchive.Regions;
using ReportArchive.Storage.Compact;
using ReportArchive.TextIndex;

namespace ReportArchive.Storage;

/// <summary>
/// Reads and writes reports, their figures, checks and text index segments, always together: a batch of reports and
/// the index segment holding them are one transaction.
/// </summary>
public sealed class ReportStore
{
    /// <summary>Reports per segment when an archive without a text index (older schema) is indexed at open.</summary>
    private const int RebuildSegmentSize = 2048;

    /// <summary>From this many texts on, <c>GetTexts</c> decompresses in parallel.</summary>
    private const int ParallelDecompressionFrom = 32;

    public ReportStore(ArchiveDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        Database = database;
        IndexReportsWithoutSegments();
    }

    public ArchiveDatabase Database { get; }

    /// <summary>The text index's segments, with the ones already loaded kept in memory for the next search.</summary>
    public TextIndexStore TextIndex { get; } = new();

    /// <summary>Figures of every report as in-memory columns, for figure filters and statistics.</summary>
    public FigureColumnCache FigureColumns { get; } = new();

    /// <summary>
    /// Writes a batch in one transaction, each report in its own savepoint: a report that fails leaves nothing
    /// behind and the others go on. Duplicates (same SHA-256) are not written and report the stored id.
    /// </summary>
    public IReadOnlyList<WriteOutcome> Add(IReadOnlyList<IndexedReport> reports, DateTimeOffset importedAt, int parserVersion) =>
        Write(reports, null, importedAt, parserVersion);

    /// <summary>
    /// Writes one report with its original file (bytes and media type) in one transaction; a duplicate (same
    /// SHA-256) writes nothing and reports the stored id.
    /// </summary>
    public WriteOutcome AddWithSource(IndexedReport report, ReportSourceFile source, DateTimeOffset importedAt, int parserVersion)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(source);
        return Write([report], [source], importedAt, parserVersion)[0];
    }

    private IReadOnlyList<WriteOutcome> Write(
        IReadOnlyList<IndexedReport> reports, IReadOnlyList<ReportSourceFile>? sources, DateTimeOffset importedAt, int parserVersion)
    {
        ArgumentNullException.ThrowIfNull(reports);
        Database.ThrowIfDamaged();
        var outcomes = new List<WriteOutcome>(reports.Count);
        using var connection = Database.OpenConnection();
        using var transaction = connection.BeginTransaction(deferred: false);
        using var writer = new ReportWriter(connection, transaction);
        for (var i = 0; i < reports.Count; i++)
        {
            transaction.Save("report");
            try
            {
                var outcome = writer.Write(reports[i], importedAt, parserVersion);
                if (sources is not null && outcome is { Error: null, Duplicate: false })
                {
                    writer.WriteSource(outcome.Id, sources[i]);
                }

                outcomes.Add(outcome);
                transaction.Release("report");
            }
            catch (SqliteException exception) when (!ArchiveDatabase.IsFileFailure(exception)) // a full disk is not this report's fault
            {
                transaction.Rollback("report");
                outcomes.Add(WriteOutcome.Failed($"database error: {exception.Message}"));
            }
        }

        var stored = Enumerable.Range(0, reports.Count).Where(i => outcomes[i] is { Error: null, Duplicate: false }).ToList();
        if (stored.Count > 0)
        {
            var segment = new SegmentBuilder();
            foreach (var i in stored)
            {
                segment.Add(outcomes[i].Id, reports[i].IndexTokens);
            }

            AppendSegment(connection, transaction, segment);
        }

        writer.BumpGeneration();
        transaction.Commit();
        return outcomes;
    }

    /// <summary>Stores a segment and lets the merge policy fold small segments together (deleted reports dropped).</summary>
    private void AppendSegment(SqliteConnection connection, SqliteTransaction transaction, SegmentBuilder segment)
    {
        TextIndex.Append(connection, transaction, segment.Build());
        var stored = new StoredReportIds(connection, transaction);
        TextIndex.MergeIfNeeded(connection, transaction, stored.Contains);
    }

    /// <summary>
    /// Whether a report is still stored, for a merge to drop deleted reports' postings: the ids are read a range at a
    /// time (a merge asks in ascending id order, so each range once) instead of every report's id for every merge (at
    /// 100,000 reports an import merges 54 times).
    /// </summary>
    private sealed class StoredReportIds(SqliteConnection connection, SqliteTransaction transaction)
    {
        private const long RangeLength = 32_768;

        private readonly HashSet<long> _ids = [];
        private long _from = 1;
        private long _to; // the ids read cover [_from, _to]; none yet

        public bool Contains(long id)
        {
            if (id < _from || id > _to)
            {
                Read(id);
            }

            return _ids.Contains(id);
        }

        private void Read(long from)
        {
            _ids.Clear();
            _from = from;
            _to = from + RangeLength - 1;
            using var command = Command(connection, transaction, "SELECT id FROM reports WHERE id BETWEEN $from AND $to", ("$from", _from), ("$to", _to));
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                _ids.Add(reader.GetInt64(0));
            }
        }
    }

    /// <summary>
    /// An archive written before the text index (schema 0006) holds reports and no segments, and one written by an
    /// older version of the index holds segments of an older format: (re)index its reports now, in one transaction,
    /// from their stored texts.
    /// </summary>
    private void IndexReportsWithoutSegments()
    {
        using var connection = Database.OpenConnection();
        using (var check = connection.CreateCommand())
        {
            check.CommandText = "SELECT EXISTS (SELECT 1 FROM reports) AND NOT EXISTS (SELECT 1 FROM text_index_segments)";
            if ((long)check.ExecuteScalar()! == 0 && !TextIndexStore.HasOutdatedSegments(connection))
            {
                return;
            }
        }

        using var transaction = connection.BeginTransaction(deferred: false);
        using (var clear = Command(connection, transaction, "DELETE FROM text_index_segments"))
        {
            clear.ExecuteNonQuery();
        }

        var segment = new SegmentBuilder();
        using (var select = Command(connection, transaction, """
            SELECT r.id, r.title, r.agency, t.text FROM reports r JOIN report_texts t ON t.report_id = r.id ORDER BY r.id
            """))
        using (var reader = select.ExecuteReader())
        {
            while (reader.Read())
            {
                segment.Add(
                    reader.GetInt64(0),
                    reader.IsDBNull(1) ? "" : TextNormalizer.NormalizeToString(reader.GetString(1)),
                    reader.IsDBNull(2) ? "" : TextNormalizer.NormalizeToString(reader.GetString(2)),
                    TextNormalizer.NormalizeToString(CompressedText.Decompress(reader.GetFieldValue<byte[]>(3))));
                if (segment.DocumentCount == RebuildSegmentSize)
                {
                    TextIndex.Append(connection, transaction, segment.Build());
                    segment = new SegmentBuilder();
                }
            }
        }

        if (segment.DocumentCount > 0)
        {
            TextIndex.Append(connection, transaction, segment.Build());
        }

        // the segments of 2,048 reports merge as imported ones do (at 100,000 reports: 49 segments → 7), so searches
        // after a re-index read as few segments as after an import
        TextIndex.MergeIfNeeded(connection, transaction, _ => true);
        using (var bump = Command(connection, transaction, "UPDATE archive_state SET value = value + 1 WHERE key = 'generation'"))
        {
            bump.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    /// <summary>
    /// Deletes a report and everything written with it — text, figures, checks, its original file — and
    /// bumps the generation, in one transaction. Its postings stay in
    /// their immutable index segment until the next merge drops them; searches never see them, since matches are
    /// taken only for reports in the catalog.
    /// </summary>
    /// <returns>False when there is no report with that id.</returns>
    public bool Delete(long id)
    {
        Database.ThrowIfDamaged();
        using var connection = Database.OpenConnection();
        using var transaction = connection.BeginTransaction(deferred: false);
        using (var select = Command(connection, transaction, "SELECT 1 FROM reports WHERE id = $id", ("$id", id)))
        {
            if (select.ExecuteScalar() is null)
            {
                return false;
            }
        }

        foreach (var sql in (string[])[
            "DELETE FROM report_texts WHERE report_id = $id",
            "DELETE FROM report_figures WHERE report_id = $id",
            "DELETE FROM report_checks WHERE report_id = $id",
            "DELETE FROM report_figure_sources WHERE report_id = $id",
            "DELETE FROM report_sources WHERE report_id = $id",
            "DELETE FROM reports WHERE id = $id",
        ])
        {
            using var delete = Command(connection, transaction, sql, ("$id", id));
            delete.ExecuteNonQuery();
        }

        using (var bump = Command(connection, transaction, "UPDATE archive_state SET value = value + 1 WHERE key = 'generation'"))
        {
            bump.ExecuteNonQuery();
        }

        transaction.Commit();
        return true;
    }

    /// <summary>The original file of a report, or null when the archive did not keep it (or there is no such report).</summary>
    public ReportSourceFile? GetSource(long id)
    {
        using var connection = Database.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT content_type, source_url, bytes FROM report_sources WHERE report_id = $id";
        command.Parameters.AddWithValue("$id", id);
        using var reader = command.ExecuteReader();
        return reader.Read()
            ? new ReportSourceFile(reader.GetString(0), reader.IsDBNull(1) ? null : new Uri(reader.GetString(1)), (byte[])reader.GetValue(2))
            : null;
    }

    public long? FindIdBySha256(string sha256)
    {
        using var connection = Database.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT id FROM reports WHERE sha256 = $sha";
        command.Parameters.AddWithValue("$sha", Sha256Column.Encode(sha256));
        return command.ExecuteScalar() is long id ? id : null;
    }

    /// <summary>The file name a report was imported from, or null when there is no report with that id.</summary>
    public string? FindFileName(long id)
    {
        using var connection = Database.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT file_name FROM reports WHERE id = $id";
        command.Parameters.AddWithValue("$id", id);
        return command.ExecuteScalar() as string;
    }

    public long Count()
    {
        using var connection = Database.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM reports";
        return (long)command.ExecuteScalar()!;
    }

    /// <summary>A number that changes whenever the archive's content changes.</summary>
    /// <summary>
    /// The reports published (<c>published_at</c>) on a day of any of the inclusive ranges, read through
    /// <paramref name="connection"/> (in its transaction, when it has one: the search's view).
    /// </summary>
    public HashSet<long> PublishedIn(SqliteConnection connection, IReadOnlyList<(DateOnly From, DateOnly To)> ranges)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(ranges);
        var ids = new HashSet<long>();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, published_at FROM reports WHERE published_at IS NOT NULL";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            if (DateOnly.TryParseExact(reader.GetString(1), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
                && ranges.Any(r => day >= r.From && day <= r.To))
            {
                ids.Add(reader.GetInt64(0));
            }
        }

        return ids;
    }

    /// <summary>
    /// The reports whose source address — the upload's <c>sourceUrl</c>, else the page's 原文链接 — is on one of
    /// <paramref name="sites"/>: a host (www.huichang.gov.cn), a domain it lies under (huichang.gov.cn), or an address it
    /// starts with (https://www.huichang.gov.cn/hcxxxgk/). Read through <paramref name="connection"/> (the search's view).
    /// </summary>
    public HashSet<long> FromSites(SqliteConnection connection, IReadOnlyList<string> sites)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(sites);
        var ids = new HashSet<long>();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT r.id, coalesce(s.source_url, r.source_url) FROM reports r LEFT JOIN report_sources s ON s.report_id = r.id
            WHERE coalesce(s.source_url, r.source_url) IS NOT NULL
            """;
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var address = reader.GetString(1);
            if (sites.Any(site => IsOnSite(address, site)))
            {
                ids.Add(reader.GetInt64(0));
            }
        }

        return ids;
    }

    private static bool IsOnSite(string address, string site)
    {
        if (site.Contains("://", StringComparison.Ordinal))
        {
            return address.StartsWith(site, StringComparison.OrdinalIgnoreCase);
        }

        if (!Uri.TryCreate(address, UriKind.Absolute, out var uri))
        {
            return false;
        }

        var host = uri.Host;
        return host.Equals(site, StringComparison.OrdinalIgnoreCase)
            || host.EndsWith("." + site, StringComparison.OrdinalIgnoreCase);
    }

    public long Generation(SqliteConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT value FROM archive_state WHERE key = 'generation'";
        return (long)command.ExecuteScalar()!;
    }

    public StoredReport? Get(long id)
    {
        using var connection = Database.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT r.id, r.file_name, r.sha256, r.imported_at, r.parser_version, r.title, r.agency, r.year, r.province,
                   r.city, r.county, r.region_code, r.region_ambiguous, r.region_candidates, r.level, r.template, r.warnings,
                   t.text, f.figure_values, c.checks, r.agency_types, r.published_at,
                   coalesce((SELECT u.source_url FROM report_sources u WHERE u.report_id = r.id), r.source_url),
                   s.sources
            FROM reports r
            JOIN report_texts t ON t.report_id = r.id
            JOIN report_figures f ON f.report_id = r.id
            JOIN report_checks c ON c.report_id = r.id
            LEFT JOIN report_figure_sources s ON s.report_id = r.id
            WHERE r.id = $id
            """;
        command.Parameters.AddWithValue("$id", id);
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            return null;
        }

        var region = new ResolvedRegion(
            NullableString(reader, 8), NullableString(reader, 9), NullableString(reader, 10), NullableString(reader, 11),
            reader.GetInt64(12) != 0,
            RegionCandidateColumn.Decode(NullableString(reader, 13)));
        var metadata = new ReportMetadata(
            NullableString(reader, 5), NullableString(reader, 6), reader.IsDBNull(7) ? null : reader.GetInt32(7),
            region, NullableString(reader, 14), StringListColumn.Decode(NullableString(reader, 20)),
            NullableString(reader, 21) is { } published ? DateOnly.ParseExact(published, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
            NullableString(reader, 22));
        var template = NullableString(reader, 15);
        var figures = FigureValues.Decode(Blob(reader, 18));
        var text = Decompress(reader.GetInt64(0), Blob(reader, 17));
        return new StoredReport(
            reader.GetInt64(0), reader.GetString(1), Sha256Column.Decode(reader.GetValue(2)),
            ImportTimeColumn.Decode(reader.GetValue(3)),
            reader.GetInt32(4), metadata, template,
            figures, CheckList.Decode(Blob(reader, 19), template, figures),
            StringListColumn.Decode(NullableString(reader, 16)),
            text)
        {
            FigureSources = FigureSourceList.Decode(reader.IsDBNull(23) ? null : (byte[])reader.GetValue(23), text),
        };
    }

    /// <summary>A stored text, decompressed; one that cannot be is a <see cref="DamagedRowException"/> naming the report.</summary>
    private static string Decompress(long id, ReadOnlySpan<byte> stored)
    {
        try
        {
            return CompressedText.Decompress(stored);
        }
        catch (InvalidDataException exception)
        {
            throw new DamagedRowException($"the stored text of report {id} is damaged: {exception.Message}", exception);
        }
    }

    /// <summary>
    /// The original texts of the given reports (for verification and snippets), decompressed — on every core when
    /// there are many (a rescoring window of 100 texts is ~30–50 µs of Brotli and UTF-8 decoding each).
    /// </summary>
    public IReadOnlyDictionary<long, string> GetTexts(IReadOnlyCollection<long> ids)
    {
        using var connection = Database.OpenConnection();
        return GetTexts(connection, ids);
    }

    /// <summary>The texts as read through <paramref name="connection"/>, within its transaction when one is open (a search's view).</summary>
    public IReadOnlyDictionary<long, string> GetTexts(SqliteConnection connection, IReadOnlyCollection<long> ids)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var stored = ReadPairs(
            connection, "SELECT report_id, text FROM report_texts WHERE report_id IN (SELECT value FROM json_each($keys))",
            ids, EqualityComparer<long>.Default, r => (r.GetInt64(0), (byte[])r.GetValue(1))).ToArray();
        var texts = new string[stored.Length];
        if (stored.Length >= ParallelDecompressionFrom)
        {
            Parallel.For(0, stored.Length, i => texts[i] = Decompress(stored[i].Key, stored[i].Value));
        }
        else
        {
            for (var i = 0; i < stored.Length; i++)
            {
                texts[i] = Decompress(stored[i].Key, stored[i].Value);
            }
        }

        var result = new Dictionary<long, string>(stored.Length);
        for (var i = 0; i < stored.Length; i++)
        {
            result[stored[i].Key] = texts[i];
        }

        return result;
    }

    /// <summary>
    /// The figure sources (where each figure's cell or sentence is in the text) of the reports whose texts are given,
    /// as read through <paramref name="connection"/>; a report without stored sources, or whose sources no longer
    /// decode, is left out.
    /// </summary>
    public IReadOnlyDictionary<long, IReadOnlyList<FigureSource>> GetFigureSources(SqliteConnection connection, IReadOnlyDictionary<long, string> texts)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(texts);
        var stored = ReadPairs(
            connection, "SELECT report_id, sources FROM report_figure_sources WHERE report_id IN (SELECT value FROM json_each($keys))",
            texts.Keys.ToList(), EqualityComparer<long>.Default, r => (r.GetInt64(0), r.IsDBNull(1) ? null : (byte[])r.GetValue(1)));
        var sources = new Dictionary<long, IReadOnlyList<FigureSource>>(stored.Count);
        foreach (var (id, bytes) in stored)
        {
            if (bytes is null || !texts.TryGetValue(id, out var text))
            {
                continue;
            }

            try
            {
                sources[id] = FigureSourceList.Decode(bytes, text).Values.ToList();
            }
            catch (InvalidDataException)
            {
                // sources that no longer decode only cost a passage its cell labels; GET /api/reports/{id} names the damage
            }
        }

        return sources;
    }

    /// <summary>Looks many keys up in one query (the keys travel as one JSON parameter) and reads (key, value) rows.</summary>
    private static Dictionary<TKey, TValue> ReadPairs<TKey, TValue>(
        SqliteConnection connection, string sql, IReadOnlyCollection<TKey> keys, IEqualityComparer<TKey> comparer,
        Func<SqliteDataReader, (TKey, TValue)> read)
        where TKey : notnull
    {
        var pairs = new Dictionary<TKey, TValue>(keys.Count, comparer);
        if (keys.Count == 0)
        {
            return pairs;
        }

        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$keys", JsonSerializer.Serialize(keys));
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var (key, value) = read(reader);
            pairs[key] = value;
        }

        return pairs;
    }

    private static SqliteCommand Command(
        SqliteConnection connection, SqliteTransaction transaction, string sql, params (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return command;
    }

    private static ReadOnlySpan<byte> Blob(SqliteDataReader reader, int ordinal) => (byte[])reader.GetValue(ordinal);

    private static string? NullableString(SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
