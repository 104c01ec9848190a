using ReportArchive.Figures;

namespace ReportArchive.Statistics;

/// <summary>
/// The derived indicators, one definition used by the statistics, the exports and the web page alike; the
/// formulas are documented in docs/statistics.md.
/// </summary>
public static class DerivedRates
{
    private const string Processed = "requests.processed.total";

    public static DerivedRate Disclosure { get; } = new(
        "rates.disclosure", "公开率（予以公开与部分公开占办理总数）",
        ["requests.granted.total", "requests.partiallyGranted.total"], [Processed]);

    public static DerivedRate Withheld { get; } = new(
        "rates.withheld", "不予公开率", RowTotals("requests.withheld."), [Processed]);

    public static DerivedRate Unable { get; } = new(
        "rates.unable", "无法提供率", RowTotals("requests.unable."), [Processed]);

    public static DerivedRate ReviewCorrection { get; } = Correction("review", "行政复议纠错率");

    public static DerivedRate LitigationDirectCorrection { get; } = Correction("litigationDirect", "未经复议直接起诉的行政诉讼纠错率");

    public static DerivedRate LitigationAfterReviewCorrection { get; } = Correction("litigationAfterReview", "复议后起诉的行政诉讼纠错率");

    public static IReadOnlyList<DerivedRate> All { get; } =
        [Disclosure, Withheld, Unable, ReviewCorrection, LitigationDirectCorrection, LitigationAfterReviewCorrection];

    public static DerivedRate? Find(string key) => All.FirstOrDefault(r => string.Equals(r.Key, key, StringComparison.Ordinal));

    /// <summary>The total column of every table B row under the prefix, in template order (the same in both templates).</summary>
    private static List<string> RowTotals(string prefix) => FigureKeys.ForTemplate(FigureKeys.Template2021)
        .Select(k => k.Key)
        .Where(k => k.StartsWith(prefix, StringComparison.Ordinal) && k.EndsWith(".total", StringComparison.Ordinal))
        .ToList();

    private static DerivedRate Correction(string group, string label) => new(
        $"rates.{group}Correction", label,
        [$"{group}.corrected"], [$"{group}.upheld", $"{group}.corrected", $"{group}.other"]);
}
