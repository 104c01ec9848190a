using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using ReportArchive.Analysis.Tokenizers;
using ReportArchive.Search;

namespace ReportArchive.Benchmarks.Lucene;

/// <summary>
/// A normalised term as a phrase with explicit positions over <see cref="ExactBigramAnalyzer"/>'s tokens, proved the
/// way our index proves it (src/ReportArchive/TextIndex/TermPlan.cs): in each run of segment characters the bigrams at
/// 0, 2, 4, … and, for an odd count, the one at the last but one character; a one-character run followed by more of
/// the term by its segment-end unigram; a separator by its own token; a one-character run ending the term by any token
/// that starts with it (the index's terms with that prefix at that position, a <see cref="MultiPhraseQuery"/>); a
/// term of one character alone is a <see cref="PrefixQuery"/>. Exact except for a term with a space inside (the space
/// has no token), which is a superset, as in our index before verification.
/// </summary>
internal sealed class ExactPhraseQueries : ILuceneTermQueries
{
    public Query ForTerm(QueryTerm term, IndexReader reader)
    {
        var text = term.Normalized;
        var characters = new List<(int Start, int Length, CharacterRole Role)>();
        for (var at = 0; at < text.Length;)
        {
            var role = SegmentBigramEnumerator.RoleOf(text.AsSpan(at), out var length);
            characters.Add((at, length, role));
            at += length;
        }

        if (characters.Count == 0 || characters.Exists(c => c.Role == CharacterRole.Unindexed) || characters.TrueForAll(c => c.Role == CharacterRole.Space))
        {
            return new BooleanQuery(); // no clause: matches nothing
        }

        var atoms = new List<(int Offset, string Token)>();
        (int Offset, string Prefix)? tail = null;
        for (var i = 0; i < characters.Count;)
        {
            var (start, length, role) = characters[i];
            if (role != CharacterRole.Segment)
            {
                if (role == CharacterRole.Separator)
                {
                    atoms.Add((start, text.Substring(start, length)));
                }

                i++;
                continue;
            }

            var end = i;
            while (end < characters.Count && characters[end].Role == CharacterRole.Segment)
            {
                end++;
            }

            var count = end - i;
            for (var b = 0; b <= count - 2; b += 2)
            {
                atoms.Add(Bigram(i + b));
            }

            if (count >= 2 && count % 2 == 1)
            {
                atoms.Add(Bigram(end - 2));
            }

            var last = characters[end - 1];
            if (end < characters.Count && (count == 1 || characters[end].Role == CharacterRole.Space))
            {
                atoms.Add((last.Start, text.Substring(last.Start, last.Length)));
            }
            else if (end == characters.Count && count == 1)
            {
                tail = (last.Start, text.Substring(last.Start, last.Length));
            }

            i = end;
        }

        atoms.Sort((a, b) => a.Offset.CompareTo(b.Offset));
        if (atoms.Count == 0 && tail is { } alone)
        {
            return new PrefixQuery(new Term(LuceneFields.Text, alone.Prefix));
        }

        if (tail is not { } t)
        {
            if (atoms.Count == 1)
            {
                return new TermQuery(new Term(LuceneFields.Text, atoms[0].Token));
            }

            var phrase = new PhraseQuery();
            foreach (var (offset, token) in atoms)
            {
                phrase.Add(new Term(LuceneFields.Text, token), offset);
            }

            return phrase;
        }

        var tailTerms = TermsStartingWith(reader, t.Prefix);
        if (tailTerms.Length == 0)
        {
            return new BooleanQuery();
        }

        var multi = new MultiPhraseQuery();
        foreach (var (offset, token) in atoms)
        {
            multi.Add([new Term(LuceneFields.Text, token)], offset);
        }

        multi.Add(tailTerms, t.Offset);
        return multi;

        (int Offset, string Token) Bigram(int index)
        {
            var first = characters[index];
            var second = characters[index + 1];
            return (first.Start, text.Substring(first.Start, first.Length + second.Length));
        }
    }

    /// <summary>Every token of the index that starts with <paramref name="prefix"/> (its unigram and its bigrams).</summary>
    private static Term[] TermsStartingWith(IndexReader reader, string prefix)
    {
        var terms = MultiFields.GetTerms(reader, LuceneFields.Text);
        if (terms is null)
        {
            return [];
        }

        var bytes = new BytesRef(prefix);
        var found = new List<Term>();
        var iterator = terms.GetEnumerator();
        if (iterator.SeekCeil(bytes) == TermsEnum.SeekStatus.END)
        {
            return [];
        }

        do
        {
            var current = iterator.Term;
            if (!StringHelper.StartsWith(current, bytes))
            {
                break;
            }

            found.Add(new Term(LuceneFields.Text, BytesRef.DeepCopyOf(current)));
        }
        while (iterator.MoveNext());

        return [.. found];
    }
}
