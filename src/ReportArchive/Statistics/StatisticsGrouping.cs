namespace ReportArchive.Statistics;

/// <summary>What the reports are grouped by. A report with several agency types counts in each of them.</summary>
public enum StatisticsGrouping
{
    Year,
    Province,
    City,
    AgencyType,
    Level,
}
