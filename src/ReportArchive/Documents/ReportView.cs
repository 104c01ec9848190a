using ReportArchive.Agencies.History;
using ReportArchive.Figures;
using ReportArchive.Keywords;
using ReportArchive.Regions;

namespace ReportArchive.Documents;

/// <summary>A stored report as the API (<c>GET /api/reports/{id}</c>) and the CLI (<c>show ID --json</c>) show it.</summary>
public sealed record ReportView(
    long Id,
    string FileName,
    string Sha256,
    DateTimeOffset ImportedAt,
    int ParserVersion,
    string? Title,
    string? Agency,
    int? Year,
    ResolvedRegion Region,
    string? Province,
    string? City,
    string? County,
    string? Level,
    IReadOnlyList<string> AgencyTypes,
    DateOnly? PublishedAt,
    string? SourceUrl,
    string? Template,
    IReadOnlyDictionary<string, decimal?> Figures,
    IReadOnlyList<CheckExplanation> Checks,
    IReadOnlyList<string> Warnings,
    IReadOnlyList<Keyword> Keywords,
    string Text,
    IReadOnlyList<AgencyYear> Years,
    IReadOnlyList<CrossYearCheck> CrossYearChecks)
{
    /// <summary>Where each figure was read (figure key → kind, UTF-16 span of <see cref="Text"/>, table/row/column or sentence).</summary>
    public IReadOnlyDictionary<string, FigureSource> FigureSources { get; init; } =
        System.Collections.ObjectModel.ReadOnlyDictionary<string, FigureSource>.Empty;

    /// <summary><see cref="Warnings"/> in Chinese, in the same order (stored warnings are English: translated when read).</summary>
    public IReadOnlyList<string> WarningsZh { get; init; } = [];

    /// <param name="years">The agency's reports across years (<see cref="AgencyHistory.For"/>); none when not given.</param>
    /// <param name="crossYearChecks">The checks against the agency's neighbouring years; none when not given.</param>
    public static ReportView From(
        StoredReport report, IReadOnlyList<Keyword> keywords,
        IReadOnlyList<AgencyYear>? years = null, IReadOnlyList<CrossYearCheck>? crossYearChecks = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        var metadata = report.Metadata;
        return new ReportView(
            report.Id, report.FileName, report.Sha256, report.ImportedAt, report.ParserVersion,
            metadata.Title, metadata.Agency, metadata.Year, metadata.Region,
            metadata.Region.Province, metadata.Region.City, metadata.Region.County, metadata.Level, metadata.AgencyTypes,
            metadata.PublishedAt, metadata.SourceUrl, report.Template, report.Figures,
            report.Checks.Select(c => CheckExplanation.Of(c, report.Template, report.Figures)).ToList(), report.Warnings, keywords, report.Text,
            years ?? [], crossYearChecks ?? [])
        {
            FigureSources = report.FigureSources,
            WarningsZh = report.Warnings.Select(ChineseWarnings.Translate).ToList(),
        };
    }
}
