namespace ReportArchive.Search;

/// <summary>
/// Facet filters: the values of one field are alternatives (OR), different fields must all hold (AND). An empty
/// list does not filter.
/// <see cref="Regions"/> takes a division code prefix (<c>4103</c>: 洛阳市 and below) or a division name (province,
/// city or county). <see cref="Figures"/> conditions must all hold. <see cref="Published"/> ranges of publication
/// days are alternatives; a report without a publication date passes none. <see cref="Sites"/> are alternatives too:
/// hosts, domains or address prefixes of the report's source address; a report without one passes none.
/// </summary>
public sealed record SearchFilters(
    IReadOnlyList<YearRange> Years,
    IReadOnlyList<string> Provinces,
    IReadOnlyList<string> Cities,
    IReadOnlyList<string> Counties,
    IReadOnlyList<string> AgencyTypes,
    IReadOnlyList<string> Levels,
    IReadOnlyList<string> Checks,
    IReadOnlyList<string> Regions,
    IReadOnlyList<FigureCondition> Figures,
    IReadOnlyList<PublishedRange>? Published = null,
    IReadOnlyList<string>? Sites = null)
{
    /// <summary>The values of the <c>checks</c> filter: every check of the report held, or at least one failed.</summary>
    public const string ChecksPassed = "passed";
    public const string ChecksFailed = "failed";

    public static SearchFilters None { get; } = new([], [], [], [], [], [], [], [], []);

    public bool IsEmpty =>
        Years.Count + Provinces.Count + Cities.Count + Counties.Count + AgencyTypes.Count + Levels.Count + Checks.Count
        + Regions.Count + Figures.Count + (Published?.Count ?? 0) + (Sites?.Count ?? 0) == 0;
}
