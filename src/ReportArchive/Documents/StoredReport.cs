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
    string Text);
