namespace ReportArchive.Corpus.Reports;

/// <summary>A body that writes reports, with where it sits (county null for a city-level body).</summary>
public sealed record SampleAgency(string Name, string Province, string? City, string? County, string Level, string PhoneAreaCode);
