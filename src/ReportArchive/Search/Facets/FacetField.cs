namespace ReportArchive.Search.Facets;

/// <summary>The fields search filters on.</summary>
public enum FacetField
{
    Year,
    Province,
    City,
    County,
    AgencyType,
    Level,
    Checks,
    Region,
}
