using System.Globalization;

namespace ReportArchive.Figures;

/// <summary>
/// Every way to cut a digit run into a row's cells: each cell a well-formed number (no leading zero but "0"
/// itself, a minus sign or point only where the column allows it), every space of the run a cut. The number of
/// cuts is at most C(L−1, n−1) for L characters and n cells; the search stops past <see cref="MaxSteps"/> steps
/// or <see cref="MaxSplits"/> splits and answers null (too many to decide).
/// </summary>
internal static class DigitRunSplitter
{
    public const int MaxSplits = 20_000;

    private static readonly System.Buffers.SearchValues<char> Digits = System.Buffers.SearchValues.Create("0123456789");
    public const int MaxSteps = 2_000_000;

    /// <summary>The splits that <paramref name="accept"/> keeps, or null when there are too many to test.</summary>
    public static List<SplitCell[]>? Split(DigitRun run, IReadOnlyList<CellRule> rules, Func<SplitCell[], bool> accept)
    {
        var n = rules.Count;
        var result = new List<SplitCell[]>();
        if (n == 0 || run.Length < n)
        {
            return result;
        }

        var cells = new SplitCell[n];
        var steps = 0;
        var overflow = false;
        Search(0, 0);
        return overflow ? null : result;

        void Search(int position, int cell)
        {
            if (overflow)
            {
                return;
            }

            var remaining = n - cell - 1;
            var lastEnd = run.Length - remaining;
            for (var end = position + 1; end <= lastEnd; end++)
            {
                if (++steps > MaxSteps)
                {
                    overflow = true;
                    return;
                }

                if (end - 1 > position && run.BoundaryBefore[end - 1])
                {
                    break; // the cell would hold a printed space
                }

                if (remaining == 0 && end != run.Length)
                {
                    continue;
                }

                if (end < run.Length && remaining == 0)
                {
                    continue;
                }

                if (Parse(run.Chars.AsSpan(position, end - position), rules[cell]) is not { } value)
                {
                    continue;
                }

                cells[cell] = new SplitCell(value, run.Positions[position], run.Positions[end - 1] + 1);
                if (remaining == 0)
                {
                    if (accept(cells))
                    {
                        result.Add((SplitCell[])cells.Clone());
                        if (result.Count > MaxSplits)
                        {
                            overflow = true;
                        }
                    }

                    return;
                }

                Search(end, cell + 1);
                if (overflow)
                {
                    return;
                }
            }
        }
    }

    /// <summary>A well-formed cell: [-](0|[1-9][0-9]*)[.[0-9]+], sign and point only where allowed.</summary>
    public static decimal? Parse(ReadOnlySpan<char> cell, CellRule rule)
    {
        var body = cell;
        if (body.Length > 0 && body[0] == '-')
        {
            if (!rule.Negative)
            {
                return null;
            }

            body = body[1..];
        }

        var dot = body.IndexOf('.');
        var integer = dot >= 0 ? body[..dot] : body;
        if (integer.IsEmpty || integer.Length > 1 && integer[0] == '0' || integer.ContainsAnyExcept(Digits))
        {
            return null;
        }

        if (dot >= 0)
        {
            var fraction = body[(dot + 1)..];
            if (!rule.Decimal || fraction.IsEmpty || fraction.ContainsAnyExcept(Digits))
            {
                return null;
            }
        }

        return integer.Length > 15 ? null
            : decimal.Parse(cell, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
    }
}
