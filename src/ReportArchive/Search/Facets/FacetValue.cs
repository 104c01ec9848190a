namespace ReportArchive.Search.Facets;

/// <summary>One value of a facet and how many matching reports carry it.</summary>
public sealed record FacetValue(string Value, int Count);
