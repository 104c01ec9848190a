using System.Text.Json.Serialization;

namespace ReportArchive.Search.Facets;

/// <summary>One value of a facet and how many matching reports carry it.</summary>
/// <param name="Code">For a province or city: its GB/T 2260 code (<c>32</c>, <c>3203</c>), to filter by as <c>region=</c>; absent for other facets.</param>
public sealed record FacetValue(
    string Value,
    int Count,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Code = null);
