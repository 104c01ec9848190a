using System.Globalization;
using System.Text.RegularExpressions;

namespace ReportArchive.Figures;

/// <summary>
/// Tells the 2019–2020 template from the 2021 one by the column headers and rows only one of them has;
/// when the tables say nothing either way, by the year in the title.
/// </summary>
internal static partial class TemplateDetector
{
    public static string Detect(TableText text, TableRegions regions, List<string> warnings)
    {
        var from = regions.FirstTableStart;
        var to = regions.LastTableEnd;
        var span = text.Text.AsSpan(from, to - from);
        var score2021 = Count(Markers2021(), span);
        var score2019 = Count(Markers2019(), span);
        if (score2021 != score2019)
        {
            return score2021 > score2019 ? TemplateShape.Template2021 : TemplateShape.Template2019;
        }

        var title = TitleYear().Match(text.Text, 0, Math.Min(text.Text.Length, 400));
        if (title.Success && int.TryParse(title.Groups[1].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var year))
        {
            warnings.Add($"template: the tables do not tell the template apart; taken from the year {year} in the title");
            return year >= 2021 ? TemplateShape.Template2021 : TemplateShape.Template2019;
        }

        warnings.Add("template: the tables do not tell the template apart and the title has no year; assumed 2021");
        return TemplateShape.Template2021;
    }

    private static int Count(Regex regex, ReadOnlySpan<char> span)
    {
        var count = 0;
        foreach (var _ in regex.EnumerateMatches(span))
        {
            count++;
        }

        return count;
    }

    [GeneratedRegex(@"本\s*年\s*制\s*发|本\s*年\s*废\s*止|现\s*行\s*有\s*效|本\s*年\s*收\s*费\s*金\s*额|行\s*政\s*规\s*范\s*性|逾\s*期\s*不\s*补\s*正|收\s*费\s*通\s*知")]
    private static partial Regex Markers2021();

    [GeneratedRegex(@"本\s*年\s*新\s*制\s*作|本\s*年\s*新\s*公\s*开|对\s*外\s*公\s*开\s*总|上\s*一\s*年\s*项\s*目|本\s*年\s*增\s*/?\s*减|对\s*外\s*管\s*理\s*服\s*务|集\s*中\s*采\s*购|采\s*购\s*项\s*目")]
    private static partial Regex Markers2019();

    [GeneratedRegex(@"(20[12]\d)\s*年")]
    private static partial Regex TitleYear();
}
