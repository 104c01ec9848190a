namespace ReportArchive.Figures;

/// <summary>
/// Finds the digits printed between a row's label and the next row's label when cells may run together:
/// one cluster of digits (spaces and tabs inside it allowed), with the next row's enumerator ("2." of
/// "00000002.其他法律…", or a lone "1." before 属于国家秘密) taken off. Null when the span has no digits or holds
/// digits in more than one place (a number inside a label, a note): nothing is guessed then.
/// Digits on prose lines (a sentence with 。) are never part of a run.
/// </summary>
internal static class DigitRunFinder
{
    public static DigitRun? Find(TableText table, int start, int end, int nextEnumerator)
    {
        var text = table.Text;
        var clusters = new List<(int Start, int End)>();
        var i = start;
        while (i < end)
        {
            if (!IsRunChar(table, i, end))
            {
                i++;
                continue;
            }

            var clusterStart = i;
            var clusterEnd = i;
            while (i < end)
            {
                if (IsRunChar(table, i, end))
                {
                    i++;
                    clusterEnd = i;
                }
                else if (text[i] is ' ' or '\t')
                {
                    i++;
                }
                else
                {
                    break;
                }
            }

            clusters.Add((clusterStart, clusterEnd));
        }

        var kept = new List<(int Start, int End)>();
        foreach (var cluster in clusters)
        {
            var trimmed = WithoutEnumerator(text, cluster.Start, cluster.End, end, nextEnumerator);
            if (trimmed > cluster.Start)
            {
                kept.Add((cluster.Start, trimmed));
            }
        }

        if (kept.Count != 1)
        {
            return null;
        }

        var (runStart, runEnd) = kept[0];
        var chars = new System.Text.StringBuilder();
        var positions = new List<int>();
        var boundaries = new List<bool>();
        var spaceBefore = false;
        for (var p = runStart; p < runEnd; p++)
        {
            if (text[p] is ' ' or '\t')
            {
                spaceBefore = true;
                continue;
            }

            chars.Append(text[p]);
            positions.Add(p);
            boundaries.Add(spaceBefore && positions.Count > 1);
            spaceBefore = false;
        }

        var glued = IsText(text, runStart - 1) || IsText(text, runEnd);
        return new DigitRun(chars.ToString(), [.. positions], [.. boundaries], glued);
    }

    /// <summary>Digits; a point between digits; a minus sign before a digit. Nothing on a prose line.</summary>
    private static bool IsRunChar(TableText table, int i, int end)
    {
        var text = table.Text;
        var c = text[i];
        if ((char.IsAsciiDigit(c) || c is '.' or '-') && table.IsSkipped(table.LineOf(i)))
        {
            return false;
        }

        if (char.IsAsciiDigit(c))
        {
            return true;
        }

        var nextIsDigit = i + 1 < end && char.IsAsciiDigit(text[i + 1]);
        return c switch
        {
            '.' => nextIsDigit && i > 0 && char.IsAsciiDigit(text[i - 1]),
            '-' => nextIsDigit,
            _ => false,
        };
    }

    /// <summary>
    /// The end of the cluster without a trailing enumerator: digits followed by "." "．" or "、" and then no digit
    /// are the number of the next label — the next row's number when known, else a lone one- or two-digit group.
    /// </summary>
    private static int WithoutEnumerator(string text, int start, int end, int spanEnd, int nextEnumerator)
    {
        if (end >= text.Length || text[end] is not ('.' or '．' or '、') || end + 1 < text.Length && char.IsAsciiDigit(text[end + 1]))
        {
            return end;
        }

        if (nextEnumerator > 0)
        {
            var number = nextEnumerator.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (end - start >= number.Length && text.AsSpan(end - number.Length, number.Length).SequenceEqual(number))
            {
                return TrimSpaces(text, start, end - number.Length);
            }
        }

        var groupStart = end;
        while (groupStart > start && char.IsAsciiDigit(text[groupStart - 1]))
        {
            groupStart--;
        }

        var lone = groupStart == start || text[groupStart - 1] is ' ' or '\t';
        return lone && end - groupStart <= 2 && end <= spanEnd ? TrimSpaces(text, start, groupStart) : end;
    }

    private static int TrimSpaces(string text, int start, int end)
    {
        while (end > start && text[end - 1] is ' ' or '\t')
        {
            end--;
        }

        return end;
    }

    /// <summary>A character that is neither whitespace nor absent: the run touches it.</summary>
    private static bool IsText(string text, int i)
        => i >= 0 && i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] != '|';
}
