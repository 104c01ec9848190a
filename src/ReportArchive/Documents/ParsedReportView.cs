using ReportArchive.Figures;
using ReportArchive.Regions;

namespace ReportArchive.Documents;

/// <summary>What would be extracted from one file, as <c>parse FILE --json</c> prints it.</summary>
public sealed record ParsedReportView(
    string? Title,
    string? Agency,
    int? Year,
    ResolvedRegion Region,
    string? Level,
    IReadOnlyList<string> AgencyTypes,
    DateOnly? PublishedAt,
    string? SourceUrl,
    string? Template,
    IReadOnlyDictionary<string, decimal?> Figures,
    IReadOnlyList<FigureCheck> Checks,
    IReadOnlyList<string> Warnings,
    IReadOnlyDictionary<string, FigureSource> FigureSources)
{
    public static ParsedReportView From(ParsedReport parsed)
    {
        ArgumentNullException.ThrowIfNull(parsed);
        var metadata = parsed.Metadata;
        return new ParsedReportView(
            metadata.Title, metadata.Agency, metadata.Year, metadata.Region, metadata.Level, metadata.AgencyTypes,
            metadata.PublishedAt, metadata.SourceUrl,
            parsed.Figures.Template, parsed.Figures.Figures, parsed.Figures.Checks, parsed.Warnings,
            parsed.Figures.Sources);
    }
}
