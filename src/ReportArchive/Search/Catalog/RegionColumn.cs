using ReportArchive.Search.Facets;

namespace ReportArchive.Search.Catalog;

/// <summary>
/// The province → city → county tree of every report in the catalog, built once per snapshot: each report holds the
/// ids of its (up to three) nodes, so the region facet of any set of reports is a count per node. A node's code is the
/// first report's code long enough, cut to the node's level (province 2 digits, city 4, county 6).
/// </summary>
internal sealed class RegionColumn
{
    private readonly Dictionary<(int Parent, string Name), int> _byPath;
    private readonly string[] _names;
    private readonly string?[] _codes;
    private readonly int[] _parents;
    private readonly int[] _depths;

    private RegionColumn(Dictionary<(int Parent, string Name), int> byPath, string[] names, string?[] codes, int[] parents, int[] depths, int[] nodes)
    {
        _byPath = byPath;
        _names = names;
        _codes = codes;
        _parents = parents;
        _depths = depths;
        Nodes = nodes;
    }

    public int NodeCount => _names.Length;

    /// <summary>Report i's nodes are <c>Nodes[3 * i .. 3 * i + 3]</c> (province, city, county; -1 where absent).</summary>
    public int[] Nodes { get; }

    public static RegionColumn Build(CatalogEntry[] entries) => new RegionColumn([], [], [], [], [], []).Extend(entries);

    /// <summary>The column of <paramref name="entries"/>, whose first reports are the ones this column holds: only new reports are read.</summary>
    public RegionColumn Extend(CatalogEntry[] entries)
    {
        var known = Nodes.Length / 3;
        var byPath = new Dictionary<(int Parent, string Name), int>(_byPath);
        var names = new List<string>(_names);
        var codes = new List<string?>(_codes);
        var parents = new List<int>(_parents);
        var depths = new List<int>(_depths);
        var nodes = new int[entries.Length * 3];
        Array.Copy(Nodes, nodes, Nodes.Length);
        Array.Fill(nodes, -1, Nodes.Length, nodes.Length - Nodes.Length);
        for (var i = known; i < entries.Length; i++)
        {
            var entry = entries[i];
            var parent = -1;
            string?[] path = [entry.Province, entry.Province is null ? null : entry.City, entry.City is null ? null : entry.County];
            for (var depth = 0; depth < 3 && path[depth] is { } name; depth++)
            {
                if (!byPath.TryGetValue((parent, name), out var node))
                {
                    node = names.Count;
                    byPath.Add((parent, name), node);
                    names.Add(name);
                    codes.Add(null);
                    parents.Add(parent);
                    depths.Add(depth);
                }

                var codeLength = 2 * (depth + 1);
                if (codes[node] is null && entry.RegionCode is { } code && code.Length >= codeLength)
                {
                    codes[node] = code[..codeLength];
                }

                nodes[(3 * i) + depth] = node;
                parent = node;
            }
        }

        return new RegionColumn(byPath, [.. names], [.. codes], [.. parents], [.. depths], nodes);
    }

    /// <summary>The facet tree of the nodes counted (count per node id), each level by count descending, then name.</summary>
    public IReadOnlyList<RegionFacetNode> Tree(int[] counts)
    {
        var children = new List<int>?[_names.Length];
        var roots = new List<int>();
        for (var node = 0; node < _names.Length; node++)
        {
            if (counts[node] == 0)
            {
                continue;
            }

            if (_parents[node] < 0)
            {
                roots.Add(node);
            }
            else
            {
                (children[_parents[node]] ??= []).Add(node);
            }
        }

        return Level(roots);

        List<RegionFacetNode> Level(List<int> level) => level
            .Select(node => new RegionFacetNode(
                _names[node], _codes[node], counts[node], _depths[node] < 2 && children[node] is { } below ? Level(below) : []))
            .OrderByDescending(n => n.Count)
            .ThenBy(n => n.Value, StringComparer.Ordinal)
            .ToList();
    }
}
