namespace ReportArchive.Search.Catalog;

/// <summary>The agency types of every report (a merged bureau has several) as ordinals, rows packed one after another.</summary>
internal sealed class AgencyTypeColumn
{
    private AgencyTypeColumn(string[] values, int[] starts, int[] ordinals)
    {
        Values = values;
        Starts = starts;
        Ordinals = ordinals;
    }

    public string[] Values { get; }

    /// <summary>Report i's types are <c>Ordinals[Starts[i]..Starts[i + 1]]</c>.</summary>
    public int[] Starts { get; }

    public int[] Ordinals { get; }

    public static AgencyTypeColumn Build(CatalogEntry[] entries)
    {
        var ordinalOf = new Dictionary<string, int>(StringComparer.Ordinal);
        var starts = new int[entries.Length + 1];
        var ordinals = new List<int>(entries.Length);
        for (var i = 0; i < entries.Length; i++)
        {
            starts[i] = ordinals.Count;
            foreach (var type in entries[i].AgencyTypes)
            {
                if (!ordinalOf.TryGetValue(type, out var ordinal))
                {
                    ordinal = ordinalOf.Count;
                    ordinalOf.Add(type, ordinal);
                }

                ordinals.Add(ordinal);
            }
        }

        starts[entries.Length] = ordinals.Count;
        var values = new string[ordinalOf.Count];
        foreach (var (value, ordinal) in ordinalOf)
        {
            values[ordinal] = value;
        }

        return new AgencyTypeColumn(values, starts, [.. ordinals]);
    }
}
