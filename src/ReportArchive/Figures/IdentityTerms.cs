namespace ReportArchive.Figures;

/// <summary>
/// The figures each identity of the template (<see cref="FigureIdentityChecker"/>) adds up, so a reading can be
/// scored by the figures no failing identity puts in doubt. Pure and thread-safe.
/// </summary>
internal static class IdentityTerms
{
    /// <summary>
    /// The figures with a value that are terms of no failing identity: a figure outside every identity (table A)
    /// counts, a figure of a row whose total disagrees does not. Narrative cross-checks are not identities.
    /// </summary>
    public static int FiguresWhoseIdentitiesHold(FigureExtraction extraction)
    {
        ArgumentNullException.ThrowIfNull(extraction);
        if (extraction.Template is not { } template)
        {
            return 0;
        }

        var shape = TemplateShape.For(template);
        var doubted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var check in extraction.Checks.Where(c => !c.Ok))
        {
            doubted.UnionWith(KeysOf(shape, check.Rule));
        }

        return extraction.Figures.Count(f => f.Value is not null && !doubted.Contains(f.Key));
    }

    /// <summary>The keys an identity adds up, by its rule id; none for a rule that is not an identity of the template.</summary>
    public static IEnumerable<string> KeysOf(TemplateShape shape, string rule)
    {
        var rows = shape.RequestRows;
        var columns = TemplateShape.RequestColumns;
        if (rows.FirstOrDefault(r => r.RowTotalRule == rule) is { } row)
        {
            return Enumerable.Range(0, columns.Count).Select(row.KeyOf);
        }

        var processed = shape.ProcessedRow;
        if (ColumnOf(rule, "requests.balance.") is { } balanced)
        {
            return new[] { 0, 1, processed, processed + 1 }.Select(r => rows[r].KeyOf(balanced));
        }

        if (ColumnOf(rule, "requests.processedSum.") is { } summed)
        {
            return Enumerable.Range(shape.FirstHandlingRow, processed - shape.FirstHandlingRow + 1).Select(r => rows[r].KeyOf(summed));
        }

        var group = TemplateShape.ReviewGroups.FirstOrDefault(g => rule == g.Key + ".total");
        return group is null ? [] : TemplateShape.ReviewColumns.Select(column => group.Key + "." + column.Key);
    }

    private static int? ColumnOf(string rule, string prefix)
    {
        if (!rule.StartsWith(prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var key = rule[prefix.Length..];
        var index = TemplateShape.RequestColumns.ToList().FindIndex(c => c.Key == key);
        return index < 0 ? null : index;
    }
}
