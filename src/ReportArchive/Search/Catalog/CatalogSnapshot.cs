using System.Globalization;

namespace ReportArchive.Search.Catalog;

/// <summary>
/// One immutable view of every report's catalog fields, ordered by id, with each filterable field also held as a
/// column of ordinals (<see cref="FacetColumn"/>), the region tree of every report and the browse order (newest
/// first). Searches address reports by their index in <see cref="Entries"/>.
/// </summary>
public sealed class CatalogSnapshot
{
    private readonly CatalogEntry[] _entries;
    private readonly long[] _ids;

    private static readonly Func<CatalogEntry, string?> YearOf = e => e.Year?.ToString(CultureInfo.InvariantCulture);
    private static readonly Func<CatalogEntry, string?> ProvinceOf = e => e.Province;
    private static readonly Func<CatalogEntry, string?> CityOf = e => e.City;
    private static readonly Func<CatalogEntry, string?> CountyOf = e => e.County;
    private static readonly Func<CatalogEntry, string?> LevelOf = e => e.Level;
    private static readonly Func<CatalogEntry, string?> RegionKeyOf = RegionKey;

    internal CatalogSnapshot(long generation, CatalogEntry[] entries)
        : this(generation, entries, null)
    {
    }

    /// <summary>A snapshot of <paramref name="entries"/>; when <paramref name="previous"/> holds their first reports, its columns are extended.</summary>
    private CatalogSnapshot(long generation, CatalogEntry[] entries, CatalogSnapshot? previous)
    {
        Generation = generation;
        _entries = entries;
        _ids = Array.ConvertAll(entries, e => e.Id);
        FailedChecks = Array.ConvertAll(entries, e => e.FailedChecks > 0);
        if (previous is null)
        {
            Years = FacetColumn.Build(entries, YearOf);
            Provinces = FacetColumn.Build(entries, ProvinceOf);
            Cities = FacetColumn.Build(entries, CityOf);
            Counties = FacetColumn.Build(entries, CountyOf);
            Levels = FacetColumn.Build(entries, LevelOf);
            RegionKeys = FacetColumn.Build(entries, RegionKeyOf);
            AgencyTypes = AgencyTypeColumn.Build(entries);
            Regions = RegionColumn.Build(entries);
            NewestFirst = NewestFirstOrder(entries, [], 0);
        }
        else
        {
            Years = previous.Years.Extend(entries);
            Provinces = previous.Provinces.Extend(entries);
            Cities = previous.Cities.Extend(entries);
            Counties = previous.Counties.Extend(entries);
            Levels = previous.Levels.Extend(entries);
            RegionKeys = previous.RegionKeys.Extend(entries);
            AgencyTypes = previous.AgencyTypes.Extend(entries);
            Regions = previous.Regions.Extend(entries);
            NewestFirst = NewestFirstOrder(entries, previous.NewestFirst, previous.Count);
        }
    }

    /// <summary>
    /// A snapshot of rows read with their ordinals (<see cref="CatalogRowReader"/>): the facet columns are taken as
    /// read, equal to the ones built from the entries.
    /// </summary>
    private CatalogSnapshot(long generation, CatalogRows rows)
    {
        var entries = rows.Entries;
        Generation = generation;
        _entries = entries;
        _ids = Array.ConvertAll(entries, e => e.Id);
        FailedChecks = Array.ConvertAll(entries, e => e.FailedChecks > 0);
        Years = FacetColumn.FromOrdinals(YearOf, rows.Years);
        Provinces = FacetColumn.FromOrdinals(ProvinceOf, rows.Provinces);
        Cities = FacetColumn.FromOrdinals(CityOf, rows.Cities);
        Counties = FacetColumn.FromOrdinals(CountyOf, rows.Counties);
        Levels = FacetColumn.FromOrdinals(LevelOf, rows.Levels);
        RegionKeys = FacetColumn.FromOrdinals(RegionKeyOf, rows.RegionKeys);
        AgencyTypes = AgencyTypeColumn.FromOrdinals(rows.AgencyTypes, rows.AgencyTypeStarts);
        Regions = RegionColumn.Build(entries);
        NewestFirst = NewestFirstOrder(entries, [], 0);
    }

    public static CatalogSnapshot Empty { get; } = new(-1, []);

    /// <summary>The archive generation this snapshot was read at.</summary>
    public long Generation { get; }

    /// <summary>Every report, by ascending id.</summary>
    public IReadOnlyList<CatalogEntry> Entries => _entries;

    public int Count => _entries.Length;

    internal FacetColumn Years { get; }

    internal FacetColumn Provinces { get; }

    internal FacetColumn Cities { get; }

    internal FacetColumn Counties { get; }

    internal FacetColumn Levels { get; }

    /// <summary>Reports with the same code and names pass or fail a region filter together.</summary>
    internal FacetColumn RegionKeys { get; }

    internal AgencyTypeColumn AgencyTypes { get; }

    internal RegionColumn Regions { get; }

    /// <summary>Catalog indexes in browse order: year descending (no year last), then id descending.</summary>
    internal int[] NewestFirst { get; }

    /// <summary>Per report: whether any of its checks failed (the <c>checks</c> facet and filter).</summary>
    internal bool[] FailedChecks { get; }

    internal CatalogEntry this[int index] => _entries[index];

    /// <summary>The snapshot of rows read with their ordinals by <see cref="CatalogRowReader"/>.</summary>
    internal static CatalogSnapshot FromRows(long generation, CatalogRows rows) => new(generation, rows);

    /// <summary>The value of <see cref="RegionKeys"/> for a report: its region code and names.</summary>
    internal static string RegionKey(CatalogEntry entry) => string.Join('|', entry.RegionCode, entry.Province, entry.City, entry.County);

    /// <summary>The report id at a catalog index (from an array: no entry is touched).</summary>
    internal long IdAt(int index) => _ids[index];

    /// <summary>The catalog index of a report id, or -1.</summary>
    public int IndexOf(long id)
    {
        var index = Array.BinarySearch(_ids, id);
        return index < 0 ? -1 : index;
    }

    public bool TryGet(long id, out CatalogEntry entry)
    {
        var index = IndexOf(id);
        entry = index < 0 ? null! : _entries[index];
        return index >= 0;
    }

    /// <summary>
    /// The catalog index of each of <paramref name="ascendingIds"/> (-1 for an id the catalog does not hold, deleted
    /// since), in one merge walk.
    /// </summary>
    internal int[] IndexesOf(ReadOnlySpan<long> ascendingIds)
    {
        var indexes = new int[ascendingIds.Length];
        var position = 0;
        for (var i = 0; i < ascendingIds.Length; i++)
        {
            var id = ascendingIds[i];
            if (position < _ids.Length && _ids[position] < id)
            {
                // gallop: a segment's reports may be spread over the catalog
                var step = 1;
                while (position + step < _ids.Length && _ids[position + step] < id)
                {
                    position += step;
                    step <<= 1;
                }

                var found = Array.BinarySearch(_ids, position, Math.Min(step + 1, _ids.Length - position), id);
                position = found < 0 ? ~found : found;
            }

            indexes[i] = position < _ids.Length && _ids[position] == id ? position++ : -1;
        }

        return indexes;
    }

    /// <summary>Whether this snapshot's reports are the first ones of <paramref name="later"/>, at the same indexes (nothing deleted in between).</summary>
    internal bool IsPrefixOf(CatalogSnapshot later)
    {
        ArgumentNullException.ThrowIfNull(later);
        return later._ids.Length >= _ids.Length && later._ids.AsSpan(0, _ids.Length).SequenceEqual(_ids);
    }

    /// <summary>
    /// The snapshot with <paramref name="added"/> (ids above every report held) appended: the columns are extended,
    /// not rebuilt, so a refresh after an upload costs the new reports and array copies, not a pass over every report.
    /// </summary>
    internal CatalogSnapshot Append(long generation, IReadOnlyList<CatalogEntry> added) =>
        new(generation, [.. _entries, .. added], this);

    /// <summary>
    /// Catalog indexes in browse order; the first <paramref name="known"/> entries are already in
    /// <paramref name="knownOrder"/>, the rest are sorted and merged in.
    /// </summary>
    private static int[] NewestFirstOrder(CatalogEntry[] entries, int[] knownOrder, int known)
    {
        var added = new int[entries.Length - known];
        for (var i = 0; i < added.Length; i++)
        {
            added[i] = known + i;
        }

        Comparison<int> newestFirst = (a, b) =>
        {
            var byYear = (entries[b].Year ?? int.MinValue).CompareTo(entries[a].Year ?? int.MinValue);
            return byYear != 0 ? byYear : b.CompareTo(a);
        };
        Array.Sort(added, newestFirst);
        var order = new int[entries.Length];
        int k = 0, n = 0, o = 0;
        while (k < knownOrder.Length || n < added.Length)
        {
            order[o++] = n >= added.Length || (k < knownOrder.Length && newestFirst(knownOrder[k], added[n]) <= 0)
                ? knownOrder[k++]
                : added[n++];
        }

        return order;
    }
}
