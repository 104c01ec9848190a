using ReportArchive.Analysis.Normalization;
using ReportArchive.Figures;

namespace ReportArchive.Search.Highlighting;

/// <summary>
/// Picks up to three passages of a report that show its matches: finds every occurrence of every term in the
/// normalised text, maps each to the original text through the offset map, and prefers passages that show the
/// most distinct terms, then the earliest.
/// </summary>
public static class SnippetGenerator
{
    private const int MaxSnippets = 3;
    private const int ContextBefore = 30;
    private const int PassageLength = 110;
    private const int MaxOccurrences = 500;
    private const int MaxPassageExtent = 4 * PassageLength;

    public static IReadOnlyList<Snippet> Generate(string text, IReadOnlyList<string> normalizedTerms, IReadOnlyList<FigureSource>? cells = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(normalizedTerms);
        return normalizedTerms.Count == 0 ? [Opening(text, cells)] : Generate(TextNormalizer.Normalize(text), normalizedTerms, cells);
    }

    /// <summary>
    /// The snippets of a text already normalised (its <see cref="NormalizedText.Original"/> is what they show);
    /// <paramref name="cells"/>: the report's figure sources, so a passage shows located cells with their labels.
    /// </summary>
    public static IReadOnlyList<Snippet> Generate(NormalizedText normalized, IReadOnlyList<string> normalizedTerms, IReadOnlyList<FigureSource>? cells = null)
    {
        ArgumentNullException.ThrowIfNull(normalized);
        ArgumentNullException.ThrowIfNull(normalizedTerms);
        var text = normalized.Original;
        if (normalizedTerms.Count == 0)
        {
            return [Opening(text, cells)];
        }

        var occurrences = TermOccurrences.Find(normalized, normalizedTerms, MaxOccurrences);
        if (occurrences.Count == 0)
        {
            return [];
        }

        var seen = new int[normalizedTerms.Count];
        var labels = LabelLengths(cells);
        var windows = occurrences.Select(o => Window(text, o.Start, labels)).Distinct().ToList();
        var candidates = windows
            .Select((w, i) => (Window: w, Terms: DistinctTermsWithin(occurrences, w, seen, i + 1)))
            .OrderByDescending(c => c.Terms)
            .ThenBy(c => c.Window.Start);
        var chosen = new List<(int Start, int End)>();
        foreach (var (window, _) in candidates)
        {
            if (chosen.TrueForAll(c => window.End <= c.Start || window.Start >= c.End))
            {
                chosen.Add(window);
                if (chosen.Count == MaxSnippets)
                {
                    break;
                }
            }
        }

        return chosen
            .OrderBy(w => w.Start)
            .Select(w => new Snippet(text, w.Start, w.End, TermOccurrences.Merge(occurrences.Where(o => o.Start >= w.Start && o.End <= w.End)), cells))
            .ToList();
    }

    /// <summary>
    /// How many distinct terms occur wholly inside the window: the occurrences (ordered by start) from the first one
    /// starting in it, up to the first one starting at its end. <paramref name="seen"/> marks a term with the window's
    /// <paramref name="stamp"/> (unique per window) once counted.
    /// </summary>
    private static int DistinctTermsWithin(List<TermOccurrence> occurrences, (int Start, int End) window, int[] seen, int stamp)
    {
        int low = 0, high = occurrences.Count;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (occurrences[middle].Start < window.Start)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        var terms = 0;
        for (var i = low; i < occurrences.Count && occurrences[i].Start < window.End; i++)
        {
            var occurrence = occurrences[i];
            if (occurrence.End <= window.End && seen[occurrence.Term] != stamp)
            {
                seen[occurrence.Term] = stamp;
                terms++;
            }
        }

        return terms;
    }

    private static (int Start, int End) Window(string text, int matchStart, Dictionary<int, int>? labels)
    {
        var start = Math.Max(0, matchStart - ContextBefore);
        var lineStart = text.LastIndexOf('\n', Math.Max(0, matchStart - 1));
        if (lineStart >= start)
        {
            start = lineStart + 1; // begin at the line of the match when it starts nearby
        }

        return (AvoidSplittingPair(text, start), AvoidSplittingPair(text, VisibleEnd(text, start, labels)));
    }

    /// <summary>
    /// Where a passage from <paramref name="start"/> ends: after <see cref="PassageLength"/> characters a reader sees,
    /// the markup a passage leaves out (table pipes and tabs, Markdown marks and rules, HTML tags) not counted, so a
    /// Markdown table row shows its values, and the label a located cell is shown with (<paramref name="labels"/>: its
    /// length by the cell's offset) counted; at most <see cref="MaxPassageExtent"/> characters of the text.
    /// </summary>
    private static int VisibleEnd(string text, int start, Dictionary<int, int>? labels)
    {
        var limit = Math.Min(text.Length, start + MaxPassageExtent);
        var seen = 0;
        var inTag = false;
        var cellBreak = false;
        var i = start;
        for (; i < limit && seen < PassageLength; i++)
        {
            var c = text[i];
            if (labels is not null && labels.TryGetValue(i, out var label))
            {
                seen += label;
            }

            if (inTag)
            {
                inTag = c != '>' && c != '\n';
            }
            else if (c == '<' && i + 1 < text.Length && (char.IsAsciiLetter(text[i + 1]) || text[i + 1] == '/'))
            {
                inTag = true;
            }
            else if (c is '|' or '\t')
            {
                seen += cellBreak ? 0 : 1; // a run of breaks (empty cells) shows as one separator
                cellBreak = true;
            }
            else if (!IsMarkup(c) && !(c == ' ' && ((i > 0 && IsMarkup(text[i - 1])) || (i + 1 < text.Length && IsMarkup(text[i + 1])))))
            {
                seen++;
                cellBreak = false;
            }
        }

        return i;
    }

    /// <summary>The length of the label each located table cell is shown with (its column's and a separator), by the cell's offset.</summary>
    private static Dictionary<int, int>? LabelLengths(IReadOnlyList<FigureSource>? cells)
    {
        if (cells is null || cells.Count == 0)
        {
            return null;
        }

        var lengths = new Dictionary<int, int>(cells.Count);
        foreach (var cell in cells)
        {
            if (cell.Kind == FigureSourceKind.Table && cell.Column is { } column)
            {
                lengths.TryAdd(cell.Start, column.Length + PassageRenderer.CellSeparator.Length);
            }
        }

        return lengths;
    }

    private static bool IsMarkup(char c) => c is '|' or '#' or '*' or '-' or '\t';

    private static int AvoidSplittingPair(string text, int index) =>
        index > 0 && index < text.Length && char.IsLowSurrogate(text[index]) && char.IsHighSurrogate(text[index - 1]) ? index - 1 : index;

    private static Snippet Opening(string text, IReadOnlyList<FigureSource>? cells)
    {
        var firstLineEnd = text.TrimStart().Length == 0 ? 0 : text.IndexOf('\n', text.Length - text.TrimStart().Length);
        var start = firstLineEnd < 0 ? 0 : firstLineEnd + 1;
        while (start < text.Length && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        return new Snippet(text, start, AvoidSplittingPair(text, VisibleEnd(text, start, LabelLengths(cells))), [], cells);
    }
}
