namespace ReportArchive.Figures;

/// <summary>
/// Reads table B (收到和处理政府信息公开申请). A row printed with one value too many or too few is read every
/// way it can be; the reading kept is the one (if exactly one) under which the table's identities hold:
/// the row total, and per column 一+二 = （七）+四 and （七） = the sum of the handling rows.
/// </summary>
internal static class RequestTableReader
{
    private const int Width = 7;
    private const int MaxCombinations = 4096;

    public static void Read(TableText text, TemplateShape shape, TableRegions regions, OrderedDictionary<string, decimal?> figures, List<string> warnings)
        => Read(text, shape, regions, figures, new Dictionary<string, FigureCellSpan>(StringComparer.Ordinal), warnings);

    public static void Read(TableText text, TemplateShape shape, TableRegions regions, OrderedDictionary<string, decimal?> figures, Dictionary<string, FigureCellSpan> sources, List<string> warnings)
    {
        if (regions.RequestStart < 0)
        {
            warnings.Add("table B: not found");
            return;
        }

        var rows = shape.RequestRows;
        var anchors = RowAnchorFinder.Find(text, rows, regions.RequestStart, regions.RequestEnd);
        var tokens = text.Tokens(regions.RequestStart, regions.RequestEnd);
        var assigned = RowNumberAssigner.Assign(text, rows, anchors, tokens, regions.RequestEnd, out var spans);
        ReadColumnByColumnWhereOnlyThatAddsUp(assigned, spans, warnings);

        var grid = new decimal?[rows.Count][];
        var cellSpans = new (int Start, int End)?[rows.Count][];
        var uncertain = new List<(int Row, RowReadings Readings)>();
        var runRows = new List<(int Row, DigitRun Run)>();
        var separate = new HashSet<int>();
        for (var r = 0; r < rows.Count; r++)
        {
            grid[r] = new decimal?[Width];
            cellSpans[r] = new (int Start, int End)?[Width];
            var label = rows[r].ChineseLabel;
            if (assigned[r] is not { } values)
            {
                warnings.Add($"table B: row {label} not found");
                continue;
            }

            var run = spans[r] is { } runSpan ? DigitRunFinder.Find(text, runSpan.Start, runSpan.End, NextEnumerator(rows, anchors, r)) : null;
            if (run is not null && (run.Glued || values.Count == 0 || values.Any(v => v.Kind == CellTokenKind.RunTogether)))
            {
                runRows.Add((r, run));
                continue;
            }

            if (values.Count == 0)
            {
                warnings.Add($"table B: row {label} has no values");
                continue;
            }

            if (values.Count != Width && spans[r] is { } span && RowReadings.Positioned(text.CellsWithBlanks(span.Start, span.End), Width) is { } positioned)
            {
                grid[r] = positioned;
                continue;
            }

            var readings = RowReadings.Of(values, Width, Width);
            switch (readings.Kind)
            {
                case RowReadingKind.Exact:
                    grid[r] = readings.Candidates[0];
                    separate.Add(r);
                    break;
                case RowReadingKind.OneExtra or RowReadingKind.OneMissing when readings.Candidates.Count == 1 && readings.AllReadingsAgree:
                    grid[r] = readings.Candidates[0];
                    warnings.Add($"table B: row {label}: {readings.Description}; read as {RowReadings.Format(grid[r])}, "
                        + (readings.Kind == RowReadingKind.OneExtra ? "the only reading whose row total adds up" : "whichever cell was lost"));
                    break;
                case RowReadingKind.OneExtra or RowReadingKind.OneMissing:
                    uncertain.Add((r, readings));
                    break;
                default:
                    warnings.Add($"table B: row {label}: {readings.Description}; left empty");
                    break;
            }
        }

        Resolve(shape, grid, uncertain, warnings);
        for (var r = 0; r < rows.Count; r++)
        {
            if (assigned[r] is { } values && !runRows.Exists(u => u.Row == r))
            {
                var printed = spans[r] is { } span && values.Count != Width ? text.CellsWithBlanks(span.Start, span.End) : values;
                cellSpans[r] = SourceAligner.Align(grid[r], printed);
            }
        }

        RequestRunSolver.Solve(shape, grid, cellSpans, runRows, warnings);
        SlidCellReader.Read(shape, grid, cellSpans, separate, warnings);

        for (var r = 0; r < rows.Count; r++)
        {
            for (var c = 0; c < Width; c++)
            {
                var key = rows[r].KeyOf(c);
                figures[key] = grid[r][c];
                if (grid[r][c] is not null && cellSpans[r][c] is { } cell)
                {
                    sources[key] = new FigureCellSpan("B", rows[r].ChineseLabel, TemplateShape.RequestColumns[c].ChineseLabel, cell.Start, cell.End);
                }
            }
        }
    }

    /// <summary>The enumerator of the next row found after <paramref name="row"/> ("2" of "2.重复申请"), 0 when it has none.</summary>
    public static int NextEnumerator(IReadOnlyList<TableRow> rows, RowAnchor?[] anchors, int row)
    {
        for (var next = row + 1; next < rows.Count; next++)
        {
            if (anchors[next] is not null)
            {
                return rows[next].EnumeratorIndex;
            }
        }

        return 0;
    }

    /// <summary>
    /// Values printed after all the labels come row by row in reading order; some converters write them column by
    /// column. A block is read column by column only when its row totals all hold that way and not row by row.
    /// </summary>
    private static void ReadColumnByColumnWhereOnlyThatAddsUp(List<CellToken>?[] assigned, (int Start, int End)?[] spans, List<string> warnings)
    {
        var r = 0;
        while (r < assigned.Length)
        {
            var block = new List<int>();
            while (r < assigned.Length && (assigned[r] is null || spans[r] is null))
            {
                if (assigned[r] is not null)
                {
                    block.Add(r);
                }

                r++;
            }

            r++;
            if (block.Count < 2)
            {
                continue;
            }

            var pool = block.SelectMany(b => assigned[b]!).ToList();
            if (RowTotalFailures(pool, block.Count, byColumn: false) == 0 || RowTotalFailures(pool, block.Count, byColumn: true) != 0)
            {
                continue;
            }

            for (var j = 0; j < block.Count; j++)
            {
                assigned[block[j]] = [.. Enumerable.Range(0, Width).Select(c => pool[c * block.Count + j])];
            }

            warnings.Add($"table B: the values of {block.Count} rows follow all their labels and add up only when read column by column; read so");
        }
    }

    private static int RowTotalFailures(List<CellToken> pool, int rowCount, bool byColumn)
    {
        var failures = 0;
        for (var j = 0; j < rowCount; j++)
        {
            decimal sum = 0;
            decimal? total = null;
            var readable = true;
            for (var c = 0; c < Width; c++)
            {
                var token = pool[byColumn ? c * rowCount + j : j * Width + c];
                if (token.Kind != CellTokenKind.Number)
                {
                    readable = false;
                    break;
                }

                if (c < Width - 1)
                {
                    sum += token.Value!.Value;
                }
                else
                {
                    total = token.Value;
                }
            }

            if (readable && total != sum)
            {
                failures++;
            }
        }

        return failures;
    }

    /// <summary>Keeps, for each uncertain row, the vector every combination satisfying the column identities agrees on.</summary>
    private static void Resolve(TemplateShape shape, decimal?[][] grid, List<(int Row, RowReadings Readings)> uncertain, List<string> warnings)
    {
        if (uncertain.Count == 0)
        {
            return;
        }

        var combinations = 1L;
        foreach (var (_, readings) in uncertain)
        {
            combinations *= readings.Candidates.Count;
        }

        var label = (int row) => shape.RequestRows[row].ChineseLabel;
        if (combinations > MaxCombinations)
        {
            foreach (var (row, readings) in uncertain)
            {
                warnings.Add($"table B: row {label(row)}: {readings.Description}; too many readings to test, left empty");
            }

            return;
        }

        var columns = ColumnsToTest(uncertain);
        var uncertainRows = uncertain.Select(u => u.Row).ToHashSet();
        var agreed = new decimal?[uncertain.Count][];
        var conflicting = new bool[uncertain.Count];
        var passing = 0;
        var choice = new int[uncertain.Count];
        for (var n = 0L; n < combinations; n++)
        {
            var rest = n;
            for (var u = 0; u < uncertain.Count; u++)
            {
                var count = uncertain[u].Readings.Candidates.Count;
                choice[u] = (int)(rest % count);
                rest /= count;
                grid[uncertain[u].Row] = uncertain[u].Readings.Candidates[choice[u]];
            }

            if (!ColumnIdentitiesHold(shape, grid, uncertainRows, columns))
            {
                continue;
            }

            passing++;
            for (var u = 0; u < uncertain.Count; u++)
            {
                var vector = uncertain[u].Readings.Candidates[choice[u]];
                if (agreed[u] is null)
                {
                    agreed[u] = vector;
                }
                else if (!agreed[u].AsSpan().SequenceEqual(vector))
                {
                    conflicting[u] = true;
                }
            }
        }

        for (var u = 0; u < uncertain.Count; u++)
        {
            var (row, readings) = uncertain[u];
            if (passing > 0 && !conflicting[u])
            {
                grid[row] = agreed[u]!;
                warnings.Add($"table B: row {label(row)}: {readings.Description}; read as {RowReadings.Format(grid[row])}, the only reading under which the column identities hold");
            }
            else
            {
                grid[row] = new decimal?[Width];
                warnings.Add($"table B: row {label(row)}: {readings.Description}; "
                    + (passing == 0 ? "no reading satisfies the column identities" : "several readings satisfy the column identities")
                    + ", left empty");
            }
        }
    }

    /// <summary>Columns in which the readings differ; every column where a lost cell had to be assumed.</summary>
    private static bool[] ColumnsToTest(List<(int Row, RowReadings Readings)> uncertain)
    {
        var columns = new bool[Width];
        foreach (var (_, readings) in uncertain)
        {
            var candidates = readings.Candidates;
            for (var c = 0; c < Width; c++)
            {
                if (readings.Kind == RowReadingKind.OneMissing && candidates.Count == 1
                    || candidates.Any(v => v[c] != candidates[0][c]))
                {
                    columns[c] = true;
                }
            }
        }

        return columns;
    }

    private static bool ColumnIdentitiesHold(TemplateShape shape, decimal?[][] grid, HashSet<int> uncertainRows, bool[] columns)
    {
        var processed = shape.ProcessedRow;
        var carriedForward = processed + 1;
        var balanceInvolved = uncertainRows.Contains(0) || uncertainRows.Contains(1) || uncertainRows.Contains(processed) || uncertainRows.Contains(carriedForward);
        var sumInvolved = uncertainRows.Any(r => r >= shape.FirstHandlingRow && r <= processed);
        for (var c = 0; c < Width; c++)
        {
            if (!columns[c])
            {
                continue;
            }

            if (balanceInvolved && !Holds(grid[0][c] + grid[1][c], grid[processed][c] + grid[carriedForward][c]))
            {
                return false;
            }

            if (sumInvolved)
            {
                decimal? sum = 0;
                for (var r = shape.FirstHandlingRow; r < processed; r++)
                {
                    sum += grid[r][c];
                }

                if (!Holds(sum, grid[processed][c]))
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static bool Holds(decimal? left, decimal? right) => left is { } l && right is { } r && l == r;
}
