using ReportArchive.Search.Catalog;

namespace ReportArchive.Search.Facets;

/// <summary>
/// Counts facet values over every matching report. Each facet applies all filters but its own, so a user who picked
/// 2021 still sees how many matches the other years hold (the usual multi-select behaviour); see
/// <see cref="FacetTally"/>. Matches covering more than half the catalog are counted as the whole catalog's counts
/// (kept per snapshot and filter set) minus the counts of the reports not matched: the same numbers, from a pass over
/// the smaller set.
/// </summary>
internal static class FacetCounter
{
    public static SearchFacets Count(CatalogSnapshot catalog, ReadOnlySpan<int> matches, CatalogFilter filter) =>
        FacetTally.Count(catalog, matches, filter).ToFacets(catalog);

    /// <summary>The counts of <paramref name="ascendingMatches"/> (catalog indexes, ascending), by the smaller of the matches and the rest.</summary>
    public static FacetTally Tally(
        CatalogSnapshot catalog, ReadOnlySpan<int> ascendingMatches, SearchFilters filters, CatalogFilter filter, WholeCatalogTallies wholeCatalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(wholeCatalog);
        return ascendingMatches.Length > catalog.Count / 2
            ? wholeCatalog.Get(catalog, filters, filter).Minus(FacetTally.CountOthers(catalog, ascendingMatches, filter))
            : FacetTally.Count(catalog, ascendingMatches, filter);
    }
}
