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
        => SidesOf(shape, rule) is { } sides ? sides.Parts.Concat(sides.Totals) : [];

    /// <summary>
    /// An identity's two sides by its rule id: the parts that add up and what they must equal (a row's six applicant
    /// columns and its 总计; 新收 + 结转 and （七）总计 + 结转下年度; the handling rows and （七）总计; a table C group's four
    /// results and its 总计). Null for a rule that is not an identity of the template.
    /// </summary>
    public static (IReadOnlyList<string> Parts, IReadOnlyList<string> Totals)? SidesOf(TemplateShape shape, string rule)
    {
        ArgumentNullException.ThrowIfNull(shape);
        ArgumentNullException.ThrowIfNull(rule);
        var rows = shape.RequestRows;
        var columns = TemplateShape.RequestColumns;
        if (rows.FirstOrDefault(r => r.RowTotalRule == rule) is { } row)
        {
            return ([.. Enumerable.Range(0, columns.Count - 1).Select(row.KeyOf)], [row.KeyOf(columns.Count - 1)]);
        }

        var processed = shape.ProcessedRow;
        if (ColumnOf(rule, "requests.balance.") is { } balanced)
        {
            return ([rows[0].KeyOf(balanced), rows[1].KeyOf(balanced)], [rows[processed].KeyOf(balanced), rows[processed + 1].KeyOf(balanced)]);
        }

        if (ColumnOf(rule, "requests.processedSum.") is { } summed)
        {
            return ([.. Enumerable.Range(shape.FirstHandlingRow, processed - shape.FirstHandlingRow).Select(r => rows[r].KeyOf(summed))], [rows[processed].KeyOf(summed)]);
        }

        var columnsOfC = TemplateShape.ReviewColumns;
        return TemplateShape.ReviewGroups.FirstOrDefault(g => rule == g.Key + ".total") is { } group
            ? ([.. columnsOfC.Take(columnsOfC.Count - 1).Select(c => group.Key + "." + c.Key)], [group.Key + "." + columnsOfC[^1].Key])
            : null;
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
