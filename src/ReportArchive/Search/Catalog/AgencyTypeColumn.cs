namespace ReportArchive.Search.Catalog;

/// <summary>The agency types of every report (a merged bureau has several) as ordinals, rows packed one after another.</summary>
internal sealed class AgencyTypeColumn
{
    private readonly Dictionary<string, int> _ordinalOf;

    private AgencyTypeColumn(Dictionary<string, int> ordinalOf, string[] values, int[] starts, int[] ordinals)
    {
        _ordinalOf = ordinalOf;
        Values = values;
        Starts = starts;
        Ordinals = ordinals;
    }

    public string[] Values { get; }

    /// <summary>Report i's types are <c>Ordinals[Starts[i]..Starts[i + 1]]</c>.</summary>
    public int[] Starts { get; }

    public int[] Ordinals { get; }

    public static AgencyTypeColumn Build(CatalogEntry[] entries) =>
        new AgencyTypeColumn(new Dictionary<string, int>(StringComparer.Ordinal), [], [0], []).Extend(entries);

    /// <summary>
    /// The column of types already numbered by first appearance (<see cref="CatalogRowReader"/>), report i's in
    /// <c>column.Ordinals[starts[i]..starts[i + 1]]</c>: what <see cref="Build"/> gives for the same reports.
    /// </summary>
    public static AgencyTypeColumn FromOrdinals(ValueOrdinals column, int[] starts)
    {
        var ordinalOf = new Dictionary<string, int>(column.Values.Length, StringComparer.Ordinal);
        for (var i = 0; i < column.Values.Length; i++)
        {
            ordinalOf.Add(column.Values[i], i);
        }

        return new AgencyTypeColumn(ordinalOf, column.Values, starts, column.Ordinals);
    }

    /// <summary>The column of <paramref name="entries"/>, whose first reports are the ones this column holds: only new reports are read.</summary>
    public AgencyTypeColumn Extend(CatalogEntry[] entries)
    {
        var known = Starts.Length - 1;
        var ordinalOf = new Dictionary<string, int>(_ordinalOf, StringComparer.Ordinal);
        var values = new List<string>(Values);
        var starts = new int[entries.Length + 1];
        Array.Copy(Starts, starts, known + 1);
        var ordinals = new List<int>(Ordinals.Length + (entries.Length - known));
        ordinals.AddRange(Ordinals);
        for (var i = known; i < entries.Length; i++)
        {
            starts[i] = ordinals.Count;
            foreach (var type in entries[i].AgencyTypes)
            {
                if (!ordinalOf.TryGetValue(type, out var ordinal))
                {
                    ordinal = values.Count;
                    ordinalOf.Add(type, ordinal);
                    values.Add(type);
                }

                ordinals.Add(ordinal);
            }
        }

        starts[entries.Length] = ordinals.Count;
        return new AgencyTypeColumn(ordinalOf, [.. values], starts, [.. ordinals]);
    }
}
