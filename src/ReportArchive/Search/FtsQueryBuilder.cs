using System.Text;
using ReportArchive.Analysis.Tokenizers;

namespace ReportArchive.Search;

/// <summary>
/// Turns a <see cref="SearchQuery"/> into an FTS5 MATCH expression over the analyzer's segment bigrams. User text
/// never reaches FTS5 syntax: each index term is a quoted string of letters and digits only, built here.
/// A term that is one segment (letters and digits only) is exact: its bigrams as a phrase, the last character as a
/// prefix. A term with punctuation or spaces inside is a superset (the segments as one phrase), and a term with no
/// letters or digits cannot use the index at all; both need verification.
/// </summary>
public static class FtsQueryBuilder
{
    public static FtsQuery Build(SearchQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var needsVerification = false;
        var required = new List<string>();
        foreach (var clause in query.Required)
        {
            var phrases = new List<string>();
            var complete = true;
            foreach (var term in clause.Alternatives)
            {
                var (phrase, exact) = Phrase(term.Normalized);
                needsVerification |= !exact;
                if (phrase is null)
                {
                    complete = false;
                }
                else
                {
                    phrases.Add(phrase);
                }
            }

            // An alternative the index cannot express makes the whole OR-group unusable as a filter.
            if (complete)
            {
                required.Add(phrases.Count == 1 ? phrases[0] : "(" + string.Join(" OR ", phrases) + ")");
            }
        }

        var excluded = new List<string>();
        foreach (var term in query.Excluded.SelectMany(c => c.Alternatives))
        {
            var (phrase, exact) = Phrase(term.Normalized);
            if (exact && phrase is not null)
            {
                excluded.Add(phrase);
            }
            else
            {
                needsVerification = true;
            }
        }

        return new FtsQuery(
            required.Count == 0 ? null : string.Join(" AND ", required),
            excluded.Count == 0 ? null : string.Join(" OR ", excluded),
            needsVerification);
    }

    /// <summary>The FTS5 phrase for one normalised term, and whether it matches exactly the reports containing it.</summary>
    public static (string? Phrase, bool Exact) Phrase(string normalizedTerm)
    {
        ArgumentNullException.ThrowIfNull(normalizedTerm);
        var builder = new StringBuilder();
        var segmentEnds = 0;
        var tokens = 0;
        var coveredUpTo = 0;
        var gaps = false;
        foreach (var token in new SegmentBigramEnumerator(normalizedTerm))
        {
            if (token.Start > coveredUpTo)
            {
                gaps = true;
            }

            coveredUpTo = token.Start + token.Length;
            if (tokens++ > 0)
            {
                builder.Append(" + ");
            }

            builder.Append('"').Append(normalizedTerm.AsSpan(token.Start, token.Length)).Append('"');
            if (token.Kind == Analysis.TokenKind.Unigram)
            {
                segmentEnds++;
            }
        }

        if (tokens == 0)
        {
            return (null, false);
        }

        // The term's last character may be followed by more of the same segment in a report: match it as a prefix.
        builder.Append(" *");
        var exact = segmentEnds == 1 && !gaps && coveredUpTo == normalizedTerm.Length;
        return (builder.ToString(), exact);
    }
}
