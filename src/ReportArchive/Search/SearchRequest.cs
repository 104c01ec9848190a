namespace ReportArchive.Search;

/// <summary>A search: the query text, the filters and the page wanted (1-based).</summary>
public sealed record SearchRequest(string? Query, SearchFilters Filters, int Page = 1, int PageSize = SearchRequest.DefaultPageSize)
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;
}
