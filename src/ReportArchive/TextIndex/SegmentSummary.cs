namespace ReportArchive.TextIndex;

/// <summary>What the merge policy knows of a stored segment: its row id, report range, report count and size.</summary>
public sealed record SegmentSummary(long Id, long FirstReport, long LastReport, int Documents, long Bytes);
