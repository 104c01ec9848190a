namespace ReportArchive.Figures;

/// <summary>
/// Reads table C (行政复议、行政诉讼): fifteen values in three groups of five whatever the header looks like
/// (one character per line, merged cells). With one value too many or too few, uses the one reading whose
/// group totals add up, if there is exactly one.
/// </summary>
internal static class ReviewTableReader
{
    private const int Width = 15;
    private const int GroupSize = 5;

    public static void Read(TableText text, TableRegions regions, OrderedDictionary<string, decimal?> figures, List<string> warnings)
        => Read(text, regions, figures, new Dictionary<string, FigureCellSpan>(StringComparer.Ordinal), warnings);

    public static void Read(TableText text, TableRegions regions, OrderedDictionary<string, decimal?> figures, Dictionary<string, FigureCellSpan> sources, List<string> warnings)
    {
        if (regions.ReviewStart < 0)
        {
            warnings.Add("table C: not found");
            return;
        }

        var tokens = CollectValues(text, regions.ReviewStart, regions.ReviewEnd);
        var run = DigitRunFinder.Find(text, regions.ReviewStart, regions.ReviewEnd, 0);
        if (run is not null && run.DigitCount >= Width && (run.Glued || tokens.Count == 0 || tokens.Any(t => t.Kind == CellTokenKind.RunTogether)))
        {
            ReadRun(run, figures, sources, warnings);
            return;
        }

        if (tokens.Count == 0)
        {
            warnings.Add("table C: no values");
            return;
        }

        var readings = RowReadings.Of(tokens, Width, GroupSize);
        decimal?[]? chosen = null;
        switch (readings.Kind)
        {
            case RowReadingKind.Exact:
                chosen = readings.Candidates[0];
                break;
            case RowReadingKind.OneExtra when readings.Candidates.Count == 1:
                chosen = readings.Candidates[0];
                warnings.Add($"table C: {readings.Description}; read as {RowReadings.Format(chosen)}, the only reading whose group totals add up");
                break;
            case RowReadingKind.OneMissing when readings.AllReadingsAgree:
                chosen = readings.Candidates[0];
                warnings.Add($"table C: {readings.Description}; read as {RowReadings.Format(chosen)}, whichever cell was lost");
                break;
            default:
                warnings.Add($"table C: {readings.Description}; no single reading adds up, left empty");
                break;
        }

        if (chosen is null)
        {
            return;
        }

        Store(chosen, SourceAligner.Align(chosen, tokens), figures, sources);
    }

    /// <summary>Fifteen cells run together: the splits whose three group totals add up, a cell where they all agree.</summary>
    private static void ReadRun(DigitRun run, OrderedDictionary<string, decimal?> figures, Dictionary<string, FigureCellSpan> sources, List<string> warnings)
    {
        var rules = Enumerable.Repeat(CellRule.Count, Width).ToArray();
        var splits = DigitRunSplitter.Split(run, rules, cells => RowReadings.GroupsHold([.. cells.Select(c => (decimal?)c.Value)], GroupSize));
        if (splits is null)
        {
            warnings.Add($"table C: cells run together ('{run.Printed}'), too many splits to test; left empty");
            return;
        }

        var cells = SplitAgreement.Cells(splits, Width);
        warnings.Add(SplitAgreement.Explain("table C", run, splits.Count, cells, "the three group totals"));
        if (splits.Count == 0)
        {
            cells = GroupByGroup(run, rules, warnings);
        }

        Store([.. cells.Select(c => c?.Value)], [.. cells.Select(c => c is { } cell ? (cell.Start, cell.End) : ((int, int)?)null)], figures, sources);
    }

    /// <summary>
    /// When no split satisfies all three group totals (a printed total disagrees with its parts), each group is read
    /// from the splits under which its own total holds, where they all agree; a group whose total never holds stays empty.
    /// </summary>
    private static SplitCell?[] GroupByGroup(DigitRun run, CellRule[] rules, List<string> warnings)
    {
        var cells = new SplitCell?[Width];
        for (var g = 0; g < Width / GroupSize; g++)
        {
            var group = g;
            var splits = DigitRunSplitter.Split(run, rules, c => GroupHolds(c, group));
            if (splits is null || splits.Count == 0)
            {
                continue;
            }

            var agreed = SplitAgreement.Cells(splits, Width);
            var read = new List<string>();
            for (var i = group * GroupSize; i < (group + 1) * GroupSize; i++)
            {
                cells[i] = agreed[i];
                read.Add(agreed[i] is { } cell ? RowReadings.Format(cell.Value) : "?");
            }

            if (read.Any(r => r != "?"))
            {
                warnings.Add($"table C: {TemplateShape.ReviewGroups[group].ChineseLabel} read group by group as {string.Join(' ', read)}: the cells every split whose {TemplateShape.ReviewGroups[group].ChineseLabel} total holds agrees on");
            }
        }

        return cells;
    }

    private static bool GroupHolds(SplitCell[] cells, int group)
    {
        var start = group * GroupSize;
        decimal sum = 0;
        for (var i = start; i < start + GroupSize - 1; i++)
        {
            sum += cells[i].Value;
        }

        return sum == cells[start + GroupSize - 1].Value;
    }

    private static void Store(decimal?[] vector, (int Start, int End)?[] spans, OrderedDictionary<string, decimal?> figures, Dictionary<string, FigureCellSpan> sources)
    {
        for (var i = 0; i < Width; i++)
        {
            var group = TemplateShape.ReviewGroups[i / GroupSize];
            var column = TemplateShape.ReviewColumns[i % GroupSize];
            var key = group.Key + "." + column.Key;
            figures[key] = vector[i];
            if (vector[i] is not null && spans[i] is { } span)
            {
                sources[key] = new FigureCellSpan("C", group.ChineseLabel, column.ChineseLabel, span.Start, span.End);
            }
        }
    }

    /// <summary>The values of the table: after at least fifteen, a line of text without values ends it.</summary>
    private static List<CellToken> CollectValues(TableText text, int start, int end)
    {
        var values = new List<CellToken>();
        var firstLine = text.LineOf(start);
        var lastLine = text.LineOf(Math.Max(start, end - 1));
        for (var line = firstLine; line <= lastLine; line++)
        {
            if (text.IsSkipped(line))
            {
                continue;
            }

            var from = Math.Max(start, text.LineStart(line));
            var to = Math.Min(end, text.LineEnd(line));
            var lineValues = text.Tokens(from, to);
            if (lineValues.Count == 0 && values.Count >= Width && HasText(text.Text.AsSpan(from, to - from)))
            {
                break;
            }

            values.AddRange(lineValues);
        }

        return values;
    }

    private static bool HasText(ReadOnlySpan<char> line)
    {
        foreach (var c in line)
        {
            if (c >= '\u4e00' && c <= '\u9fff')
            {
                return true;
            }
        }

        return false;
    }
}
