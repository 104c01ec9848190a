namespace ReportArchive.Search;

/// <summary>
/// A parsed query: every clause must hold (implicit AND). <see cref="Phrases"/> are unquoted terms that were split
/// into words: reports that contain them whole rank first.
/// </summary>
public sealed record SearchQuery(IReadOnlyList<QueryClause> Clauses, IReadOnlyList<string> Phrases)
{
    public static SearchQuery Empty { get; } = new([], []);

    public bool IsEmpty => Clauses.Count == 0;

    public IEnumerable<QueryClause> Required => Clauses.Where(c => !c.Excluded);

    public IEnumerable<QueryClause> Excluded => Clauses.Where(c => c.Excluded);

    /// <summary>True when the report's normalised text satisfies the query: the exact meaning of a query.</summary>
    public bool IsMatchedBy(string normalizedText) => Clauses.All(clause =>
        clause.Alternatives.Any(term => normalizedText.Contains(term.Normalized, StringComparison.Ordinal)) != clause.Excluded);
}
