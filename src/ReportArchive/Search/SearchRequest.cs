namespace ReportArchive.Search;

/// <summary>
/// A search: the query text, the filters, the page wanted (1-based) and the order (<see cref="SearchSort"/>; null: by
/// relevance for a query, newest first for browsing). <paramref name="After"/>, the <see cref="SearchResult.Next"/>
/// token of an earlier page of the same search, asks for the <paramref name="PageSize"/> results after that page
/// instead of a page number.
/// </summary>
public sealed record SearchRequest(
    string? Query, SearchFilters Filters, int Page = 1, int PageSize = SearchRequest.DefaultPageSize, SearchSort? Sort = null, string? After = null)
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;
}
