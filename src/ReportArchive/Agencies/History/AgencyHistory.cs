using System.Globalization;
using Microsoft.Data.Sqlite;
using ReportArchive.Storage;
using ReportArchive.Storage.Compact;

namespace ReportArchive.Agencies.History;

/// <summary>
/// Links the reports of the same agency across years — the same agency name and the same region code (both as
/// stored) — and checks each pair of consecutive years: what year N says it carried over from the year before
/// must equal what year N−1 says it carried forward. Computed on read, so uploads and deletes never leave stale links.
/// </summary>
public sealed class AgencyHistory(ReportStore store)
{
    public const string CarriedOverRule = "crossYear.requests.carriedOver";

    private const string CarriedOver = "requests.carriedOver.total";
    private const string CarriedForward = "requests.carriedForward.total";

    /// <summary>The figures a time series shows for each year.</summary>
    public static IReadOnlyList<string> KeyFigures { get; } =
    [
        "requests.new.total", CarriedOver, "requests.processed.total", "requests.granted.total", CarriedForward,
        "review.total", "litigationDirect.total", "litigationAfterReview.total",
    ];

    private static readonly HashSet<string> KeyFigureSet = new(KeyFigures, StringComparer.Ordinal);

    /// <summary>The agency's reports with a year, oldest first (null when the agency has none).</summary>
    public AgencySeries? Series(string agency, string? regionCode)
    {
        ArgumentNullException.ThrowIfNull(agency);
        using var connection = store.Database.OpenConnection();
        var reports = new List<AgencyYearReport>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = """
                SELECT id, year, file_name FROM reports
                WHERE agency = $agency AND region_code IS $code AND year IS NOT NULL
                ORDER BY year, id
                """;
            command.Parameters.AddWithValue("$agency", agency);
            command.Parameters.AddWithValue("$code", (object?)regionCode ?? DBNull.Value);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                reports.Add(new AgencyYearReport(reader.GetInt64(0), reader.GetInt32(1), reader.GetString(2), new Dictionary<string, decimal?>()));
            }
        }

        if (reports.Count == 0)
        {
            return null;
        }

        reports = reports.Select(r => r with { Figures = ReadKeyFigures(connection, r.Id) }).ToList();
        return new AgencySeries(agency, regionCode, reports, Check(reports));
    }

    /// <summary>The region codes the agency's reports with a year are stored under (null: reports without a code), in order.</summary>
    public IReadOnlyList<string?> RegionCodes(string agency)
    {
        ArgumentNullException.ThrowIfNull(agency);
        using var connection = store.Database.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT DISTINCT region_code FROM reports WHERE agency = $agency AND year IS NOT NULL ORDER BY region_code";
        command.Parameters.AddWithValue("$agency", agency);
        using var reader = command.ExecuteReader();
        var codes = new List<string?>();
        while (reader.Read())
        {
            codes.Add(reader.IsDBNull(0) ? null : reader.GetString(0));
        }

        return codes;
    }

    /// <summary>The series a report belongs to (null when the report has no agency or no year, or does not exist).</summary>
    public AgencySeries? SeriesOf(long reportId)
    {
        using var connection = store.Database.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT agency, region_code FROM reports WHERE id = $id AND agency IS NOT NULL AND year IS NOT NULL";
        command.Parameters.AddWithValue("$id", reportId);
        using var reader = command.ExecuteReader();
        return reader.Read() ? Series(reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1)) : null;
    }

    /// <summary>The agency's years (every report of the series, this one included) and the cross-year checks that involve this report.</summary>
    public (IReadOnlyList<AgencyYear> Years, IReadOnlyList<CrossYearCheck> Checks) For(long reportId)
    {
        if (SeriesOf(reportId) is not { } series)
        {
            return ([], []);
        }

        return (
            series.Reports.Select(r => new AgencyYear(r.Id, r.Year)).ToList(),
            series.CrossYearChecks.Where(c => c.Previous.Id == reportId || c.Next.Id == reportId).ToList());
    }

    private static List<CrossYearCheck> Check(List<AgencyYearReport> reports)
    {
        var checks = new List<CrossYearCheck>();
        foreach (var next in reports)
        {
            foreach (var previous in reports.Where(r => r.Year == next.Year - 1))
            {
                var over = next.Figures.GetValueOrDefault(CarriedOver);
                var forward = previous.Figures.GetValueOrDefault(CarriedForward);
                if (over is null || forward is null)
                {
                    continue; // a figure the text does not give cannot be checked
                }

                var detail = string.Create(CultureInfo.InvariantCulture,
                    $"{next.Year} 上年结转 {over} {(over == forward ? "=" : "≠")} {previous.Year} 结转下年度继续办理 {forward} (reports {next.Id}, {previous.Id})");
                checks.Add(new CrossYearCheck(CarriedOverRule, over == forward, detail, new AgencyYear(previous.Id, previous.Year), new AgencyYear(next.Id, next.Year)));
            }
        }

        return checks;
    }

    private static Dictionary<string, decimal?> ReadKeyFigures(SqliteConnection connection, long id)
    {
        var figures = KeyFigures.ToDictionary(k => k, _ => (decimal?)null, StringComparer.Ordinal);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT figure_values FROM report_figures WHERE report_id = $id";
        command.Parameters.AddWithValue("$id", id);
        if (command.ExecuteScalar() is byte[] stored)
        {
            foreach (var (key, value) in FigureValues.Decode(stored, KeyFigureSet))
            {
                figures[key] = value;
            }
        }

        return figures;
    }
}
