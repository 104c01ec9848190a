namespace ReportArchive.Regions;

/// <summary>
/// What <see cref="RegionResolver.Resolve"/> found for one report. <see cref="Level"/> is one of
/// <see cref="RegionLevels"/> or null when unknown. <see cref="Warnings"/> say where the result rests on a
/// repair or stays undecided (a garbled name, an ambiguous name); <see cref="Evidence"/> says what decided
/// between candidates (a phone area code, a parent named in the text).
/// </summary>
public sealed record RegionResolution(ResolvedRegion Region, string? Level, IReadOnlyList<string> Warnings)
{
    public IReadOnlyList<string> Evidence { get; init; } = [];
}
