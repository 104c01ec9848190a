namespace ReportArchive.Agencies.History;

/// <summary>The reports of one agency (same name, same region code) ordered by year, and the checks across consecutive years.</summary>
public sealed record AgencySeries(
    string Agency, string? RegionCode, IReadOnlyList<AgencyYearReport> Reports, IReadOnlyList<CrossYearCheck> CrossYearChecks);
