namespace ReportArchive.TextIndex;

/// <summary>
/// What BM25 reads from the whole archive, besides each report's own term frequencies and field lengths: the number of
/// reports, the sums of their field lengths (UTF-16 units) and the document frequency of each term of a query (in the
/// order the query's required clauses and their alternatives are compiled). Scoring with the same statistics gives
/// every report the same score whatever was imported or deleted since: a result cursor carries them (see
/// <c>ResultCursor</c>).
/// </summary>
public sealed record ScoringStatistics(long Documents, long TitleLengths, long AgencyLengths, long BodyLengths, IReadOnlyList<long> DocumentFrequencies);
