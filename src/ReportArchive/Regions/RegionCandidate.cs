namespace ReportArchive.Regions;

/// <summary>
/// A division a report may belong to, spelled out: <see cref="City"/> is the prefecture-level unit and is
/// null for the districts of a municipality and for county-level units directly under a province;
/// <see cref="County"/> is null for a province or prefecture.
/// </summary>
public sealed record RegionCandidate(string Code, string Province, string? City, string? County);
