namespace ReportArchive.Figures;

/// <summary>
/// Gives each found row the cell values printed between its label and the next found label. Recognises a bare
/// enumerator ("1 属于国家秘密") as part of the label, and the layout where every label comes first and every
/// number after them (a run of rows without numbers followed by one row holding all of theirs).
/// </summary>
internal static class RowNumberAssigner
{
    /// <summary>
    /// Returns per row the tokens assigned, or null where the row's label was not found; <c>spans</c> gives per row
    /// the text between its label and the next label, null where the values came from elsewhere (every label
    /// first, every value after them).
    /// </summary>
    public static List<CellToken>?[] Assign(TableText text, IReadOnlyList<TableRow> rows, RowAnchor?[] anchors, List<CellToken> tokens, int regionEnd, out (int Start, int End)?[] spans)
    {
        spans = new (int Start, int End)?[rows.Count];
        var consumed = FindEnumerators(text, rows, anchors, tokens);
        var assigned = new List<CellToken>?[rows.Count];
        var found = new List<int>();
        for (var i = 0; i < rows.Count; i++)
        {
            if (anchors[i] is not null)
            {
                found.Add(i);
                assigned[i] = [];
            }
        }

        var t = 0;
        for (var f = 0; f < found.Count; f++)
        {
            var row = found[f];
            var start = anchors[row]!.Value.End;
            var end = f + 1 < found.Count ? anchors[found[f + 1]]!.Value.Start : regionEnd;
            spans[row] = (start, end);
            while (t < tokens.Count && tokens[t].Start < start)
            {
                t++;
            }

            while (t < tokens.Count && tokens[t].End <= end)
            {
                if (!consumed.Contains(t))
                {
                    assigned[row]!.Add(tokens[t]);
                }

                t++;
            }
        }

        DistributeTrailingNumbers(rows, assigned, found, spans);
        return assigned;
    }

    private static HashSet<int> FindEnumerators(TableText text, IReadOnlyList<TableRow> rows, RowAnchor?[] anchors, List<CellToken> tokens)
    {
        var consumed = new HashSet<int>();
        for (var i = 0; i < rows.Count; i++)
        {
            if (anchors[i] is not { } anchor || rows[i].EnumeratorIndex == 0)
            {
                continue;
            }

            var j = LastTokenBefore(tokens, anchor.Start);
            if (j < 0)
            {
                continue;
            }

            var token = tokens[j];
            var line = text.LineOf(anchor.Start);
            if (token.Line != line || token.Kind != CellTokenKind.Number || token.Value != rows[i].EnumeratorIndex)
            {
                continue;
            }

            var gap = text.Text.AsSpan(token.End, anchor.Start - token.End);
            var firstOnLine = j == 0 || tokens[j - 1].Line != line;
            if (firstOnLine && !gap.Contains('\t') && !gap.Contains("  ", StringComparison.Ordinal))
            {
                consumed.Add(j);
            }
        }

        return consumed;
    }

    private static int LastTokenBefore(List<CellToken> tokens, int position)
    {
        int lo = 0, hi = tokens.Count - 1, result = -1;
        while (lo <= hi)
        {
            var mid = (lo + hi) / 2;
            if (tokens[mid].End <= position)
            {
                result = mid;
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return result;
    }

    private static void DistributeTrailingNumbers(IReadOnlyList<TableRow> rows, List<CellToken>?[] assigned, List<int> found, (int Start, int End)?[] spans)
    {
        for (var f = 0; f < found.Count; f++)
        {
            var row = found[f];
            var count = assigned[row]!.Count;
            if (count <= rows[row].Width)
            {
                continue;
            }

            // rows found[g..f-1] without numbers: does row f hold exactly the cells of rows g..f?
            var width = rows[row].Width;
            for (var g = f - 1; g >= 0 && assigned[found[g]]!.Count == 0; g--)
            {
                width += rows[found[g]].Width;
                if (width == count)
                {
                    var pool = assigned[row]!;
                    var next = 0;
                    for (var k = g; k <= f; k++)
                    {
                        var w = rows[found[k]].Width;
                        assigned[found[k]] = pool.GetRange(next, w);
                        spans[found[k]] = null;
                        next += w;
                    }

                    break;
                }
            }
        }
    }
}
