namespace ReportArchive.Benchmarks.Lucene;

/// <summary>What one Lucene search returns, as ours does: the exact total, the five facets and the top 20 with snippets.</summary>
internal sealed record LuceneSearchResult(long Total, IReadOnlyList<LuceneFacet> Facets, IReadOnlyList<LuceneHit> Hits);
