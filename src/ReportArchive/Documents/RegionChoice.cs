namespace ReportArchive.Documents;

/// <summary>One of the divisions an ambiguous name could stand for.</summary>
public sealed record RegionChoice(string Code, string Province, string? City, string? County);
