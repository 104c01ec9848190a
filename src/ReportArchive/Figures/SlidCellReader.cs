namespace ReportArchive.Figures;

/// <summary>
/// Reads the rows of table B that were read from separate cells but whose six applicant columns do not add up to
/// their 总计, the mark of a cell slid between two adjacent rows (an HTML table printing one row's cell in the row
/// below or above). Each exchange of one column's cells between two adjacent rows is a candidate reading; the one
/// kept is the only one, if exactly one, under which every identity of the table holds (every row total,
/// 一+二 = （七）+四 and （七） = the sum of the handling rows per column). When several do, only the cells in doubt,
/// those the admissible slides move, are left empty. When none does, the table has a printing error (a total that
/// disagrees with its parts) and is recorded as printed, so that its checks fail.
/// </summary>
internal static class SlidCellReader
{
    private const int Width = 7;

    public static void Read(TemplateShape shape, decimal?[][] grid, (int Start, int End)?[][] cellSpans, IReadOnlySet<int> separate, List<string> warnings)
    {
        var failing = separate.Where(r => RowTotalHolds(grid[r]) == false).Order().ToList();
        if (failing.Count == 0)
        {
            return;
        }

        var identities = RequestRunSolver.Identities(shape);
        for (var r = 0; r < grid.Length; r++)
        {
            var row = r;
            identities.Add(g => RowTotalHolds(g[row]));
        }

        var slides = new List<(int Row, int Column)>();
        for (var r = 0; r + 1 < grid.Length; r++)
        {
            if (!separate.Contains(r) || !separate.Contains(r + 1) || !failing.Contains(r) && !failing.Contains(r + 1))
            {
                continue;
            }

            for (var c = 0; c < Width; c++)
            {
                if (grid[r][c] is null || grid[r + 1][c] is null || grid[r][c] == grid[r + 1][c])
                {
                    continue;
                }

                Exchange(grid, r, c);
                if (identities.TrueForAll(identity => identity(grid) != false))
                {
                    slides.Add((r, c));
                }

                Exchange(grid, r, c);
            }
        }

        var rows = shape.RequestRows;
        var column = (int c) => TemplateShape.RequestColumns[c].ChineseLabel;
        if (slides.Count == 1)
        {
            var (r, c) = slides[0];
            var printed = (grid[r][c], grid[r + 1][c]);
            Exchange(grid, r, c);
            (cellSpans[r][c], cellSpans[r + 1][c]) = (cellSpans[r + 1][c], cellSpans[r][c]);
            warnings.Add($"table B: rows {rows[r].ChineseLabel} and {rows[r + 1].ChineseLabel}: the {column(c)} cells printed "
                + $"{RowReadings.Format(printed.Item1)} and {RowReadings.Format(printed.Item2)} slid between the rows; read as "
                + $"{RowReadings.Format(grid[r][c])} and {RowReadings.Format(grid[r + 1][c])}, the only slide under which every identity of the table holds");
            return;
        }

        if (slides.Count > 1)
        {
            foreach (var (r, c) in slides)
            {
                Clear(grid, cellSpans, r, c);
                Clear(grid, cellSpans, r + 1, c);
            }

            warnings.Add($"table B: {Rows(failing, shape)}: the six applicant columns do not add up to 总计 and {slides.Count} slides of a cell "
                + $"between adjacent rows would make the table hold ({string.Join("; ", slides.Select(s => $"{column(s.Column)} of {rows[s.Row].ChineseLabel} and {rows[s.Row + 1].ChineseLabel}"))}); those cells left empty");
            return;
        }

        warnings.Add($"table B: {Rows(failing, shape)}: the six applicant columns do not add up to 总计 "
            + "and no slide of a cell between adjacent rows makes the table hold; recorded as printed");
    }

    private static string Rows(List<int> rows, TemplateShape shape)
        => (rows.Count == 1 ? "row " : "rows ") + string.Join(", ", rows.Select(r => shape.RequestRows[r].ChineseLabel));

    /// <summary>True or false when every cell of the row is known, null otherwise.</summary>
    private static bool? RowTotalHolds(decimal?[] row)
    {
        decimal? sum = 0;
        for (var c = 0; c < Width - 1; c++)
        {
            sum += row[c];
        }

        return sum is { } s && row[Width - 1] is { } total ? s == total : null;
    }

    private static void Exchange(decimal?[][] grid, int r, int c) => (grid[r][c], grid[r + 1][c]) = (grid[r + 1][c], grid[r][c]);

    private static void Clear(decimal?[][] grid, (int Start, int End)?[][] cellSpans, int r, int c)
    {
        grid[r][c] = null;
        cellSpans[r][c] = null;
    }
}
