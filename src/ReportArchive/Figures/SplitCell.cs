namespace ReportArchive.Figures;

/// <summary>One cell of a split digit run: its value and the span of its printed characters in the normalized text.</summary>
internal readonly record struct SplitCell(decimal Value, int Start, int End);
