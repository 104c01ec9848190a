namespace ReportArchive.Search.Facets;

/// <summary>Facet counts over all matches, each ordered by count (descending), then value.</summary>
public sealed record SearchFacets(
    IReadOnlyList<FacetValue> Year,
    IReadOnlyList<FacetValue> Province,
    IReadOnlyList<FacetValue> City,
    IReadOnlyList<FacetValue> AgencyType,
    IReadOnlyList<FacetValue> Level,
    IReadOnlyList<FacetValue> Checks);
