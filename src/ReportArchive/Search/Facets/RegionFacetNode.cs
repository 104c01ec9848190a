namespace ReportArchive.Search.Facets;

/// <summary>A province, city or county with the number of matching reports in it, and the levels below.</summary>
/// <param name="Code">The division code known for this node (a prefix of its reports' codes), or null.</param>
public sealed record RegionFacetNode(string Value, string? Code, int Count, IReadOnlyList<RegionFacetNode> Children);
