namespace ReportArchive.Search;

/// <summary>
/// Facet filters: the values of one field are alternatives (OR), different fields must all hold (AND). An empty
/// list does not filter.
/// </summary>
public sealed record SearchFilters(
    IReadOnlyList<YearRange> Years,
    IReadOnlyList<string> Provinces,
    IReadOnlyList<string> Cities,
    IReadOnlyList<string> Counties,
    IReadOnlyList<string> AgencyTypes,
    IReadOnlyList<string> Levels)
{
    public static SearchFilters None { get; } = new([], [], [], [], [], []);

    public bool IsEmpty => Years.Count + Provinces.Count + Cities.Count + Counties.Count + AgencyTypes.Count + Levels.Count == 0;
}
