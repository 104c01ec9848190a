using ReportArchive.Figures;

namespace ReportArchive.Documents;

/// <summary>A report as the archive holds it.</summary>
public sealed record StoredReport(
    long Id,
    string FileName,
    string Sha256,
    DateTimeOffset ImportedAt,
    int ParserVersion,
    ReportMetadata Metadata,
    string? Template,
    IReadOnlyDictionary<string, decimal?> Figures,
    IReadOnlyList<FigureCheck> Checks,
    IReadOnlyList<string> Warnings,
    string Text)
{
    /// <summary>Where each figure was read (figure key → source); empty for a report stored before sources were kept.</summary>
    public IReadOnlyDictionary<string, FigureSource> FigureSources { get; init; } =
        System.Collections.ObjectModel.ReadOnlyDictionary<string, FigureSource>.Empty;
}
