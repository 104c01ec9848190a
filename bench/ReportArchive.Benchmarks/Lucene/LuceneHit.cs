using ReportArchive.Search.Highlighting;

namespace ReportArchive.Benchmarks.Lucene;

/// <summary>One of the top 20: the report, its Lucene score and the snippets cut from its stored text.</summary>
internal sealed record LuceneHit(long Id, float Score, IReadOnlyList<Snippet> Snippets);
