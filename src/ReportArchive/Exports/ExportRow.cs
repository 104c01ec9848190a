namespace ReportArchive.Exports;

/// <summary>
/// One report as an export row: metadata, checks passed and failed, its figures (the keys of its template; null
/// where the cell is empty) and the derived rates (null where undefined).
/// </summary>
public sealed record ExportRow(
    long Id,
    string FileName,
    string? Title,
    string? Agency,
    int? Year,
    string? Province,
    string? City,
    string? County,
    string? Level,
    IReadOnlyList<string> AgencyTypes,
    string? Template,
    int ChecksPassed,
    int ChecksFailed,
    IReadOnlyDictionary<string, decimal?> Figures,
    IReadOnlyDictionary<string, decimal?> Rates);
