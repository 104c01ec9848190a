namespace ReportArchive.Search.Catalog;

/// <summary>
/// One single-valued catalog field as a column: its distinct values and, per report (in catalog order), the ordinal of
/// its value or -1 when the report has none. Facets count into an array by ordinal instead of hashing strings.
/// </summary>
internal sealed class FacetColumn
{
    private readonly Dictionary<string, int> _ordinalOf;
    private readonly Func<CatalogEntry, string?> _field;

    private FacetColumn(Func<CatalogEntry, string?> field, Dictionary<string, int> ordinalOf, string[] values, int[] ordinals, int[] firstEntries)
    {
        _field = field;
        _ordinalOf = ordinalOf;
        Values = values;
        Ordinals = ordinals;
        FirstEntries = firstEntries;
    }

    public string[] Values { get; }

    public int[] Ordinals { get; }

    /// <summary>Per value, the first report (catalog index) that has it.</summary>
    public int[] FirstEntries { get; }

    public static FacetColumn Build(CatalogEntry[] entries, Func<CatalogEntry, string?> field) =>
        new FacetColumn(field, new Dictionary<string, int>(StringComparer.Ordinal), [], [], []).Extend(entries);

    /// <summary>
    /// The column of values already numbered by first appearance (<see cref="CatalogRowReader"/>): what
    /// <see cref="Build"/> gives for the same reports, without hashing each report's value.
    /// </summary>
    public static FacetColumn FromOrdinals(Func<CatalogEntry, string?> field, ValueOrdinals column)
    {
        var values = column.Values;
        var ordinalOf = new Dictionary<string, int>(values.Length, StringComparer.Ordinal);
        for (var i = 0; i < values.Length; i++)
        {
            ordinalOf.Add(values[i], i);
        }

        var firstEntries = new int[values.Length];
        var seen = 0;
        for (var i = 0; i < column.Ordinals.Length && seen < values.Length; i++)
        {
            var ordinal = column.Ordinals[i];
            if (ordinal == seen)
            {
                firstEntries[seen++] = i; // numbered by first appearance: a new value's ordinal is the count so far
            }
        }

        if (seen != values.Length)
        {
            throw new ArgumentException("the values are not numbered by first appearance", nameof(column));
        }

        return new FacetColumn(field, ordinalOf, values, column.Ordinals, firstEntries);
    }

    /// <summary>
    /// The column of <paramref name="entries"/>, whose first reports are the ones this column already holds (reports
    /// added since, ids only grow): only the new reports are read, the known values keep their ordinals.
    /// </summary>
    public FacetColumn Extend(CatalogEntry[] entries)
    {
        var known = Ordinals.Length;
        var ordinalOf = new Dictionary<string, int>(_ordinalOf, StringComparer.Ordinal);
        var values = new List<string>(Values);
        var firstEntries = new List<int>(FirstEntries);
        var ordinals = new int[entries.Length];
        Array.Copy(Ordinals, ordinals, known);
        for (var i = known; i < entries.Length; i++)
        {
            if (_field(entries[i]) is not { } value)
            {
                ordinals[i] = -1;
                continue;
            }

            if (!ordinalOf.TryGetValue(value, out var ordinal))
            {
                ordinal = values.Count;
                ordinalOf.Add(value, ordinal);
                values.Add(value);
                firstEntries.Add(i);
            }

            ordinals[i] = ordinal;
        }

        return new FacetColumn(_field, ordinalOf, [.. values], ordinals, [.. firstEntries]);
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
