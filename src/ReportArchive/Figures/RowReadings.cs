namespace ReportArchive.Figures;

/// <summary>
/// The readings of a row whose cells form groups in which the last cell is the total of the others
/// (table B: one group of 7; table C: three groups of 5).
/// </summary>
internal sealed class RowReadings
{
    private readonly IReadOnlyList<CellToken> _printed;
    private readonly int _width;
    private readonly string _note;

    private RowReadings(RowReadingKind kind, List<decimal?[]> candidates, bool allAgree, IReadOnlyList<CellToken> printed, int width, string note = "")
    {
        Kind = kind;
        Candidates = candidates;
        AllReadingsAgree = allAgree;
        _printed = printed;
        _width = width;
        _note = note;
    }

    public RowReadingKind Kind { get; }

    /// <summary>Distinct cell vectors the printed values allow.</summary>
    public IReadOnlyList<decimal?[]> Candidates { get; }

    /// <summary>For <see cref="RowReadingKind.OneMissing"/>: every position of the lost cell gives the same vector.</summary>
    public bool AllReadingsAgree { get; }

    /// <summary>What was printed, for warnings.</summary>
    public string Description
        => $"{_printed.Count} values for {_width} cells ({string.Join(' ', _printed.Select(t => t.Kind == CellTokenKind.Placeholder ? "-" : Format(t.Value)))}){_note}";

    public static RowReadings Of(IReadOnlyList<CellToken> tokens, int width, int groupSize)
    {
        var values = new decimal?[tokens.Count];
        for (var i = 0; i < tokens.Count; i++)
        {
            if (tokens[i].Kind == CellTokenKind.RunTogether)
            {
                return new RowReadings(RowReadingKind.Unreadable, [], false, tokens, width, ", cells run together");
            }

            values[i] = tokens[i].Value;
        }

        if (values.Length == width)
        {
            return new RowReadings(RowReadingKind.Exact, [values], true, tokens, width);
        }

        if (values.Length == width + 1)
        {
            var candidates = new List<decimal?[]>();
            for (var drop = 0; drop < values.Length; drop++)
            {
                var vector = new decimal?[width];
                for (int i = 0, j = 0; i < values.Length; i++)
                {
                    if (i != drop)
                    {
                        vector[j++] = values[i];
                    }
                }

                if (GroupsHold(vector, groupSize))
                {
                    AddDistinct(candidates, vector);
                }
            }

            return new RowReadings(candidates.Count == 0 ? RowReadingKind.Unreadable : RowReadingKind.OneExtra, candidates, candidates.Count == 1, tokens, width);
        }

        if (values.Length == width - 1 && values.All(v => v is not null))
        {
            var candidates = new List<decimal?[]>();
            var valid = 0;
            for (var missing = 0; missing < width; missing++)
            {
                var vector = new decimal?[width];
                for (int i = 0, j = 0; i < width; i++)
                {
                    vector[i] = i == missing ? null : values[j++];
                }

                if (Derive(vector, missing, groupSize) && GroupsHold(vector, groupSize))
                {
                    valid++;
                    AddDistinct(candidates, vector);
                }
            }

            var allAgree = valid == width && candidates.Count == 1;
            return new RowReadings(candidates.Count == 0 ? RowReadingKind.Unreadable : RowReadingKind.OneMissing, candidates, allAgree, tokens, width);
        }

        return new RowReadings(RowReadingKind.Unreadable, [], false, tokens, width);
    }

    /// <summary>
    /// Reads a row whose cells are delimited, blank cells included: with the blanks at either end left out,
    /// exactly <paramref name="width"/> cells, at least one blank. Blanks and dashes give null; nothing is guessed.
    /// </summary>
    public static decimal?[]? Positioned(IReadOnlyList<CellToken> cells, int width)
    {
        var first = 0;
        var last = cells.Count - 1;
        while (first <= last && cells[first].Kind == CellTokenKind.Blank)
        {
            first++;
        }

        while (last >= first && cells[last].Kind == CellTokenKind.Blank)
        {
            last--;
        }

        if (last - first + 1 != width)
        {
            return null;
        }

        var vector = new decimal?[width];
        var blanks = 0;
        for (var i = 0; i < width; i++)
        {
            var cell = cells[first + i];
            switch (cell.Kind)
            {
                case CellTokenKind.RunTogether:
                    return null;
                case CellTokenKind.Blank:
                    blanks++;
                    break;
                default:
                    vector[i] = cell.Value;
                    break;
            }
        }

        return blanks > 0 ? vector : null;
    }

    public static bool GroupsHold(decimal?[] vector, int groupSize)
    {
        for (var start = 0; start < vector.Length; start += groupSize)
        {
            decimal sum = 0;
            for (var i = start; i < start + groupSize - 1; i++)
            {
                if (vector[i] is not { } v)
                {
                    return false;
                }

                sum += v;
            }

            if (vector[start + groupSize - 1] != sum)
            {
                return false;
            }
        }

        return true;
    }

    public static string Format(decimal? value) => value?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "null";

    public static string Format(IEnumerable<decimal?> vector) => string.Join(' ', vector.Select(Format));

    private static bool Derive(decimal?[] vector, int missing, int groupSize)
    {
        var start = missing / groupSize * groupSize;
        var totalIndex = start + groupSize - 1;
        decimal others = 0;
        for (var i = start; i < totalIndex; i++)
        {
            if (i != missing)
            {
                others += vector[i]!.Value;
            }
        }

        var derived = missing == totalIndex ? others : vector[totalIndex]!.Value - others;
        if (derived < 0)
        {
            return false;
        }

        vector[missing] = derived;
        return true;
    }

    private static void AddDistinct(List<decimal?[]> candidates, decimal?[] vector)
    {
        if (!candidates.Any(c => c.AsSpan().SequenceEqual(vector)))
        {
            candidates.Add(vector);
        }
    }
}
