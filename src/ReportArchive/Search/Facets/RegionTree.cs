using System.Runtime.InteropServices;
using ReportArchive.Search.Catalog;

namespace ReportArchive.Search.Facets;

/// <summary>
/// Builds the province → city → county tree of a set of reports, each level ordered by count, then name; a county
/// without a city (a district of a municipality) is a child of its province.
/// </summary>
public static class RegionTree
{
    public static IReadOnlyList<RegionFacetNode> Build(IEnumerable<CatalogEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var accumulator = new Accumulator();
        foreach (var entry in entries)
        {
            accumulator.Add(entry);
        }

        return accumulator.Build();
    }

    /// <summary>Counts reports into the tree one at a time (no grouping pass, no allocation per report).</summary>
    private sealed class Accumulator
    {
        private readonly Dictionary<string, Node> _provinces = new(StringComparer.Ordinal);

        public void Add(CatalogEntry entry)
        {
            if (entry.Province is not { } province)
            {
                return;
            }

            var node = Node.Child(_provinces, province, entry.RegionCode, 2);
            if (entry.City is { } city)
            {
                node = Node.Child(node.Children, city, entry.RegionCode, 4);
            }

            if (entry.County is { } county)
            {
                Node.Child(node.Children, county, entry.RegionCode, 6);
            }
        }

        public IReadOnlyList<RegionFacetNode> Build() => Node.Build(_provinces, 0);

        /// <summary>A node being counted; its code is the first report's code long enough, cut to the node's level.</summary>
        private sealed class Node
        {
            private string? _code;
            private int _count;

            public Dictionary<string, Node> Children { get; } = new(StringComparer.Ordinal);

            public static Node Child(Dictionary<string, Node> level, string name, string? code, int codeLength)
            {
                ref var node = ref CollectionsMarshal.GetValueRefOrAddDefault(level, name, out _);
                node ??= new Node();
                node._count++;
                if (node._code is null && code is not null && code.Length >= codeLength)
                {
                    node._code = code[..codeLength];
                }

                return node;
            }

            public static List<RegionFacetNode> Build(Dictionary<string, Node> level, int depth) => level
                .Select(pair => new RegionFacetNode(pair.Key, pair.Value._code, pair.Value._count, depth < 2 ? Build(pair.Value.Children, depth + 1) : []))
                .OrderByDescending(n => n.Count)
                .ThenBy(n => n.Value, StringComparer.Ordinal)
                .ToList();
        }
    }
}
