namespace ReportArchive.Search;

/// <summary>
/// Where a result stands in its order, the key its sort compares: for relevance whether it is in the re-ranked window
/// (then its match tier), its BM25 score and id; for the year sorts its year and id; for <c>id</c> its id.
/// </summary>
internal readonly record struct ResultPosition(bool InWindow, int Tier, double Score, int? Year, long Id);
