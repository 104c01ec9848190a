namespace ReportArchive.Search.Facets;

/// <summary>Decides whether a report passes the filters, optionally ignoring one field (for that field's own facet).</summary>
public static class FilterEvaluator
{
    public static bool Passes(CatalogEntry entry, SearchFilters filters, FacetField? ignore = null)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(filters);
        return (ignore == FacetField.Year || filters.Years.Count == 0
                || (entry.Year is { } year && filters.Years.Any(r => r.Contains(year))))
            && (ignore == FacetField.Province || OneOf(entry.Province, filters.Provinces))
            && (ignore == FacetField.City || OneOf(entry.City, filters.Cities))
            && (ignore == FacetField.County || OneOf(entry.County, filters.Counties))
            && (ignore == FacetField.Level || OneOf(entry.Level, filters.Levels))
            && (ignore == FacetField.Checks || OneOf(ChecksValue(entry), filters.Checks))
            && (ignore == FacetField.Region || filters.Regions.Count == 0 || filters.Regions.Any(r => InRegion(entry, r)))
            && (ignore == FacetField.AgencyType || filters.AgencyTypes.Count == 0
                || entry.AgencyTypes.Any(t => filters.AgencyTypes.Contains(t, StringComparer.Ordinal)));
    }

    /// <summary>The report's value for the <c>checks</c> facet.</summary>
    public static string ChecksValue(CatalogEntry entry) =>
        entry.FailedChecks > 0 ? SearchFilters.ChecksFailed : SearchFilters.ChecksPassed;

    /// <summary>A code prefix (all digits) selects that division and below; a name matches province, city or county.</summary>
    public static bool InRegion(CatalogEntry entry, string region)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(region);
        return region.Length > 0 && region.All(char.IsAsciiDigit)
            ? entry.RegionCode is { } code && code.StartsWith(region, StringComparison.Ordinal)
            : region == entry.Province || region == entry.City || region == entry.County;
    }

    private static bool OneOf(string? value, IReadOnlyList<string> allowed) =>
        allowed.Count == 0 || (value is not null && allowed.Contains(value, StringComparer.Ordinal));
}
