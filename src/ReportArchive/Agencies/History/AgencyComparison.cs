namespace ReportArchive.Agencies.History;

/// <summary>
/// One agency's reports side by side: the key figures year by year with the change from the report before, the
/// cross-year checks, and each part's prose compared sentence by sentence with the report before.
/// </summary>
/// <param name="FigureLabels">The key figures in display order with the template's Chinese labels.</param>
public sealed record AgencyComparison(
    string Agency,
    string? RegionCode,
    IReadOnlyList<FigureLabel> FigureLabels,
    IReadOnlyList<ComparedYear> Years,
    IReadOnlyList<CrossYearCheck> CrossYearChecks);

/// <summary>A key figure and its Chinese label (本年新收政府信息公开申请数量 × 总计).</summary>
public sealed record FigureLabel(string Key, string Label);

/// <summary>
/// One report of the series. <paramref name="ComparedWith"/>: the report before it (the nearest earlier year), which
/// the changes and the sentences are compared with; null for the first.
/// </summary>
/// <param name="Changes">Per key figure, this report's value minus the report before's; null when either is not given.</param>
public sealed record ComparedYear(
    long Id,
    int Year,
    string FileName,
    AgencyYear? ComparedWith,
    IReadOnlyDictionary<string, decimal?> Figures,
    IReadOnlyDictionary<string, decimal?> Changes,
    IReadOnlyList<ComparedPart> Parts);

/// <summary>
/// One of the template's six parts in one report: its sentences of prose, each marked against the report before, and
/// the counts (<paramref name="Dropped"/>: sentences of the report before's part that this one no longer has).
/// <paramref name="Found"/> is false when the report does not number this part (its sentences are then empty).
/// </summary>
public sealed record ComparedPart(
    string Number, string Heading, bool Found, IReadOnlyList<ComparedSentence> Sentences, int Copied, int Similar, int New, int Dropped);

/// <summary>
/// A sentence and how it compares with the report before: <c>copied</c> (the same words), <c>similar</c> (the same
/// but for numbers, or nearly the same words), <c>new</c>, or <c>first</c> (there is no report before).
/// </summary>
public sealed record ComparedSentence(string Text, string Status);
