using ReportArchive.Search.Facets;

namespace ReportArchive.Search;

/// <summary>A page of results with the total count and facet counts over all matches.</summary>
public sealed record SearchResult(
    long Total,
    int Page,
    int PageSize,
    double TookMs,
    IReadOnlyList<SearchHit> Hits,
    SearchFacets Facets);
