using ReportArchive.Search;

namespace ReportArchive.TextIndex;

/// <summary>
/// A query for the text index: every required clause must hold (a report contains one of its alternative normalised
/// terms), and no term of an excluded clause may occur — the meaning of <see cref="SearchQuery.IsMatchedBy"/>.
/// </summary>
public sealed record IndexQuery(IReadOnlyList<IReadOnlyList<string>> Required, IReadOnlyList<IReadOnlyList<string>> Excluded)
{
    /// <summary>The index query of a parsed search query (its clauses' normalised terms).</summary>
    public static IndexQuery From(SearchQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return new IndexQuery(
            query.Required.Select(c => (IReadOnlyList<string>)c.Alternatives.Select(t => t.Normalized).ToList()).ToList(),
            query.Excluded.Select(c => (IReadOnlyList<string>)c.Alternatives.Select(t => t.Normalized).ToList()).ToList());
    }
}
