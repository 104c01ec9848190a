using System.Text;
using ReportArchive.Analysis.Normalization;

namespace ReportArchive.Search;

/// <summary>
/// Parses the query syntax: terms separated by spaces must all occur; <c>"quoted text"</c> is one exact string
/// (spaces and punctuation included); <c>OR</c> between two terms lets either occur; <c>-term</c> excludes. Every
/// other character is literal text to find — no input is an error. An unterminated quote runs to the end.
/// </summary>
public static class QueryParser
{
    public static SearchQuery Parse(string? input)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return SearchQuery.Empty;
        }

        var items = Lex(input);
        var clauses = new List<QueryClause>();
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
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

        return new SearchQuery(clauses);
    }

    private static void AddTerm(List<QueryTerm> terms, LexedItem item)
    {
        var normalized = TextNormalizer.NormalizeToString(item.Text);
        if (normalized.Length > 0 && !terms.Exists(t => t.Normalized == normalized))
        {
            terms.Add(new QueryTerm(item.Text, normalized, item.Quoted));
        }
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
