namespace ReportArchive.Figures;

/// <summary>
/// Evaluates every identity of the template (勾稽关系) on the printed figures. An identity with an empty cell
/// among its terms is not evaluated. Rule ids are listed in docs/figures.md.
/// </summary>
internal static class FigureIdentityChecker
{
    public static void Check(TemplateShape shape, IReadOnlyDictionary<string, decimal?> figures, List<FigureCheck> checks)
    {
        var rows = shape.RequestRows;
        var columns = TemplateShape.RequestColumns;
        var total = columns.Count - 1;
        var parts = new decimal?[total];
        foreach (var row in rows)
        {
            for (var c = 0; c < total; c++)
            {
                parts[c] = figures[row.KeyOf(c)];
            }

            Add(checks, row.RowTotalRule, Sum(parts), figures[row.KeyOf(total)], "sum of the six applicant columns");
        }

        var processed = shape.ProcessedRow;
        for (var c = 0; c < columns.Count; c++)
        {
            var received = Sum([figures[rows[0].KeyOf(c)], figures[rows[1].KeyOf(c)]]);
            var handled = Sum([figures[rows[processed].KeyOf(c)], figures[rows[processed + 1].KeyOf(c)]]);
            if (received is { } left && handled is { } right)
            {
                checks.Add(new FigureCheck("requests.balance." + columns[c].Key, left == right,
                    $"一+二 = {RowReadings.Format(left)}, （七）总计+四 = {RowReadings.Format(right)}"));
            }
        }

        for (var c = 0; c < columns.Count; c++)
        {
            var handlingRows = Enumerable.Range(shape.FirstHandlingRow, processed - shape.FirstHandlingRow).Select(r => figures[rows[r].KeyOf(c)]);
            Add(checks, "requests.processedSum." + columns[c].Key, Sum(handlingRows), figures[rows[processed].KeyOf(c)], "sum of the handling rows");
        }

        foreach (var group in TemplateShape.ReviewGroups)
        {
            var results = TemplateShape.ReviewColumns.Take(4).Select(column => figures[group.Key + "." + column.Key]);
            Add(checks, group.Key + ".total", Sum(results), figures[group.Key + ".total"], "sum of the four results");
        }
    }

    private static void Add(List<FigureCheck> checks, string rule, decimal? expected, decimal? printed, string what)
    {
        if (expected is { } e && printed is { } p)
        {
            checks.Add(new FigureCheck(rule, e == p, $"expected {RowReadings.Format(e)} ({what}), printed {RowReadings.Format(p)}"));
        }
    }

    /// <summary>The sum of the values, or null when one is unknown.</summary>
    internal static decimal? Sum(IEnumerable<decimal?> values)
    {
        decimal sum = 0;
        foreach (var value in values)
        {
            if (value is not { } v)
            {
                return null;
            }

            sum += v;
        }

        return sum;
    }
}
