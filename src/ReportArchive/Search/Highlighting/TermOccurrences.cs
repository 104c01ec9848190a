using ReportArchive.Analysis.Normalization;

namespace ReportArchive.Search.Highlighting;

/// <summary>
/// Where terms occur in a text by the search's own rule: each normalised term found in the normalised text, mapped
/// back through the offset map to a range of the original text.
/// </summary>
public static class TermOccurrences
{
    /// <summary>Every occurrence (up to <paramref name="max"/>), ordered by start, the longer first at equal starts.</summary>
    public static List<TermOccurrence> Find(NormalizedText normalized, IReadOnlyList<string> terms, int max)
    {
        ArgumentNullException.ThrowIfNull(normalized);
        ArgumentNullException.ThrowIfNull(terms);
        var found = new List<TermOccurrence>();
        for (var t = 0; t < terms.Count && found.Count < max; t++)
        {
            var term = terms[t];
            if (term.Length == 0)
            {
                continue;
            }

            for (var at = normalized.Text.IndexOf(term, StringComparison.Ordinal);
                 at >= 0 && found.Count < max;
                 at = normalized.Text.IndexOf(term, at + 1, StringComparison.Ordinal))
            {
                var (start, end) = normalized.ToOriginal(at, at + term.Length);
                found.Add(new TermOccurrence(start, end, t));
            }
        }

        found.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.End.CompareTo(a.End));
        return found;
    }

    /// <summary>The union of occurrences as disjoint highlights (行政 inside 行政诉讼 marks 行政诉讼 once).</summary>
    public static List<Highlight> Merge(IEnumerable<TermOccurrence> occurrences)
    {
        ArgumentNullException.ThrowIfNull(occurrences);
        var merged = new List<Highlight>();
        foreach (var o in occurrences.OrderBy(o => o.Start))
        {
            if (merged.Count > 0 && o.Start <= merged[^1].End)
            {
                merged[^1] = merged[^1] with { End = Math.Max(merged[^1].End, o.End) };
            }
            else
            {
                merged.Add(new Highlight(o.Start, o.End));
            }
        }

        return merged;
    }

    /// <summary>The highlights of a whole text.</summary>
    public static List<Highlight> Highlights(string text, IReadOnlyList<string> terms, int max) =>
        Merge(Find(TextNormalizer.Normalize(text), terms, max));
}

/// <summary>One occurrence of the term at index <see cref="Term"/>, as a range of the original text.</summary>
public readonly record struct TermOccurrence(int Start, int End, int Term);
