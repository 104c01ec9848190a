namespace ReportArchive.TextIndex;

/// <summary>
/// The reports an <see cref="IndexQuery"/> matches, ids ascending, with their BM25 scores (higher is better; for
/// ordering only). When <paramref name="NeedsVerification"/> is true, the ids are a superset: some term had a
/// space inside (spaces are not indexed; punctuation is), or was not usable at all (empty), or an excluded term could
/// not be applied, and each candidate's text
/// must be checked with <c>SearchQuery.IsMatchedBy</c>; otherwise the ids are exactly the matching reports.
/// </summary>
public sealed record IndexMatches(long[] Ids, double[] Scores, bool NeedsVerification)
{
    public int Count => Ids.Length;
}
