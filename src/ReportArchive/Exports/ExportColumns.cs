using ReportArchive.Figures;
using ReportArchive.Regions;
using ReportArchive.Statistics;

namespace ReportArchive.Exports;

/// <summary>
/// The columns of a CSV or XLSX export, in order: metadata, checks, every figure key of both templates, every derived
/// rate; with their headers (the keys, or the Chinese labels) and each row's cells.
/// </summary>
public static class ExportColumns
{
    public static IReadOnlyList<string> Metadata { get; } =
        ["id", "fileName", "title", "agency", "year", "province", "city", "county", "level", "agencyTypes", "template", "checksPassed", "checksFailed"];

    /// <summary>The metadata columns' Chinese headers, in the order of <see cref="Metadata"/>.</summary>
    public static IReadOnlyList<string> MetadataLabels { get; } =
        ["编号", "文件名", "标题", "机关", "年份", "省", "市", "县", "层级", "机关类型", "模板", "通过的校验数", "未通过的校验数"];

    /// <summary>Every figure key once: the 2021 template's in template order, then the keys only the 2019 template has.</summary>
    public static IReadOnlyList<string> Figures { get; } = FigureKeys.All.Select(k => k.Key).Distinct(StringComparer.Ordinal).ToList();

    public static IReadOnlyList<string> Rates { get; } = DerivedRates.All.Select(r => r.Key).ToList();

    /// <summary>The keys: the header row with <see cref="ExportLabels.Keys"/>.</summary>
    public static IReadOnlyList<string> All { get; } = [.. Metadata, .. Figures, .. Rates];

    /// <summary>
    /// The header row with <see cref="ExportLabels.Chinese"/>: the metadata's names, each figure's row × column label
    /// (the 2021 template's for a key of both templates; a 2019-only label that another column already has gets
    /// （2019年版）), each rate's Chinese name.
    /// </summary>
    public static IReadOnlyList<string> ChineseHeaders { get; } = BuildChineseHeaders();

    public static IReadOnlyList<string> Headers(ExportLabels labels) => labels == ExportLabels.Keys ? All : ChineseHeaders;

    /// <summary>The Chinese name of a <c>level</c> value (省级…); the value itself when it has none.</summary>
    public static string? LevelLabel(string? level) => level switch
    {
        RegionLevels.Central => "中央",
        RegionLevels.Province => "省级",
        RegionLevels.City => "市级",
        RegionLevels.County => "县级",
        RegionLevels.Township => "乡镇级",
        _ => level,
    };

    /// <summary>One row's cells in column order: text as text, numbers as numbers, null for an empty cell.</summary>
    public static IEnumerable<ExportCell> Cells(ExportRow row, ExportLabels labels)
    {
        ArgumentNullException.ThrowIfNull(row);
        yield return ExportCell.Of(row.Id);
        yield return ExportCell.Of(row.FileName);
        yield return ExportCell.Of(row.Title);
        yield return ExportCell.Of(row.Agency);
        yield return ExportCell.Of(row.Year);
        yield return ExportCell.Of(row.Province);
        yield return ExportCell.Of(row.City);
        yield return ExportCell.Of(row.County);
        yield return ExportCell.Of(labels == ExportLabels.Keys ? row.Level : LevelLabel(row.Level));
        yield return ExportCell.Of(string.Join(labels == ExportLabels.Keys ? ";" : "、", row.AgencyTypes));
        yield return ExportCell.Of(row.Template);
        yield return ExportCell.Of(row.ChecksPassed);
        yield return ExportCell.Of(row.ChecksFailed);
        foreach (var key in Figures)
        {
            yield return ExportCell.Of(row.Figures.GetValueOrDefault(key));
        }

        foreach (var key in Rates)
        {
            yield return ExportCell.Of(row.Rates.GetValueOrDefault(key));
        }
    }

    private static List<string> BuildChineseHeaders()
    {
        var headers = new List<string>(All.Count);
        headers.AddRange(MetadataLabels);
        var used = new HashSet<string>(MetadataLabels, StringComparer.Ordinal);
        foreach (var key in Figures)
        {
            var templates = FigureKeys.TemplatesOf(key);
            var template = templates.Contains(FigureKeys.Template2021) ? FigureKeys.Template2021 : FigureKeys.Template2019;
            var label = FigureKeys.ChineseLabel(key, template) ?? key;
            if (!used.Add(label))
            {
                label += template == FigureKeys.Template2019 ? "（2019年版）" : $"（{key}）";
                used.Add(label);
            }

            headers.Add(label);
        }

        headers.AddRange(DerivedRates.All.Select(r => r.ChineseLabel));
        return headers;
    }
}
