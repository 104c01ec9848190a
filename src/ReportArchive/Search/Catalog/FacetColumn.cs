namespace ReportArchive.Search.Catalog;

/// <summary>
/// One single-valued catalog field as a column: its distinct values and, per report (in catalog order), the ordinal of
/// its value or -1 when the report has none. Facets count into an array by ordinal instead of hashing strings.
/// </summary>
internal sealed class FacetColumn
{
    private FacetColumn(string[] values, int[] ordinals, int[] firstEntries)
    {
        Values = values;
        Ordinals = ordinals;
        FirstEntries = firstEntries;
    }

    public string[] Values { get; }

    public int[] Ordinals { get; }

    /// <summary>Per value, the first report (catalog index) that has it.</summary>
    public int[] FirstEntries { get; }

    public static FacetColumn Build(CatalogEntry[] entries, Func<CatalogEntry, string?> field)
    {
        var ordinalOf = new Dictionary<string, int>(StringComparer.Ordinal);
        var firstEntries = new List<int>();
        var ordinals = new int[entries.Length];
        for (var i = 0; i < entries.Length; i++)
        {
            if (field(entries[i]) is not { } value)
            {
                ordinals[i] = -1;
                continue;
            }

            if (!ordinalOf.TryGetValue(value, out var ordinal))
            {
                ordinal = ordinalOf.Count;
                ordinalOf.Add(value, ordinal);
                firstEntries.Add(i);
            }

            ordinals[i] = ordinal;
        }

        var values = new string[ordinalOf.Count];
        foreach (var (value, ordinal) in ordinalOf)
        {
            values[ordinal] = value;
        }

        return new FacetColumn(values, ordinals, [.. firstEntries]);
    }

    /// <summary>Which ordinals pass a filter on this field: null when the filter is empty (everything passes).</summary>
    public bool[]? Allowed(IReadOnlyList<string> filter)
    {
        if (filter.Count == 0)
        {
            return null;
        }

        var allowed = new bool[Values.Length];
        for (var i = 0; i < Values.Length; i++)
        {
            for (var f = 0; f < filter.Count; f++)
            {
                if (string.Equals(Values[i], filter[f], StringComparison.Ordinal))
                {
                    allowed[i] = true;
                }
            }
        }

        return allowed;
    }
}
