namespace ReportArchive.Figures;

/// <summary>
/// What a set of admissible splits says about each cell: the value every one of them gives it, or nothing when
/// two disagree. A cell is read only when it is the same under every split the identities allow.
/// </summary>
internal static class SplitAgreement
{
    public static SplitCell?[] Cells(IReadOnlyList<SplitCell[]> splits, int width)
    {
        var cells = new SplitCell?[width];
        if (splits.Count == 0)
        {
            return cells;
        }

        for (var c = 0; c < width; c++)
        {
            var first = splits[0][c];
            var agreed = true;
            for (var s = 1; s < splits.Count && agreed; s++)
            {
                agreed = splits[s][c].Value == first.Value;
            }

            cells[c] = agreed ? first : null;
        }

        return cells;
    }

    public static string Describe(SplitCell?[] cells) => string.Join(' ', cells.Select(c => c is { } cell ? RowReadings.Format(cell.Value) : "?"));

    /// <summary>The warning for a row read from a run of digits.</summary>
    public static string Explain(string where, DigitRun run, int splitCount, SplitCell?[] cells, string identities)
    {
        var read = cells.Count(c => c is not null);
        return splitCount switch
        {
            0 => $"{where}: cells run together ('{run.Printed}'), no split into {cells.Length} cells satisfies {identities}; left empty",
            1 => $"{where}: cells run together ('{run.Printed}'); read as {Describe(cells)}, the only split that satisfies {identities}",
            _ when read == 0 => $"{where}: cells run together ('{run.Printed}'), {splitCount} splits satisfy {identities} and differ in every cell; left empty",
            _ => $"{where}: cells run together ('{run.Printed}'), {splitCount} splits satisfy {identities}; read the {read} cells they agree on: {Describe(cells)}",
        };
    }
}
