namespace ReportArchive.Evaluation;

/// <summary>
/// The hand-checked values of one real report (<c>expected/NNN.json</c>, schema in the real-reports README):
/// metadata and the 11 headline figures by their expected names (<see cref="ExpectedFigureNames"/>), null where
/// the text does not state the value.
/// </summary>
public sealed record ExpectedReport(
    string Id,
    string? Agency,
    int? Year,
    string? Province,
    string? City,
    string? County,
    string? Level,
    string? AgencyType,
    IReadOnlyDictionary<string, decimal?> Figures);
