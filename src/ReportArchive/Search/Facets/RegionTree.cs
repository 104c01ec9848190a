namespace ReportArchive.Search.Facets;

/// <summary>Builds the province → city → county tree of a set of reports, each level ordered by count, then name.</summary>
public static class RegionTree
{
    public static IReadOnlyList<RegionFacetNode> Build(IEnumerable<CatalogEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        return Level(entries.Where(e => e.Province is not null).ToList(), 0);
    }

    private static List<RegionFacetNode> Level(List<CatalogEntry> entries, int depth)
    {
        Func<CatalogEntry, string?> name = depth switch
        {
            0 => e => e.Province,
            1 => e => e.City,
            _ => e => e.County,
        };
        var codeLength = (depth + 1) * 2;
        return entries
            .Where(e => name(e) is not null)
            .GroupBy(e => name(e)!, StringComparer.Ordinal)
            .Select(g => new RegionFacetNode(
                g.Key,
                g.Select(e => e.RegionCode).FirstOrDefault(c => c is not null && c.Length >= codeLength)?[..codeLength],
                g.Count(),
                depth < 2 ? Level(g.ToList(), depth + 1) : []))
            .OrderByDescending(n => n.Count)
            .ThenBy(n => n.Value, StringComparer.Ordinal)
            .ToList();
    }
}
