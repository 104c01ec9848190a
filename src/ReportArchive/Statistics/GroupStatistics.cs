namespace ReportArchive.Statistics;

/// <summary>
/// One group of the statistics of a figure or a rate over the matching reports.
/// </summary>
/// <param name="Group">The group's value (a year, a province, an agency type…); null for reports without one.</param>
/// <param name="Reports">Matching reports in the group.</param>
/// <param name="ReportsWithFigure">Reports that give a value: the figure is printed, or the rate's terms are all printed and its denominator is not zero.</param>
/// <param name="ZeroDenominator">Rates only (0 for a figure): reports whose terms are all printed but whose denominator is zero; they are left out of the sum, mean, min and max.</param>
/// <param name="Sum">Sum of the values; null when no report gives one.</param>
/// <param name="Mean">Sum / ReportsWithFigure, rounded to 6 decimals; null when no report gives one.</param>
public sealed record GroupStatistics(
    string? Group,
    int Reports,
    int ReportsWithFigure,
    int ZeroDenominator,
    decimal? Sum,
    decimal? Mean,
    decimal? Min,
    decimal? Max);
