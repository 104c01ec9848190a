namespace ReportArchive.Search;

/// <summary>One report on a page of results, the number of its failed checks, and up to three highlighted passages (HTML, matches in &lt;mark&gt;).</summary>
public sealed record SearchHit(
    long Id,
    string FileName,
    string? Title,
    string? Agency,
    int? Year,
    string? Province,
    string? City,
    string? County,
    IReadOnlyList<string> AgencyTypes,
    string? Level,
    double Score,
    int ChecksFailed,
    IReadOnlyList<string> Snippets);
