namespace ReportArchive.Benchmarks.Lucene;

/// <summary>One facet's values and counts over the matching documents.</summary>
internal sealed record LuceneFacet(string Field, IReadOnlyList<(string Value, int Count)> Values);
