namespace ReportArchive.Figures;

/// <summary>Where a row label was found: its numbers follow <see cref="End"/>; the previous row's stop at <see cref="Start"/>.</summary>
internal readonly record struct RowAnchor(int Start, int End);
