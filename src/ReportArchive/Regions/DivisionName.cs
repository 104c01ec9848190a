namespace ReportArchive.Regions;

/// <summary>
/// One written form and the divisions it can stand for: by official name, by alias (瀍河区), or only as a
/// short name (临沂) that needs support before it is trusted.
/// </summary>
internal sealed class DivisionName(string text)
{
    private readonly List<AdministrativeDivision> official = [];
    private readonly List<AdministrativeDivision> alias = [];
    private readonly List<AdministrativeDivision> shortForm = [];

    public string Text { get; } = text;

    public IReadOnlyList<AdministrativeDivision> Official => official;

    /// <summary>Divisions this form names on its own: official names first, aliases when there is no official one.</summary>
    public IReadOnlyList<AdministrativeDivision> Standalone => official.Count > 0 ? official : alias;

    public IReadOnlyList<AdministrativeDivision> ShortOnly => shortForm;

    /// <summary>
    /// A few district names are ordinary words (城区, 郊区, 矿区); they count only right after their parent.
    /// </summary>
    public bool NeedsParent { get; set; }

    public void Add(AdministrativeDivision division, DivisionNameKind kind)
    {
        var list = kind switch
        {
            DivisionNameKind.Official => official,
            DivisionNameKind.Alias => alias,
            _ => shortForm,
        };
        if (!list.Contains(division))
        {
            list.Add(division);
        }
    }
}
