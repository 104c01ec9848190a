namespace ReportArchive.Search;

/// <summary>
/// One clause of a query: a report matches it when it contains any of the alternatives (<c>a OR b</c>); an
/// excluded clause (<c>-a</c>) matches reports that contain none of them.
/// </summary>
public sealed record QueryClause(IReadOnlyList<QueryTerm> Alternatives, bool Excluded);
