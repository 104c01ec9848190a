using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using ReportArchive.Storage.Compact;
using SQLitePCL;

namespace ReportArchive.Search.Catalog;

/// <summary>
/// Reads the catalog fields of the reports (agency types included, a JSON list on the row since migration 0009)
/// straight from SQLite's rows: values come as UTF-8 bytes and go through one <see cref="Utf8ValuePool"/> per field,
/// so a repeated value (or list of agency types) is decoded once and its ordinal is known as the row is read. Reads only the columns named below, so other columns of <c>reports</c> may change.
/// At 100,000 reports this is several times cheaper than reading every value as a string through the ADO.NET reader
/// (docs/performance.md, "Start-to-ready").
/// </summary>
internal static class CatalogRowReader
{
    private const string ReportsSql = """
        SELECT id, file_name, title, agency, year, province, city, county, region_code, level, failed_checks, agency_types
        FROM reports WHERE id > ?1 ORDER BY id
        """;

    /// <summary>
    /// The reports with an id above <paramref name="afterId"/> (all when null), by ascending id. Reads through the
    /// connection, so inside the transaction it has open (if any), with that view.
    /// </summary>
    public static CatalogRows Read(SqliteConnection connection, long? afterId)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var database = connection.Handle ?? throw new InvalidOperationException("the connection is not open");
        var after = afterId ?? long.MinValue;
        var entries = new List<CatalogEntry>();
        var texts = new Utf8ValuePool(); // titles and agencies: shared, not columns
        var provinces = new FieldReader(new Utf8ValuePool());
        var cities = new FieldReader(new Utf8ValuePool());
        var counties = new FieldReader(new Utf8ValuePool());
        var levels = new FieldReader(new Utf8ValuePool());
        var codes = new FieldReader(new Utf8ValuePool());
        var years = new YearReader();
        var regionKeys = new RegionKeyReader();
        var agencyTypes = new AgencyTypeReader();
        using var statement = Prepare(database, ReportsSql);
        raw.sqlite3_bind_int64(statement, 1, after);
        while (Step(database, statement))
        {
            var id = raw.sqlite3_column_int64(statement, 0);

            var fileName = TryText(statement, 1, out var name) ? Encoding.UTF8.GetString(name) : "";
            var entry = new CatalogEntry(
                id,
                fileName,
                Pooled(texts, statement, 2),
                Pooled(texts, statement, 3),
                years.Read(statement, 4),
                provinces.Read(statement, 5),
                cities.Read(statement, 6),
                counties.Read(statement, 7),
                codes.Read(statement, 8),
                levels.Read(statement, 9),
                agencyTypes.Read(statement, 11),
                raw.sqlite3_column_int(statement, 10));
            regionKeys.Read(entry, codes.Last, provinces.Last, cities.Last, counties.Last);
            entries.Add(entry);
        }

        return new CatalogRows(
            [.. entries],
            years.Column(),
            provinces.Column(),
            cities.Column(),
            counties.Column(),
            levels.Column(),
            regionKeys.Column(),
            agencyTypes.Column(),
            agencyTypes.Starts());
    }

    private static sqlite3_stmt Prepare(sqlite3 database, string sql)
    {
        var result = raw.sqlite3_prepare_v2(database, sql, out var statement);
        if (result != raw.SQLITE_OK)
        {
            statement.Dispose();
            SqliteException.ThrowExceptionForRC(result, database);
        }

        return statement;
    }

    /// <summary>Moves to the next row: false at the end; throws on an error.</summary>
    private static bool Step(sqlite3 database, sqlite3_stmt statement)
    {
        var result = raw.sqlite3_step(statement);
        if (result == raw.SQLITE_ROW)
        {
            return true;
        }

        if (result != raw.SQLITE_DONE)
        {
            SqliteException.ThrowExceptionForRC(result, database);
        }

        return false;
    }

    private static bool IsNull(sqlite3_stmt statement, int column) => raw.sqlite3_column_type(statement, column) == raw.SQLITE_NULL;

    /// <summary>
    /// The UTF-8 bytes of a text column; false when it is NULL. The type is asked only for an empty value (NULL or
    /// empty text): each call into SQLite costs about as much as reading the value, and most values are not empty.
    /// </summary>
    private static bool TryText(sqlite3_stmt statement, int column, out ReadOnlySpan<byte> utf8)
    {
        utf8 = raw.sqlite3_column_blob(statement, column);
        return !utf8.IsEmpty || !IsNull(statement, column);
    }

    private static string? Pooled(Utf8ValuePool pool, sqlite3_stmt statement, int column) =>
        TryText(statement, column, out var utf8) ? pool[pool.Add(utf8)] : null;

    /// <summary>A single-valued text field: its pool numbers the values, one ordinal per report (-1: none).</summary>
    private sealed class FieldReader(Utf8ValuePool pool)
    {
        private readonly List<int> _ordinals = [];

        /// <summary>The ordinal of the last value read (-1: none).</summary>
        public int Last { get; private set; }

        public string? Read(sqlite3_stmt statement, int column)
        {
            Last = TryText(statement, column, out var utf8) ? pool.Add(utf8) : -1;
            _ordinals.Add(Last);
            return Last < 0 ? null : pool[Last];
        }

        public ValueOrdinals Column() => new(pool.ToArray(), [.. _ordinals]);
    }

    /// <summary>The year, numbered by first appearance; its column values are the years as invariant text.</summary>
    private sealed class YearReader
    {
        private readonly Dictionary<int, int> _ordinalOf = [];
        private readonly List<string> _values = [];
        private readonly List<int> _ordinals = [];

        public int? Read(sqlite3_stmt statement, int column)
        {
            if (IsNull(statement, column))
            {
                _ordinals.Add(-1);
                return null;
            }

            var year = raw.sqlite3_column_int(statement, column);
            if (!_ordinalOf.TryGetValue(year, out var ordinal))
            {
                ordinal = _values.Count;
                _ordinalOf.Add(year, ordinal);
                _values.Add(year.ToString(CultureInfo.InvariantCulture));
            }

            _ordinals.Add(ordinal);
            return year;
        }

        public ValueOrdinals Column() => new([.. _values], [.. _ordinals]);
    }

    /// <summary>
    /// The region key (<see cref="CatalogSnapshot.RegionKey"/>) of each report, formatted once per distinct combination
    /// of code, province, city and county (their ordinals), numbered by the key's first appearance.
    /// </summary>
    private sealed class RegionKeyReader
    {
        private readonly Dictionary<(int Code, int Province, int City, int County), int> _byFields = [];
        private readonly Dictionary<string, int> _ordinalOf = new(StringComparer.Ordinal);
        private readonly List<string> _values = [];
        private readonly List<int> _ordinals = [];

        public void Read(CatalogEntry entry, int code, int province, int city, int county)
        {
            if (!_byFields.TryGetValue((code, province, city, county), out var ordinal))
            {
                var key = CatalogSnapshot.RegionKey(entry);
                if (!_ordinalOf.TryGetValue(key, out ordinal))
                {
                    ordinal = _values.Count;
                    _ordinalOf.Add(key, ordinal);
                    _values.Add(key);
                }

                _byFields.Add((code, province, city, county), ordinal);
            }

            _ordinals.Add(ordinal);
        }

        public ValueOrdinals Column() => new([.. _values], [.. _ordinals]);
    }

    /// <summary>
    /// The agency types of each report (the row's JSON list; NULL when none) as column ordinals, numbered by first
    /// appearance among the reports read. The few hundred distinct lists are each decoded once and shared.
    /// </summary>
    private sealed class AgencyTypeReader
    {
        private readonly Utf8ValuePool _lists = new();
        private readonly List<(string[] Types, int[] Ordinals)> _decoded = [];
        private readonly Dictionary<string, int> _ordinalOf = new(StringComparer.Ordinal);
        private readonly List<string> _values = [];
        private readonly List<int> _starts = [0];
        private readonly List<int> _ordinals = [];

        public IReadOnlyList<string> Read(sqlite3_stmt statement, int column)
        {
            string[] types = [];
            if (TryText(statement, column, out var utf8) && !utf8.IsEmpty)
            {
                var list = _lists.Add(utf8);
                if (list == _decoded.Count)
                {
                    var decoded = StringListColumn.Decode(_lists[list]).ConvertAll(string.Intern).ToArray();
                    _decoded.Add((decoded, Array.ConvertAll(decoded, Ordinal)));
                }

                types = _decoded[list].Types;
                _ordinals.AddRange(_decoded[list].Ordinals);
            }

            _starts.Add(_ordinals.Count);
            return types;
        }

        public ValueOrdinals Column() => new([.. _values], [.. _ordinals]);

        public int[] Starts() => [.. _starts];

        private int Ordinal(string type)
        {
            if (!_ordinalOf.TryGetValue(type, out var ordinal))
            {
                ordinal = _values.Count;
                _ordinalOf.Add(type, ordinal);
                _values.Add(type);
            }

            return ordinal;
        }
    }
}
