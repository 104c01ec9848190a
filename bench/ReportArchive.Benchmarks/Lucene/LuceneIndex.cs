using System.Diagnostics;
using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;
using ReportArchive.Search;
using ReportArchive.Search.Catalog;
using ReportArchive.Search.Highlighting;
using ReportArchive.Storage;

namespace ReportArchive.Benchmarks.Lucene;

/// <summary>
/// One Lucene.Net configuration (an analyzer and how it turns a term into a query) over the archive's reports: built
/// in a folder, then searched as our <see cref="Searcher"/> is — exact total, five facets from doc values, top 20 by
/// score, and snippets of the 20 from their stored text (<see cref="SnippetGenerator"/>, the same passages ours shows).
/// </summary>
internal sealed class LuceneIndex : IDisposable
{
    public const int PageSize = 20;
    private static readonly HashSet<string> StoredFields = [LuceneFields.Id, LuceneFields.Text];

    private readonly FSDirectory _directory;
    private readonly DirectoryReader _reader;
    private readonly IndexSearcher _searcher;
    private readonly LuceneQueryTranslator _translator;

    private LuceneIndex(FSDirectory directory, ILuceneTermQueries terms)
    {
        _directory = directory;
        _reader = DirectoryReader.Open(directory);
        _searcher = new IndexSearcher(_reader);
        _translator = new LuceneQueryTranslator(terms);
    }

    public static (LuceneIndex Index, LuceneIndexing Indexing) Build(
        Analyzer analyzer, ILuceneTermQueries terms, string folder, ReportStore store, ReportCatalog catalog, long corpusBytes)
    {
        if (System.IO.Directory.Exists(folder))
        {
            System.IO.Directory.Delete(folder, recursive: true);
        }

        var directory = FSDirectory.Open(new DirectoryInfo(folder));
        using var connection = store.Database.OpenConnection();
        var (view, snapshot) = catalog.BeginView(connection);
        view.Dispose();
        var config = new IndexWriterConfig(LuceneVersion.LUCENE_48, analyzer) { OpenMode = OpenMode.CREATE, RAMBufferSizeMB = 64 };
        var clock = new Stopwatch();
        long chars = 0;
        var documents = 0;
        using (var writer = new IndexWriter(directory, config))
        {
            foreach (var chunk in snapshot.Entries.Chunk(1000))
            {
                var texts = store.GetTexts([.. chunk.Select(e => e.Id)]); // not timed: reading back what our import stored
                clock.Start();
                foreach (var entry in chunk)
                {
                    var text = texts[entry.Id];
                    writer.AddDocument(LuceneFields.Of(entry, text));
                    chars += text.Length;
                    documents++;
                }

                clock.Stop();
            }

            clock.Start();
            writer.Commit();
        } // disposing waits for the merges

        clock.Stop();
        var index = new LuceneIndex(directory, terms);
        var bytes = System.IO.Directory.GetFiles(folder).Sum(f => new FileInfo(f).Length);
        return (index, new LuceneIndexing(documents, clock.Elapsed.TotalSeconds, corpusBytes, chars, bytes, index._reader.Leaves.Count));
    }

    public LuceneSearchResult Search(BenchmarkQuery benchmark)
    {
        var parsed = QueryParser.Default.Parse(benchmark.Text);
        var query = _translator.Translate(parsed, benchmark.Filters, _reader);
        var top = TopScoreDocCollector.Create(PageSize, docsScoredInOrder: false);
        var facets = new LuceneFacetCounter();
        _searcher.Search(query, MultiCollector.Wrap(top, facets));
        var page = top.GetTopDocs();
        var terms = parsed.Required.SelectMany(c => c.Alternatives).Select(t => t.Normalized).Distinct(StringComparer.Ordinal).ToList();
        var hits = new List<LuceneHit>(page.ScoreDocs.Length);
        foreach (var scored in page.ScoreDocs)
        {
            var document = _searcher.Doc(scored.Doc, StoredFields);
            var id = document.GetField(LuceneFields.Id).GetInt64Value() ?? throw new InvalidOperationException("a document without its id");
            hits.Add(new LuceneHit(id, scored.Score, SnippetGenerator.Generate(document.Get(LuceneFields.Text), terms)));
        }

        return new LuceneSearchResult(page.TotalHits, facets.Facets(), hits);
    }

    /// <summary>The ids of every matching report (for recall and precision; not timed).</summary>
    public HashSet<long> FindAll(BenchmarkQuery benchmark)
    {
        var query = _translator.Translate(QueryParser.Default.Parse(benchmark.Text), benchmark.Filters, _reader);
        var ids = new LuceneIdCollector();
        _searcher.Search(query, ids);
        return ids.Ids;
    }

    public void Dispose()
    {
        _reader.Dispose();
        _directory.Dispose();
    }
}
