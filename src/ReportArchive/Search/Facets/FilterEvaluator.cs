using ReportArchive.Search.Catalog;

namespace ReportArchive.Search.Facets;

/// <summary>Decides whether a report passes the filters, optionally ignoring one field (for that field's own facet).</summary>
public static class FilterEvaluator
{
    public static bool Passes(CatalogEntry entry, SearchFilters filters, FacetField? ignore = null)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(filters);
        var failing = FailingFields(entry, filters);
        return (ignore is { } field ? failing & ~Bit(field) : failing) == 0;
    }

    /// <summary>The report's value for the <c>checks</c> facet.</summary>
    public static string ChecksValue(CatalogEntry entry) =>
        entry.FailedChecks > 0 ? SearchFilters.ChecksFailed : SearchFilters.ChecksPassed;

    /// <summary>
    /// Whether a report passes every filter but the region fields (province, city, county, region): what the region
    /// tree counts, so that the siblings of a selected division stay visible.
    /// </summary>
    public static bool PassesAllButRegions(CatalogEntry entry, SearchFilters filters)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(filters);
        return (FailingFields(entry, filters) & ~RegionFields) == 0;
    }

    /// <summary>
    /// The fields whose filter the report fails, one bit per <see cref="FacetField"/> (<see cref="Bit"/>): zero when
    /// it passes them all. One evaluation serves every facet (a facet counts a report when at most its own bit is set).
    /// Loops instead of LINQ: this runs for every match of every search.
    /// </summary>
    internal static int FailingFields(CatalogEntry entry, SearchFilters filters)
    {
        if (filters.IsEmpty)
        {
            return 0;
        }

        var failing = 0;
        if (filters.Years.Count > 0 && !InYears(entry.Year, filters.Years))
        {
            failing |= Bit(FacetField.Year);
        }

        if (filters.Provinces.Count + filters.Cities.Count + filters.Counties.Count + filters.Regions.Count > 0)
        {
            failing |= RegionSelection.ForSearch(filters).FailingFields(entry.RegionCode);
        }

        if (!OneOf(entry.Level, filters.Levels))
        {
            failing |= Bit(FacetField.Level);
        }

        if (filters.Checks.Count > 0 && !OneOf(ChecksValue(entry), filters.Checks))
        {
            failing |= Bit(FacetField.Checks);
        }

        if (filters.AgencyTypes.Count > 0 && !HasAnyAgencyType(entry.AgencyTypes, filters.AgencyTypes))
        {
            failing |= Bit(FacetField.AgencyType);
        }

        return failing;
    }

    internal static int Bit(FacetField field) => 1 << (int)field;

    /// <summary>The bits of the fields the region tree ignores: it is their facet.</summary>
    internal static readonly int RegionFields =
        Bit(FacetField.Province) | Bit(FacetField.City) | Bit(FacetField.County) | Bit(FacetField.Region);

    private static bool InYears(int? year, IReadOnlyList<YearRange> ranges)
    {
        if (year is not { } value)
        {
            return false;
        }

        for (var i = 0; i < ranges.Count; i++)
        {
            if (ranges[i].Contains(value))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasAnyAgencyType(IReadOnlyList<string> types, IReadOnlyList<string> allowed)
    {
        for (var i = 0; i < types.Count; i++)
        {
            if (Contains(allowed, types[i]))
            {
                return true;
            }
        }

        return false;
    }

    private static bool OneOf(string? value, IReadOnlyList<string> allowed) =>
        allowed.Count == 0 || (value is not null && Contains(allowed, value));

    private static bool Contains(IReadOnlyList<string> values, string value)
    {
        for (var i = 0; i < values.Count; i++)
        {
            if (string.Equals(values[i], value, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
