namespace ReportArchive.Regions;

/// <summary>
/// The candidate the evidence picks (null when it does not decide) and the reasons; when it does not decide,
/// <see cref="Leaders"/> holds the candidates that share the highest positive score (empty when none scored).
/// </summary>
internal sealed record EvidenceDecision(AdministrativeDivision? Chosen, IReadOnlyList<string> Reasons)
{
    public IReadOnlyList<AdministrativeDivision> Leaders { get; init; } = [];
}
