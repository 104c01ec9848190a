namespace ReportArchive.Statistics;

/// <summary>The names of the groupings as the API and the command line spell them (camelCase).</summary>
public static class StatisticsGroupings
{
    public static IReadOnlyList<string> Names { get; } = ["year", "province", "city", "agencyType", "level"];

    public static StatisticsGrouping? Parse(string? name) => name switch
    {
        "year" => StatisticsGrouping.Year,
        "province" => StatisticsGrouping.Province,
        "city" => StatisticsGrouping.City,
        "agencyType" => StatisticsGrouping.AgencyType,
        "level" => StatisticsGrouping.Level,
        _ => null,
    };
}
