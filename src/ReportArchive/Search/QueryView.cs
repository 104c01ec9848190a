namespace ReportArchive.Search;

/// <summary>How a query was understood, returned with every search so a user sees why a report matched.</summary>
/// <param name="Terms">One entry per clause; every clause must hold.</param>
/// <param name="Phrases">Unquoted terms split into words; reports that contain them whole rank first.</param>
public sealed record QueryView(IReadOnlyList<QueryClauseView> Terms, IReadOnlyList<string> Phrases)
{
    public static QueryView From(SearchQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return new QueryView(
            query.Clauses.Select(c => new QueryClauseView(
                c.Alternatives.Select(t => new QueryTermView(t.Normalized, t.Kind, t.From)).ToList(), c.Excluded)).ToList(),
            query.Phrases);
    }
}

/// <summary>A clause: a report must contain any of <see cref="AnyOf"/> (or, when excluded, none of them).</summary>
public sealed record QueryClauseView(IReadOnlyList<QueryTermView> AnyOf, bool Excluded);

/// <summary>A term as matched (normalised), why it is in the query, and the typed term it came from.</summary>
public sealed record QueryTermView(string Text, QueryTermKind Kind, string? From);
