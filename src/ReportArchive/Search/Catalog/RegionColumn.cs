using ReportArchive.Regions;
using ReportArchive.Search.Facets;

namespace ReportArchive.Search.Catalog;

/// <summary>
/// The province → city → county tree of every report in the catalog, built once per snapshot: each report holds the
/// ids of its (up to three) nodes, so the region facet of any set of reports is a count per node. A node's code is the
/// first report's code long enough, cut to the node's level (province 2 digits, city 4, county 6). A county without a
/// city (the districts of a municipality, 天门市 under 湖北省) hangs directly under its province, as in GB/T 2260.
/// </summary>
internal sealed class RegionColumn
{
    private readonly Dictionary<(int Parent, string Name), int> _byPath;
    private readonly string[] _names;
    private readonly string?[] _codes;
    private readonly int[] _parents;
    private readonly int[] _depths;

    /// <summary>The node of each code (the first node given it, should two share one).</summary>
    private readonly Dictionary<string, int> _byCode;

    private RegionColumn(Dictionary<(int Parent, string Name), int> byPath, string[] names, string?[] codes, int[] parents, int[] depths, int[] nodes)
    {
        _byCode = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var node = 0; node < codes.Length; node++)
        {
            if (codes[node] is { } code)
            {
                _byCode.TryAdd(code, node);
            }
        }

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
            string?[] path = [entry.Province, entry.Province is null ? null : entry.City, entry.Province is null ? null : entry.County];
            for (var depth = 0; depth < 3 && path[0] is not null; depth++)
            {
                if (path[depth] is not { } name)
                {
                    continue; // no city: the county is the province's child
                }

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

    /// <summary>
    /// The facet tree of the nodes counted (count per node id), each level by count descending, then name; the
    /// <paramref name="selected"/> divisions and their parents are in it even when nothing counted there (count 0), so
    /// a selected division is always shown, named as GB/T 2260 names it when no report of the catalog is in it.
    /// </summary>
    public IReadOnlyList<RegionFacetNode> Tree(int[] counts, IReadOnlyList<AdministrativeDivision> selected)
    {
        var shown = new bool[_names.Length];
        var children = new List<int>?[_names.Length];
        var roots = new List<int>();
        for (var node = 0; node < _names.Length; node++)
        {
            shown[node] = counts[node] > 0;
        }

        var missing = new List<AdministrativeDivision>();
        foreach (var division in selected)
        {
            if (_byCode.TryGetValue(division.Code, out var node))
            {
                for (; node >= 0 && !shown[node]; node = _parents[node])
                {
                    shown[node] = true;
                }
            }
            else
            {
                missing.Add(division);
            }
        }

        for (var node = 0; node < _names.Length; node++)
        {
            if (!shown[node])
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

        var tree = Level(roots);
        foreach (var division in missing)
        {
            AddPath(tree, RegionResolver.Default.Divisions.PathOf(division), 0);
        }

        return Sorted(tree);

        List<Building> Level(List<int> level) => level.ConvertAll(node => new Building(
            _names[node], _codes[node], counts[node], _depths[node] < 2 && children[node] is { } below ? Level(below) : []));
    }

    /// <summary>Adds a division absent from the catalog (count 0) under the nodes of its parents, made where missing.</summary>
    private static void AddPath(List<Building> level, IReadOnlyList<AdministrativeDivision> path, int step)
    {
        if (step == path.Count)
        {
            return;
        }

        var division = path[step];
        var node = level.Find(n => n.Code == division.Code || (n.Code is null && n.Value == division.Name));
        if (node is null)
        {
            node = new Building(division.Name, division.Code, 0, []);
            level.Add(node);
        }

        AddPath(node.Children, path, step + 1);
    }

    private static List<RegionFacetNode> Sorted(List<Building> level) => level
        .Select(n => new RegionFacetNode(n.Value, n.Code, n.Count, Sorted(n.Children)))
        .OrderByDescending(n => n.Count)
        .ThenBy(n => n.Value, StringComparer.Ordinal)
        .ToList();

    /// <summary>A node of the tree being put together.</summary>
    private sealed record Building(string Value, string? Code, int Count, List<Building> Children);
}
