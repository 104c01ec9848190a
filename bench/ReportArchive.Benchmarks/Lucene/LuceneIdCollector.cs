using Lucene.Net.Index;
using Lucene.Net.Search;

namespace ReportArchive.Benchmarks.Lucene;

/// <summary>The report ids of every matching document (from the id's doc values), for recall against the brute force.</summary>
internal sealed class LuceneIdCollector : ICollector
{
    private NumericDocValues? _ids;

    public HashSet<long> Ids { get; } = [];

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer)
    {
    }

    public void SetNextReader(AtomicReaderContext context) =>
        _ids = context.AtomicReader.GetNumericDocValues(LuceneFields.Id);

    public void Collect(int doc) => Ids.Add(_ids!.Get(doc));
}
