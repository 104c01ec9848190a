namespace ReportArchive.Figures;

/// <summary>One identity of the template (勾稽关系) or one narrative cross-check, evaluated on a report.</summary>
/// <param name="Rule">Stable rule id, e.g. <c>requests.balance.total</c>; see docs/figures.md.</param>
/// <param name="Ok">Whether the identity holds on the printed values.</param>
/// <param name="Detail">What was compared, e.g. "expected 3, printed 2".</param>
public sealed record FigureCheck(string Rule, bool Ok, string Detail);
