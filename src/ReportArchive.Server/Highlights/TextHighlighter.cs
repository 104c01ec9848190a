using ReportArchive.Analysis.Normalization;
using ReportArchive.Search;
using ReportArchive.Search.Highlighting;

namespace ReportArchive.Server.Highlights;

/// <summary>
/// Every place in a text where a term of the query matches, by the search's own rule: the normalised query terms
/// (<see cref="QueryParser"/>) found in the normalised text (<see cref="TextNormalizer"/>) and mapped back through the
/// offset map to UTF-16 ranges of the original text; overlapping or touching ranges are merged. Excluded terms are
/// not highlighted.
/// </summary>
internal static class TextHighlighter
{
    public const int MaxRanges = 10_000;

    public static IReadOnlyList<Highlight> Find(string text, string? query)
    {
        var terms = QueryParser.Parse(query).Required
            .SelectMany(c => c.Alternatives).Select(t => t.Normalized)
            .Where(t => t.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (terms.Count == 0)
        {
            return [];
        }

        var normalized = TextNormalizer.Normalize(text);
        var found = new List<Highlight>();
        foreach (var term in terms)
        {
            for (var at = normalized.Text.IndexOf(term, StringComparison.Ordinal);
                 at >= 0 && found.Count < MaxRanges;
                 at = normalized.Text.IndexOf(term, at + 1, StringComparison.Ordinal))
            {
                var (start, end) = normalized.ToOriginal(at, at + term.Length);
                found.Add(new Highlight(start, end));
            }
        }

        found.Sort((a, b) => a.Start.CompareTo(b.Start));
        var merged = new List<Highlight>();
        foreach (var range in found)
        {
            if (merged.Count > 0 && range.Start <= merged[^1].End)
            {
                merged[^1] = merged[^1] with { End = Math.Max(merged[^1].End, range.End) };
            }
            else
            {
                merged.Add(range);
            }
        }

        return merged;
    }
}
