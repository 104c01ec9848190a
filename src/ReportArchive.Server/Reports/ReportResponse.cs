using ReportArchive.Documents;
using ReportArchive.Figures;

namespace ReportArchive.Server.Reports;

/// <summary>A stored report as <c>GET /api/reports/{id}</c> returns it.</summary>
public sealed record ReportResponse(
    long Id,
    string FileName,
    string Sha256,
    DateTimeOffset ImportedAt,
    int ParserVersion,
    string? Title,
    string? Agency,
    int? Year,
    ReportRegion Region,
    string? Province,
    string? City,
    string? County,
    string? Level,
    IReadOnlyList<string> AgencyTypes,
    string? Template,
    IReadOnlyDictionary<string, decimal?> Figures,
    IReadOnlyList<FigureCheck> Checks,
    IReadOnlyList<string> Warnings,
    string Text)
{
    public static ReportResponse From(StoredReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var metadata = report.Metadata;
        return new ReportResponse(
            report.Id, report.FileName, report.Sha256, report.ImportedAt, report.ParserVersion,
            metadata.Title, metadata.Agency, metadata.Year, metadata.Region,
            metadata.Region.Province, metadata.Region.City, metadata.Region.County, metadata.Level, metadata.AgencyTypes,
            report.Template, report.Figures, report.Checks, report.Warnings, report.Text);
    }
}
