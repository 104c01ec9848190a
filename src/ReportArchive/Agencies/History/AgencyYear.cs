namespace ReportArchive.Agencies.History;

/// <summary>One report of an agency's series: its id and the year it covers.</summary>
public sealed record AgencyYear(long Id, int Year);
