using ReportArchive.Figures;

namespace ReportArchive.Documents;

/// <summary>Everything read from one report's text: metadata, figures, checks and the warnings of both.</summary>
public sealed record ParsedReport(ReportMetadata Metadata, FigureExtraction Figures, IReadOnlyList<string> Warnings);
