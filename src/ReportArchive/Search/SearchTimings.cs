namespace ReportArchive.Search;

/// <summary>
/// Where one search's time went, in milliseconds: finding the matching reports (index, verification, figure
/// conditions), counting facets, ordering the top of the results, re-ranking it by text, and the page's snippets.
/// </summary>
public sealed record SearchTimings(double MatchMs, double FacetsMs, double OrderMs, double RescoreMs, double SnippetsMs);
