using System.Text.RegularExpressions;

namespace ReportArchive.Ingestion;

/// <summary>
/// Reads the title line of a report and, from it, the agency and the year covered. Titles follow a few shapes:
/// <c>河东区工信局 2021 年政府信息公开工作 年度报告</c>, <c>萝北县工业信息科技局 关于 2020 年度政府信息公开工作的报告</c>,
/// <c>2021年郑州市工业和信息化局政府信息公开工作年度报告</c>, with markdown marks or spaces from extraction.
/// </summary>
public static partial class TitleExtractor
{
    public static string? FindTitle(string text)
    {
        foreach (var rawLine in text.AsSpan().EnumerateLines())
        {
            var line = MarkdownMarks().Replace(rawLine.ToString(), "").Trim();
            if (line.Length > 0)
            {
                return line.Length > 200 ? line[..200] : line;
            }
        }

        return null;
    }

    /// <summary>The agency named by a title: the title without its year, "关于" and the report words.</summary>
    public static string? FindAgency(string title)
    {
        var compact = SpacesNearHan().Replace(title, "");
        compact = YearWords().Replace(compact, "");
        compact = compact.Replace("关于", "", StringComparison.Ordinal);
        var cut = ReportWords().Match(compact);
        if (cut.Success)
        {
            compact = compact[..cut.Index];
        }

        compact = compact.Trim(' ', '《', '》', '“', '”', '"', '（', '）', '(', ')', '【', '】', '：', ':', '的');
        return compact.Length is >= 2 and <= 60 ? compact : null;
    }

    /// <summary>The year a report covers: the title's year, else the year of its statistics period.</summary>
    public static int? FindYear(string? title, string text)
    {
        if (title is not null && YearInTitle().Match(SpacesNearHan().Replace(title, "")) is { Success: true } inTitle)
        {
            return int.Parse(inTitle.Groups[1].ValueSpan);
        }

        var head = text.Length > 2000 ? text[..2000] : text;
        var period = StatisticsPeriod().Match(SpacesNearHan().Replace(head, ""));
        return period.Success ? int.Parse(period.Groups[1].ValueSpan) : null;
    }

    [GeneratedRegex(@"^[#*\s>]+|[*#]+$|\*\*")]
    private static partial Regex MarkdownMarks();

    [GeneratedRegex(@"\s+(?=[\u3400-\u9fff])|(?<=[\u3400-\u9fff])\s+")]
    private static partial Regex SpacesNearHan();

    [GeneratedRegex(@"(?:19|20)\d{2}\s*年度?")]
    private static partial Regex YearWords();

    [GeneratedRegex(@"((?:19|20)\d{2})年")]
    private static partial Regex YearInTitle();

    [GeneratedRegex(@"政府信息公开|政务公开|信息公开工作|工作年度报告|年度报告|工作报告")]
    private static partial Regex ReportWords();

    [GeneratedRegex(@"((?:19|20)\d{2})年1月1日")]
    private static partial Regex StatisticsPeriod();
}
