namespace ReportArchive.TextIndex;

/// <summary>
/// The reports a query matches in the caller's numbering (see <see cref="TextIndexSnapshot"/>), ascending, with their
/// BM25 scores: the first <see cref="Count"/> of each array. The arrays are rented from <c>ArrayPool.Shared</c>; the
/// receiver owns them and returns them when done. <see cref="NeedsVerification"/> as in <see cref="IndexMatches"/>;
/// <see cref="Statistics"/>: those the scores were computed with.
/// </summary>
internal readonly record struct NumberedMatches(int[] Numbers, double[] Scores, int Count, bool NeedsVerification, ScoringStatistics Statistics);
