using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.Search;
using ReportArchive.Search;

namespace ReportArchive.Benchmarks.Lucene;

/// <summary>
/// A term through the index's own analyzer (SmartChineseAnalyzer), its words as a phrase at the positions the analyzer
/// gives them — what Lucene's query parser does for a quoted phrase. A word the segmenter cuts differently in a text
/// (诉讼 inside 行政诉讼 as one word) is not found there.
/// </summary>
internal sealed class SmartCnPhraseQueries(Analyzer analyzer) : ILuceneTermQueries
{
    public Query ForTerm(QueryTerm term, IndexReader reader)
    {
        var words = new List<(string Word, int Position)>();
        using (var stream = analyzer.GetTokenStream(LuceneFields.Text, term.Text))
        {
            var text = stream.AddAttribute<ICharTermAttribute>();
            var increment = stream.AddAttribute<IPositionIncrementAttribute>();
            stream.Reset();
            var position = -1;
            while (stream.IncrementToken())
            {
                position += increment.PositionIncrement;
                words.Add((text.ToString(), position));
            }

            stream.End();
        }

        switch (words.Count)
        {
            case 0:
                return new BooleanQuery();
            case 1:
                return new TermQuery(new Term(LuceneFields.Text, words[0].Word));
        }

        var phrase = new PhraseQuery();
        foreach (var (word, position) in words)
        {
            phrase.Add(new Term(LuceneFields.Text, word), position);
        }

        return phrase;
    }
}
