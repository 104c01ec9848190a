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
    /// <remarks>
    /// The term's index tokens at consecutive positions, as the report's own tokens stand. Inside a term, a segment
    /// ends with its exact last-character token (a report has the same separator there). The term's last segment may
    /// go on in a report: of two characters or more, its bigrams alone match it exactly (they only chain inside one
    /// segment), and its last-character token is left out — a prefix there would cost FTS5 a scan over every term
    /// starting with that character; a one-character last segment is matched as a prefix (a bigram or a segment end
    /// starting with it).
    /// </remarks>
    public static (string? Phrase, bool Exact) Phrase(string normalizedTerm)
    {
        ArgumentNullException.ThrowIfNull(normalizedTerm);
        var tokens = new List<(int Start, int Length, Analysis.TokenKind Kind)>();
        var segments = 0;
        var coveredUpTo = 0;
        var gaps = false;
        foreach (var token in new SegmentBigramEnumerator(normalizedTerm))
        {
            gaps |= token.Start > coveredUpTo;
            coveredUpTo = token.Start + token.Length;
            segments += token.Kind == Analysis.TokenKind.Unigram ? 1 : 0;
            tokens.Add((token.Start, token.Length, token.Kind));
        }

        if (tokens.Count == 0)
        {
            return (null, false);
        }

        var lastIsPrefix = tokens.Count == 1 || tokens[^2].Kind == Analysis.TokenKind.Unigram;
        if (!lastIsPrefix)
        {
            tokens.RemoveAt(tokens.Count - 1);
        }

        var builder = new StringBuilder();
        foreach (var (start, length, _) in tokens)
        {
            if (builder.Length > 0)
            {
                builder.Append(" + ");
            }

            builder.Append('"').Append(normalizedTerm.AsSpan(start, length)).Append('"');
        }

        if (lastIsPrefix)
        {
            builder.Append(" *");
        }

        var exact = segments == 1 && !gaps && coveredUpTo == normalizedTerm.Length;
        return (builder.ToString(), exact);
    }
}
