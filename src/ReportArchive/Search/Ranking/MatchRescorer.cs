using ReportArchive.Analysis.Segmentation;

namespace ReportArchive.Search.Ranking;

/// <summary>
/// Re-ranks the best BM25 candidates (a window at the top, as a rescorer does) by what their text shows: the whole
/// typed phrase first, then mentions in the report's own words above mentions only in the template's wording, then
/// whole-word matches above matches inside longer words; BM25 (title and agency weighted up) within each tier.
/// </summary>
public sealed class MatchRescorer(WordSegmenter segmenter, TemplateBoilerplate boilerplate)
{
    private const int Context = 8;
    private const int MaxOccurrences = 64;

    /// <summary>
    /// Everything of a query that <see cref="Features"/> reads (the phrases and the required terms' normalised forms):
    /// two queries with the same key have the same features in every text.
    /// </summary>
    public static string FeatureKey(SearchQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return string.Join('\u001F', query.Phrases) + '\u001E' + string.Join('\u001F', query.Required.SelectMany(c => c.Alternatives).Select(t => t.Normalized));
    }

    public MatchFeatures Features(SearchQuery query, string normalizedText)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(normalizedText);
        var wholePhrase = query.Phrases.Any(p => normalizedText.Contains(p, StringComparison.Ordinal));
        var ownWords = false;
        var wholeWord = false;
        foreach (var term in query.Required.SelectMany(c => c.Alternatives))
        {
            var seen = 0;
            for (var at = normalizedText.IndexOf(term.Normalized, StringComparison.Ordinal);
                 at >= 0 && seen++ < MaxOccurrences && !(ownWords && wholeWord);
                 at = normalizedText.IndexOf(term.Normalized, at + 1, StringComparison.Ordinal))
            {
                var end = at + term.Normalized.Length;
                ownWords = ownWords || !boilerplate.Covers(normalizedText, at, end);
                wholeWord = wholeWord || IsWholeWord(normalizedText, at, end);
            }
        }

        return new MatchFeatures(wholePhrase, ownWords, wholeWord);
    }

    private bool IsWholeWord(string text, int start, int end)
    {
        var from = Math.Max(0, start - Context);
        var to = Math.Min(text.Length, end + Context);
        var startsWord = false;
        var endsWord = false;
        foreach (var segment in segmenter.Segment(text[from..to]))
        {
            startsWord |= from + segment.Start == start;
            endsWord |= from + segment.Start + segment.Length == end;
        }

        return startsWord && endsWord;
    }
}
