namespace ReportArchive.Figures;

/// <summary>Where a cell's value was printed in the normalized text, with its table, row and column labels.</summary>
internal readonly record struct FigureCellSpan(string Table, string Row, string Column, int Start, int End);
