using Lucene.Net.Index;
using Lucene.Net.Search;
using ReportArchive.Search;

namespace ReportArchive.Benchmarks.Lucene;

/// <summary>How one configuration turns a term of our parsed query into a Lucene query on <see cref="LuceneFields.Text"/>.</summary>
internal interface ILuceneTermQueries
{
    Query ForTerm(QueryTerm term, IndexReader reader);
}
