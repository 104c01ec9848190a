using ReportArchive.Analysis.Normalization;

namespace ReportArchive.Analysis;

/// <summary>Text after analysis: the normalised form with its offset map, and the tokens.</summary>
public sealed record AnalyzedText(NormalizedText Normalized, IReadOnlyList<Token> Tokens);
