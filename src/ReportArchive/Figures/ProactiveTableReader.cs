namespace ReportArchive.Figures;

/// <summary>
/// Reads table A (主动公开): each row's values, as many as the row has columns, or none. A row whose cells run
/// together (行政规范性文件6051) is read from the splits of its digits: a cell only where every split gives it the
/// same value; in the 2019 template the splits of the document rows must also keep
/// 本年新制作数量 ≤ 本年新公开数量 ≤ 对外公开总数量.
/// </summary>
internal static class ProactiveTableReader
{
    public static void Read(TableText text, TemplateShape shape, TableRegions regions, OrderedDictionary<string, decimal?> figures, List<string> warnings)
        => Read(text, shape, regions, figures, new Dictionary<string, FigureCellSpan>(StringComparer.Ordinal), warnings);

    public static void Read(TableText text, TemplateShape shape, TableRegions regions, OrderedDictionary<string, decimal?> figures, Dictionary<string, FigureCellSpan> sources, List<string> warnings)
    {
        if (regions.ProactiveStart < 0)
        {
            warnings.Add("table A: not found");
            return;
        }

        var rows = shape.ProactiveRows;
        var anchors = RowAnchorFinder.Find(text, rows, regions.ProactiveStart, regions.ProactiveEnd);
        var tokens = text.Tokens(regions.ProactiveStart, regions.ProactiveEnd);
        var assigned = RowNumberAssigner.Assign(text, rows, anchors, tokens, regions.ProactiveEnd, out var spans);
        for (var r = 0; r < rows.Count; r++)
        {
            var row = rows[r];
            if (assigned[r] is not { } values)
            {
                warnings.Add($"table A: row {row.ChineseLabel} not found");
                continue;
            }

            var run = spans[r] is { } runSpan ? DigitRunFinder.Find(text, runSpan.Start, runSpan.End, 0) : null;
            if (run is not null && (run.Glued || values.Count == 0 || values.Any(v => v.Kind == CellTokenKind.RunTogether)))
            {
                ReadRun(row, run, figures, sources, warnings);
                continue;
            }

            if (values.Count != row.Width && spans[r] is { } span && RowReadings.Positioned(text.CellsWithBlanks(span.Start, span.End), row.Width) is { } positioned)
            {
                Store(row, positioned, SourceAligner.Align(positioned, text.CellsWithBlanks(span.Start, span.End)), figures, sources);
                continue;
            }

            if (values.Count != row.Width || values.Any(v => v.Kind == CellTokenKind.RunTogether))
            {
                var printed = RowReadings.Format(values.Select(v => v.Value));
                warnings.Add($"table A: row {row.ChineseLabel} has {values.Count} values for {row.Width} cells ({printed}); left empty");
                continue;
            }

            var vector = values.Select(v => v.Value).ToArray();
            Store(row, vector, SourceAligner.Align(vector, values), figures, sources);
        }
    }

    private static void ReadRun(TableRow row, DigitRun run, OrderedDictionary<string, decimal?> figures, Dictionary<string, FigureCellSpan> sources, List<string> warnings)
    {
        var rules = row.Columns.Select(c => new CellRule(Negative: c.Key == "change", Decimal: c.Key == "amount")).ToArray();
        var ordered = row.Columns.Select(c => c.Key).SequenceEqual(["issued", "published", "totalPublished"]);
        var splits = DigitRunSplitter.Split(run, rules, cells => !ordered || cells[0].Value <= cells[1].Value && cells[1].Value <= cells[2].Value);
        if (splits is null)
        {
            warnings.Add($"table A: row {row.ChineseLabel}: cells run together ('{run.Printed}'), too many splits to test; left empty");
            return;
        }

        var cells = SplitAgreement.Cells(splits, row.Width);
        var vector = cells.Select(c => c?.Value).ToArray();
        Store(row, vector, [.. cells.Select(c => c is { } cell ? (cell.Start, cell.End) : ((int, int)?)null)], figures, sources);
        if (row.Width > 1)
        {
            var identities = ordered ? "新制作 ≤ 新公开 ≤ 对外公开总数" : "a well-formed number in every cell";
            warnings.Add(SplitAgreement.Explain($"table A: row {row.ChineseLabel}", run, splits.Count, cells, identities));
        }
    }

    private static void Store(TableRow row, decimal?[] vector, (int Start, int End)?[] spans, OrderedDictionary<string, decimal?> figures, Dictionary<string, FigureCellSpan> sources)
    {
        for (var c = 0; c < row.Width; c++)
        {
            figures[row.KeyOf(c)] = vector[c];
            if (vector[c] is not null && spans[c] is { } span)
            {
                sources[row.KeyOf(c)] = new FigureCellSpan("A", row.ChineseLabel, row.Columns[c].ChineseLabel, span.Start, span.End);
            }
        }
    }
}
