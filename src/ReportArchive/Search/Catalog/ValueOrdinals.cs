namespace ReportArchive.Search.Catalog;

/// <summary>
/// A single-valued field of every report as read: its distinct values in the order of first appearance and, per report
/// (catalog order), the ordinal of its value or -1 when it has none — what <see cref="FacetColumn"/> holds.
/// </summary>
internal sealed record ValueOrdinals(string[] Values, int[] Ordinals);
