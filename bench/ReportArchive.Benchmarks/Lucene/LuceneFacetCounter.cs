using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace ReportArchive.Benchmarks.Lucene;

/// <summary>
/// Counts the five facets of the matching documents from doc values (there is no Lucene.Net.Facet package here):
/// year, province, city and level from <see cref="SortedDocValues"/>, agencyType from <see cref="SortedSetDocValues"/>,
/// by ordinal within a segment, turned into values when the segment ends.
/// </summary>
internal sealed class LuceneFacetCounter : ICollector
{
    private readonly Dictionary<string, int>[] _totals =
        [.. Enumerable.Range(0, LuceneFields.SingleValuedFacets.Count + 1).Select(_ => new Dictionary<string, int>(StringComparer.Ordinal))];

    private readonly SortedDocValues?[] _single = new SortedDocValues?[LuceneFields.SingleValuedFacets.Count];
    private readonly int[][] _singleCounts = new int[LuceneFields.SingleValuedFacets.Count][];
    private SortedSetDocValues? _types;
    private int[] _typeCounts = [];

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer)
    {
    }

    public void SetNextReader(AtomicReaderContext context)
    {
        EndSegment();
        var reader = context.AtomicReader;
        for (var f = 0; f < _single.Length; f++)
        {
            var values = reader.GetSortedDocValues(LuceneFields.Facet(LuceneFields.SingleValuedFacets[f]));
            _single[f] = values;
            _singleCounts[f] = new int[values?.ValueCount ?? 0];
        }

        _types = reader.GetSortedSetDocValues(LuceneFields.Facet(LuceneFields.AgencyType));
        _typeCounts = new int[_types?.ValueCount ?? 0];
    }

    public void Collect(int doc)
    {
        for (var f = 0; f < _single.Length; f++)
        {
            if (_single[f] is { } values && values.GetOrd(doc) is var ord and >= 0)
            {
                _singleCounts[f][ord]++;
            }
        }

        if (_types is { } types)
        {
            types.SetDocument(doc);
            long ord;
            while ((ord = types.NextOrd()) != SortedSetDocValues.NO_MORE_ORDS)
            {
                _typeCounts[ord]++;
            }
        }
    }

    /// <summary>The counts, by field (year, province, city, level, agencyType), each most frequent first.</summary>
    public IReadOnlyList<LuceneFacet> Facets()
    {
        EndSegment();
        var names = LuceneFields.SingleValuedFacets.Append(LuceneFields.AgencyType).ToList();
        return [.. names.Select((name, f) => new LuceneFacet(
            name, [.. _totals[f].OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Select(p => (p.Key, p.Value))]))];
    }

    private void EndSegment()
    {
        var bytes = new BytesRef();
        for (var f = 0; f < _single.Length; f++)
        {
            if (_single[f] is not { } values)
            {
                continue;
            }

            var counts = _singleCounts[f];
            for (var ord = 0; ord < counts.Length; ord++)
            {
                if (counts[ord] > 0)
                {
                    values.LookupOrd(ord, bytes);
                    Add(_totals[f], bytes.Utf8ToString(), counts[ord]);
                }
            }

            _single[f] = null;
        }

        if (_types is { } types)
        {
            for (var ord = 0; ord < _typeCounts.Length; ord++)
            {
                if (_typeCounts[ord] > 0)
                {
                    types.LookupOrd(ord, bytes);
                    Add(_totals[^1], bytes.Utf8ToString(), _typeCounts[ord]);
                }
            }

            _types = null;
        }
    }

    private static void Add(Dictionary<string, int> totals, string value, int count) =>
        totals[value] = totals.GetValueOrDefault(value) + count;
}
