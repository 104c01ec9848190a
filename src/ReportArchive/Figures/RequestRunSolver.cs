namespace ReportArchive.Figures;

/// <summary>
/// Reads the rows of table B whose cells run together. Each row's candidate splits are those whose six applicant
/// columns add up to its 总计; the rows are then read together: a combination of candidates is admissible when
/// every column identity whose cells are all known holds (一+二 = （七）+四, （七） = the sum of the handling rows).
/// An identity that fails under every combination is a printing error of the table and is not used. A cell is
/// read when every admissible combination gives it the same value.
/// </summary>
internal static class RequestRunSolver
{
    private const int Width = 7;
    private const long MaxCombinations = 200_000;

    public static void Solve(TemplateShape shape, decimal?[][] grid, (int Start, int End)?[][] cellSpans, List<(int Row, DigitRun Run)> runRows, List<string> warnings)
    {
        if (runRows.Count == 0)
        {
            return;
        }

        var rows = shape.RequestRows;
        var rules = Enumerable.Repeat(CellRule.Count, Width).ToArray();
        var candidates = new List<SplitCell[]>?[runRows.Count];
        for (var u = 0; u < runRows.Count; u++)
        {
            var (row, run) = runRows[u];
            candidates[u] = DigitRunSplitter.Split(run, rules, RowTotalHolds);
            if (candidates[u] is null)
            {
                warnings.Add($"table B: row {rows[row].ChineseLabel}: cells run together ('{run.Printed}'), too many splits to test; left empty");
            }
            else if (candidates[u]!.Count == 0 && LostCellReading(run) is { } lost)
            {
                grid[row] = lost.Vector;
                warnings.Add($"table B: row {rows[row].ChineseLabel}: {lost.Description}; read as {RowReadings.Format(grid[row])}, whichever cell was lost");
                for (var c = 0; c < Width; c++)
                {
                    cellSpans[row][c] = lost.Spans[c];
                }

                candidates[u] = null;
            }
        }

        var admissible = Admissible(shape, grid, runRows, candidates, out var note);
        for (var u = 0; u < runRows.Count; u++)
        {
            if (candidates[u] is null)
            {
                continue;
            }

            var (row, run) = runRows[u];
            var splits = admissible[u];
            var cells = SplitAgreement.Cells(splits, Width);
            for (var c = 0; c < Width; c++)
            {
                grid[row][c] = cells[c]?.Value;
                cellSpans[row][c] = cells[c] is { } cell ? (cell.Start, cell.End) : null;
            }

            var identities = candidates[u]!.Count > splits.Count || note.Length > 0 ? "its row total and the column identities" + note : "its row total";
            warnings.Add(SplitAgreement.Explain($"table B: row {rows[row].ChineseLabel}", run, splits.Count, cells, identities));
        }
    }

    private static bool RowTotalHolds(SplitCell[] cells)
    {
        decimal sum = 0;
        for (var c = 0; c < Width - 1; c++)
        {
            sum += cells[c].Value;
        }

        return sum == cells[Width - 1].Value;
    }

    /// <summary>Six digits for seven cells: each digit is a cell and one was lost; read only when every place of the lost cell gives the same row.</summary>
    private static (decimal?[] Vector, (int Start, int End)?[] Spans, string Description)? LostCellReading(DigitRun run)
    {
        if (run.Length != Width - 1 || run.Chars.Any(c => !char.IsAsciiDigit(c)))
        {
            return null;
        }

        var tokens = Enumerable.Range(0, run.Length)
            .Select(i => new CellToken(run.Positions[i], run.Positions[i] + 1, 0, CellTokenKind.Number, run.Chars[i] - '0'))
            .ToList();
        var readings = RowReadings.Of(tokens, Width, Width);
        if (readings.Kind != RowReadingKind.OneMissing || !readings.AllReadingsAgree)
        {
            return null;
        }

        var vector = readings.Candidates[0];
        return (vector, SourceAligner.Align(vector, tokens), readings.Description);
    }

    /// <summary>Per run row, the candidate splits that take part in at least one admissible combination.</summary>
    private static List<SplitCell[]>[] Admissible(TemplateShape shape, decimal?[][] grid, List<(int Row, DigitRun Run)> runRows, List<SplitCell[]>?[] candidates, out string note)
    {
        note = string.Empty;
        var count = runRows.Count;
        var result = new List<SplitCell[]>[count];
        var combinations = 1L;
        var open = new List<int>();
        for (var u = 0; u < count; u++)
        {
            result[u] = [];
            var n = candidates[u]?.Count ?? 0;
            if (n == 0)
            {
                continue;
            }

            if (n == 1)
            {
                SetRow(grid, runRows[u].Row, candidates[u]![0]);
            }
            else
            {
                open.Add(u);
                combinations = Math.Min(combinations * n, MaxCombinations + 1);
            }
        }

        var identities = Identities(shape);
        if (combinations > MaxCombinations)
        {
            note = " (too many combinations to test the column identities)";
            for (var u = 0; u < count; u++)
            {
                result[u] = candidates[u] ?? [];
            }

            return result;
        }

        // which identities hold under some combination; those that never do are printing errors and are left out
        var everHolds = new bool[identities.Count];
        var evaluable = new bool[identities.Count];
        ForEachCombination(grid, runRows, candidates, open, () =>
        {
            for (var i = 0; i < identities.Count; i++)
            {
                if (identities[i](grid) is { } holds)
                {
                    evaluable[i] = true;
                    everHolds[i] |= holds;
                }
            }
        });

        var used = Enumerable.Range(0, identities.Count).Where(i => everHolds[i]).ToList();
        var broken = Enumerable.Range(0, identities.Count).Count(i => evaluable[i] && !everHolds[i]);
        var chosen = new bool[count][];
        for (var u = 0; u < count; u++)
        {
            chosen[u] = new bool[candidates[u]?.Count ?? 0];
        }

        var admissibleCombinations = 0;
        var choice = new int[count];
        ForEachCombination(grid, runRows, candidates, open, choice, () =>
        {
            foreach (var i in used)
            {
                if (identities[i](grid) == false)
                {
                    return;
                }
            }

            admissibleCombinations++;
            for (var u = 0; u < count; u++)
            {
                if (chosen[u].Length > 0)
                {
                    chosen[u][choice[u]] = true;
                }
            }
        });

        if (admissibleCombinations == 0)
        {
            note = " (no combination satisfies the column identities together: rows read alone)";
            for (var u = 0; u < count; u++)
            {
                result[u] = candidates[u] ?? [];
            }

            return result;
        }

        if (broken > 0)
        {
            note = $" ({broken} column identities fail under every reading and were not used)";
        }

        for (var u = 0; u < count; u++)
        {
            for (var k = 0; k < chosen[u].Length; k++)
            {
                if (chosen[u][k])
                {
                    result[u].Add(candidates[u]![k]);
                }
            }
        }

        return result;
    }

    private static void ForEachCombination(decimal?[][] grid, List<(int Row, DigitRun Run)> runRows, List<SplitCell[]>?[] candidates, List<int> open, Action visit)
        => ForEachCombination(grid, runRows, candidates, open, new int[runRows.Count], visit);

    private static void ForEachCombination(decimal?[][] grid, List<(int Row, DigitRun Run)> runRows, List<SplitCell[]>?[] candidates, List<int> open, int[] choice, Action visit)
    {
        Recurse(0);

        void Recurse(int k)
        {
            if (k == open.Count)
            {
                visit();
                return;
            }

            var u = open[k];
            for (var i = 0; i < candidates[u]!.Count; i++)
            {
                choice[u] = i;
                SetRow(grid, runRows[u].Row, candidates[u]![i]);
                Recurse(k + 1);
            }

            Array.Clear(grid[runRows[u].Row]);
        }
    }

    private static void SetRow(decimal?[][] grid, int row, SplitCell[] cells)
    {
        for (var c = 0; c < Width; c++)
        {
            grid[row][c] = cells[c].Value;
        }
    }

    /// <summary>The column identities of table B: true or false when every cell is known, null otherwise.</summary>
    internal static List<Func<decimal?[][], bool?>> Identities(TemplateShape shape)
    {
        var processed = shape.ProcessedRow;
        var identities = new List<Func<decimal?[][], bool?>>();
        for (var c = 0; c < Width; c++)
        {
            var column = c;
            identities.Add(g => Equal(g[0][column] + g[1][column], g[processed][column] + g[processed + 1][column]));
            identities.Add(g =>
            {
                decimal? sum = 0;
                for (var r = shape.FirstHandlingRow; r < processed; r++)
                {
                    sum += g[r][column];
                }

                return Equal(sum, g[processed][column]);
            });
        }

        return identities;
    }

    private static bool? Equal(decimal? left, decimal? right) => left is { } l && right is { } r ? l == r : null;
}
