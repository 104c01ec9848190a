using ReportArchive.Search.Facets;

namespace ReportArchive.Search;

/// <summary>A page of results with the total count, how the query was understood, and facet counts over all matches.</summary>
public sealed record SearchResult(
    QueryView Query,
    long Total,
    int Page,
    int PageSize,
    double TookMs,
    IReadOnlyList<SearchHit> Hits,
    SearchFacets Facets);
