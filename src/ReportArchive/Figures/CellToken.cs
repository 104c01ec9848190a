namespace ReportArchive.Figures;

/// <summary>One cell value found in table text, with its place in the normalized text.</summary>
internal readonly record struct CellToken(int Start, int End, int Line, CellTokenKind Kind, decimal? Value);
