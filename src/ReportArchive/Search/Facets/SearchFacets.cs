namespace ReportArchive.Search.Facets;

/// <summary>
/// Facet counts over all matches, each ordered by count (descending), then value; <see cref="Regions"/> is the
/// province → city → county tree.
/// </summary>
public sealed record SearchFacets(
    IReadOnlyList<FacetValue> Year,
    IReadOnlyList<FacetValue> Province,
    IReadOnlyList<FacetValue> City,
    IReadOnlyList<FacetValue> AgencyType,
    IReadOnlyList<FacetValue> Level,
    IReadOnlyList<FacetValue> Checks,
    IReadOnlyList<RegionFacetNode> Regions);
