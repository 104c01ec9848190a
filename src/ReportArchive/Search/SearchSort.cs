namespace ReportArchive.Search;

/// <summary>
/// The order of results, each a total order (ties broken by id): <c>relevance</c> (the match tier of the best
/// <see cref="ResultOrder.RescoreWindow"/> BM25 candidates, then BM25), <c>-year</c> (newest first, reports without a
/// year last, then the highest id: the order of browsing), <c>year</c> (oldest first, reports without a year last,
/// then the lowest id) and <c>id</c> (ascending: reports imported later come last).
/// </summary>
public sealed class SearchSort
{
    private SearchSort(string name, byte code)
    {
        Name = name;
        Code = code;
    }

    public static SearchSort Relevance { get; } = new("relevance", 1);

    public static SearchSort Year { get; } = new("year", 2);

    public static SearchSort YearDescending { get; } = new("-year", 3);

    public static SearchSort Id { get; } = new("id", 4);

    /// <summary>Every sort, as the <c>sort</c> parameter names them.</summary>
    public static IReadOnlyList<SearchSort> All { get; } = [Relevance, Year, YearDescending, Id];

    /// <summary>The value of the <c>sort</c> parameter.</summary>
    public string Name { get; }

    /// <summary>The sort's byte in a result cursor.</summary>
    internal byte Code { get; }

    /// <summary>The sort a parameter value names (exactly, case-sensitive), or null.</summary>
    public static SearchSort? Parse(string? name) => All.FirstOrDefault(s => string.Equals(s.Name, name?.Trim(), StringComparison.Ordinal));

    internal static SearchSort? FromCode(byte code) => All.FirstOrDefault(s => s.Code == code);

    /// <summary>The order used when none is asked for, or when relevance is asked without a query (nothing to rank by): a query by relevance, browsing newest first.</summary>
    internal static SearchSort Effective(SearchSort? asked, bool hasQuery) =>
        asked is null || (asked == Relevance && !hasQuery) ? (hasQuery ? Relevance : YearDescending) : asked;

    public override string ToString() => Name;
}
