using ReportArchive.Figures;
using ReportArchive.Statistics;

namespace ReportArchive.Exports;

/// <summary>The CSV columns, in order: metadata, checks, every figure key of both templates, every derived rate.</summary>
public static class ExportColumns
{
    public static IReadOnlyList<string> Metadata { get; } =
        ["id", "fileName", "title", "agency", "year", "province", "city", "county", "level", "agencyTypes", "template", "checksPassed", "checksFailed"];

    /// <summary>Every figure key once: the 2021 template's in template order, then the keys only the 2019 template has.</summary>
    public static IReadOnlyList<string> Figures { get; } = FigureKeys.All.Select(k => k.Key).Distinct(StringComparer.Ordinal).ToList();

    public static IReadOnlyList<string> Rates { get; } = DerivedRates.All.Select(r => r.Key).ToList();

    public static IReadOnlyList<string> All { get; } = [.. Metadata, .. Figures, .. Rates];
}
