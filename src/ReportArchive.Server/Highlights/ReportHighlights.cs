using ReportArchive.Search.Highlighting;

namespace ReportArchive.Server.Highlights;

/// <summary>Where the query matches in a report's text: ranges [start, end) of UTF-16 code units, in order, not overlapping.</summary>
public sealed record ReportHighlights(long Id, string? Query, IReadOnlyList<Highlight> Ranges);
