namespace ReportArchive.Agencies.History;

/// <summary>One year of an agency's time series: the report and its key figures (see <see cref="AgencyHistory.KeyFigures"/>).</summary>
public sealed record AgencyYearReport(long Id, int Year, string FileName, IReadOnlyDictionary<string, decimal?> Figures);
