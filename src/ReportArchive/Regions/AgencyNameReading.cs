namespace ReportArchive.Regions;

/// <summary>
/// The divisions an agency name starts with. <see cref="Candidates"/> are the divisions the most specific
/// name may denote (under the names before it); <see cref="Written"/> is that name as written and
/// <see cref="End"/> the index just after it in <see cref="Agency"/>. <see cref="Repaired"/> is true when
/// <see cref="Written"/> is no division name and the candidates are the divisions one character away.
/// </summary>
internal sealed record AgencyNameReading(
    string Agency,
    IReadOnlyList<AdministrativeDivision> Candidates,
    string? Written,
    int End,
    bool Repaired)
{
    /// <summary>True when the only name found is a short one (郑州 for 郑州市).</summary>
    public bool ByShortName { get; init; }

    public static AgencyNameReading Nothing(string agency) => new(agency, [], null, 0, false);
}
