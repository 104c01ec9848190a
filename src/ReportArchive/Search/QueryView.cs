namespace ReportArchive.Search;

/// <summary>How a query was understood, returned with every search so a user sees why a report matched.</summary>
/// <param name="Terms">One entry per clause; every clause must hold.</param>
/// <param name="Phrases">Unquoted terms split into words; reports that contain them whole rank first.</param>
/// <param name="AlsoSearched">The equivalent names searched as well as what was typed (工信局 → 工业和信息化局), from the synonym table.</param>
/// <param name="Excluded">Each excluded clause (<c>-复议</c>) with how many reports of the archive contain it.</param>
public sealed record QueryView(
    IReadOnlyList<QueryClauseView> Terms,
    IReadOnlyList<string> Phrases,
    IReadOnlyList<QueryTermView> AlsoSearched,
    IReadOnlyList<ExcludedTermView> Excluded)
{
    /// <summary>The view of <paramref name="query"/>; <paramref name="excluded"/> gives the counts of its excluded clauses, in order.</summary>
    public static QueryView From(SearchQuery query, IReadOnlyList<ExcludedTermView>? excluded = null)
    {
        ArgumentNullException.ThrowIfNull(query);
        return new QueryView(
            query.Clauses.Select(c => new QueryClauseView(
                c.Alternatives.Select(t => new QueryTermView(t.Normalized, t.Kind, t.From)).ToList(), c.Excluded)).ToList(),
            query.Phrases,
            query.Clauses.SelectMany(c => c.Alternatives).Where(t => t.Kind == QueryTermKind.Synonym)
                .Select(t => new QueryTermView(t.Text, t.Kind, t.From)).Distinct().ToList(),
            excluded ?? []);
    }
}

/// <summary>A clause: a report must contain any of <see cref="AnyOf"/> (or, when excluded, none of them).</summary>
public sealed record QueryClauseView(IReadOnlyList<QueryTermView> AnyOf, bool Excluded);

/// <summary>A term as matched (normalised), why it is in the query, and the typed term it came from.</summary>
public sealed record QueryTermView(string Text, QueryTermKind Kind, string? From);

/// <summary>
/// An excluded clause as typed (its alternatives joined by <c> OR </c>), how many of the archive's
/// <paramref name="OfReports"/> reports contain it, and whether it is part of the national template's fixed wording
/// (复议 is in the heading of part 四 and in table C: almost every report has it, so excluding it leaves next to nothing).
/// </summary>
public sealed record ExcludedTermView(string Text, long Reports, long OfReports, bool InTemplate)
{
    /// <summary>Excluding it leaves nothing, or next to nothing: every report has it, or the template's wording does.</summary>
    public bool ExcludesAlmostEverything => InTemplate || (OfReports > 0 && Reports >= OfReports);
}
