namespace ReportArchive.Documents;

/// <summary>Where a report's body sits in the administrative divisions (行政区划).</summary>
public sealed record ReportRegion(
    string? Province,
    string? City,
    string? County,
    string? Code,
    bool Ambiguous,
    IReadOnlyList<RegionChoice> Candidates)
{
    public static ReportRegion Unknown { get; } = new(null, null, null, null, false, []);
}
