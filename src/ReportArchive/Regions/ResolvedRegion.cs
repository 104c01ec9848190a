namespace ReportArchive.Regions;

/// <summary>
/// The region of a report. When <see cref="Ambiguous"/> is false the fields describe the one division the
/// report belongs to, and <see cref="Candidates"/> holds it first, then any other division of the same name
/// that the evidence ruled out. When it is true, <see cref="Candidates"/> lists every division the name may denote and
/// the fields keep only what all candidates share, from the top (the province when they share it, …);
/// <see cref="Code"/> is then the code of that shared part. Everything is null and the candidates empty
/// when no region is known (central bodies, or no division named).
/// </summary>
public sealed record ResolvedRegion(
    string? Province,
    string? City,
    string? County,
    string? Code,
    bool Ambiguous,
    IReadOnlyList<RegionCandidate> Candidates)
{
    /// <summary>No region: a central body, or nothing in the name or the text names a division.</summary>
    public static ResolvedRegion None { get; } = new(null, null, null, null, false, []);
}
