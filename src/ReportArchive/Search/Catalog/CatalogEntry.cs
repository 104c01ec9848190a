namespace ReportArchive.Search.Catalog;

/// <summary>The per-report fields (with the number of failed checks) search filters, counts and lists by, held in memory by <see cref="ReportCatalog"/>.</summary>
public sealed record CatalogEntry(
    long Id,
    string FileName,
    string? Title,
    string? Agency,
    int? Year,
    string? Province,
    string? City,
    string? County,
    string? RegionCode,
    string? Level,
    IReadOnlyList<string> AgencyTypes,
    int FailedChecks);
