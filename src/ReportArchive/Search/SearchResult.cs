using ReportArchive.Search.Facets;

namespace ReportArchive.Search;

/// <summary>
/// A page of results with the total count, how the query was understood, facet counts over all matches, and where the
/// time went.
/// </summary>
public sealed record SearchResult(
    QueryView Query,
    long Total,
    int Page,
    int PageSize,
    double TookMs,
    IReadOnlyList<SearchHit> Hits,
    SearchFacets Facets,
    SearchTimings Timings);
