using System.Text;
using ReportArchive.Analysis.Normalization;
using ReportArchive.Analysis.Segmentation;
using ReportArchive.Analysis.Synonyms;

namespace ReportArchive.Search;

/// <summary>
/// Parses the query syntax: terms separated by spaces must all occur; <c>"quoted text"</c> is one exact string
/// (spaces and punctuation included); <c>OR</c> between two terms lets either occur; <c>-term</c> excludes. Every
/// other character is literal text to find — no input is an error. An unterminated quote runs to the end.
/// <para>
/// Understanding: an unquoted run of Chinese that is not one dictionary word is split into its words, which must
/// all occur (郑州行政诉讼 → 郑州 AND 行政诉讼; the whole run ranks first); a dictionary word is never split;
/// unquoted terms also match their synonyms (工信局 ↔ 工业和信息化局). Quoted strings are taken as typed.
/// </para>
/// </summary>
public sealed class QueryParser(WordSegmenter segmenter, SynonymTable synonyms)
{
    public static QueryParser Default { get; } = new(WordSegmenter.Default, SynonymTable.Default);

    public SearchQuery Parse(string? input)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return SearchQuery.Empty;
        }

        var items = Lex(input);
        var clauses = new List<QueryClause>();
        var phrases = new List<string>();
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            if (!item.Excluded && !(i + 2 < items.Count && items[i + 1].IsOrOperator) && SplitIntoWords(item) is { } words)
            {
                phrases.Add(TextNormalizer.NormalizeToString(item.Text));
                clauses.AddRange(words.Select(word => new QueryClause(WithSynonyms(new QueryTerm(word, word, QueryTermKind.Word, item.Text), item), false)));
                continue;
            }

            var alternatives = new List<QueryTerm>();
            AddTerm(alternatives, item);
            // a OR b OR c: an OR between two terms (not before an excluded one) joins them.
            while (!item.Excluded && i + 2 < items.Count && items[i + 1].IsOrOperator && !items[i + 2].Excluded)
            {
                AddTerm(alternatives, items[i + 2]);
                i += 2;
            }

            if (alternatives.Count > 0)
            {
                clauses.Add(new QueryClause(alternatives, item.Excluded));
            }
        }

        return new SearchQuery(clauses, phrases);
    }

    /// <summary>The words of an unquoted all-Han term that is not itself a dictionary word; null to keep it whole.</summary>
    private List<string>? SplitIntoWords(LexedItem item)
    {
        if (item.Quoted)
        {
            return null;
        }

        var normalized = TextNormalizer.NormalizeToString(item.Text);
        if (normalized.Length < 3 || !normalized.EnumerateRunes().All(r => CharacterClass.IsHan(r.Value)) || segmenter.IsWord(normalized))
        {
            return null;
        }

        var words = segmenter.Segment(normalized).Select(s => s.Text).Distinct(StringComparer.Ordinal).ToList();
        return words.Count > 1 ? words : null;
    }

    private void AddTerm(List<QueryTerm> terms, LexedItem item)
    {
        var normalized = TextNormalizer.NormalizeToString(item.Text);
        if (normalized.Length == 0 || terms.Exists(t => t.Normalized == normalized))
        {
            return;
        }

        foreach (var term in WithSynonyms(new QueryTerm(item.Text, normalized, QueryTermKind.Exact), item))
        {
            if (!terms.Exists(t => t.Normalized == term.Normalized))
            {
                terms.Add(term);
            }
        }
    }

    private List<QueryTerm> WithSynonyms(QueryTerm term, LexedItem item)
    {
        var terms = new List<QueryTerm> { term };
        if (!item.Quoted)
        {
            terms.AddRange(synonyms.Expand(term.Normalized).Skip(1)
                .Select(s => new QueryTerm(s, TextNormalizer.NormalizeToString(s), QueryTermKind.Synonym, term.Text)));
        }

        return terms;
    }

    private static List<LexedItem> Lex(string input)
    {
        var items = new List<LexedItem>();
        var i = 0;
        while (i < input.Length)
        {
            if (char.IsWhiteSpace(input[i]))
            {
                i++;
                continue;
            }

            var excluded = false;
            if (input[i] == '-' && i + 1 < input.Length && !char.IsWhiteSpace(input[i + 1]))
            {
                excluded = true;
                i++;
            }

            if (input[i] == '"')
            {
                var close = input.IndexOf('"', i + 1);
                var end = close < 0 ? input.Length : close;
                items.Add(new LexedItem(input[(i + 1)..end], excluded, Quoted: true));
                i = close < 0 ? input.Length : close + 1;
                continue;
            }

            var word = new StringBuilder();
            while (i < input.Length && !char.IsWhiteSpace(input[i]))
            {
                word.Append(input[i++]);
            }

            items.Add(new LexedItem(word.ToString(), excluded, Quoted: false));
        }

        return items;
    }

    private sealed record LexedItem(string Text, bool Excluded, bool Quoted)
    {
        public bool IsOrOperator => !Quoted && !Excluded && Text == "OR";
    }
}
