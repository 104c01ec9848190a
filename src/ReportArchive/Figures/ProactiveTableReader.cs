namespace ReportArchive.Figures;

/// <summary>Reads table A (主动公开): each row's values, as many as the row has columns, or none.</summary>
internal static class ProactiveTableReader
{
    public static void Read(TableText text, TemplateShape shape, TableRegions regions, OrderedDictionary<string, decimal?> figures, List<string> warnings)
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

            if (values.Count != row.Width && spans[r] is { } span && RowReadings.Positioned(text.CellsWithBlanks(span.Start, span.End), row.Width) is { } positioned)
            {
                for (var c = 0; c < row.Width; c++)
                {
                    figures[row.KeyOf(c)] = positioned[c];
                }

                continue;
            }

            if (values.Count != row.Width || values.Any(v => v.Kind == CellTokenKind.RunTogether))
            {
                var printed = RowReadings.Format(values.Select(v => v.Value));
                warnings.Add($"table A: row {row.ChineseLabel} has {values.Count} values for {row.Width} cells ({printed}); left empty");
                continue;
            }

            for (var c = 0; c < row.Width; c++)
            {
                figures[row.KeyOf(c)] = values[c].Value;
            }
        }
    }
}
