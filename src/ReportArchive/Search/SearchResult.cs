using ReportArchive.Search.Facets;

namespace ReportArchive.Search;

/// <summary>
/// A page of results with the total count, how the query was understood, the order (<see cref="Sort"/>), the token of
/// the next page (<see cref="Next"/>, null on the last), facet counts over all matches, and where the time went.
/// </summary>
public sealed record SearchResult(
    QueryView Query,
    long Total,
    int Page,
    int PageSize,
    string Sort,
    string? Next,
    double TookMs,
    IReadOnlyList<SearchHit> Hits,
    SearchFacets Facets,
    SearchTimings Timings);
