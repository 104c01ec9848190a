namespace ReportArchive.Regions;

/// <summary>The candidate the evidence picks (null when it does not decide) and the reasons.</summary>
internal sealed record EvidenceDecision(AdministrativeDivision? Chosen, IReadOnlyList<string> Reasons);
