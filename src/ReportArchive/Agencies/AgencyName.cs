using System.Text;

namespace ReportArchive.Agencies;

/// <summary>The name of a reporting body as the classifiers read it.</summary>
internal static class AgencyName
{
    /// <summary>Longer than any real agency name; a longer input is a whole paragraph and is cut.</summary>
    private const int LongestName = 100;

    private static readonly string[] TitleTails = ["政府信息公开", "年度报告", "工作报告", "关于"];

    /// <summary>
    /// Drops whitespace and markup, and cuts off what follows the name when a whole title line is passed
    /// (a year, 政府信息公开…, 关于…), so that 政府 in 政府信息公开 is not read as part of the name.
    /// </summary>
    public static string Normalize(string? agency)
    {
        if (string.IsNullOrEmpty(agency))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(agency.Length);
        foreach (var c in agency)
        {
            if (char.IsWhiteSpace(c) || c is '#' or '*' or '《' or '》' or '“' or '”' or '"' or '\u200b' or '\ufeff')
            {
                continue;
            }

            if ((char.IsAsciiDigit(c) && builder.Length > 0) || builder.Length == LongestName)
            {
                break;
            }

            builder.Append(c);
        }

        var name = builder.ToString();
        foreach (var tail in TitleTails)
        {
            var at = name.IndexOf(tail, StringComparison.Ordinal);
            if (at > 0)
            {
                name = name[..at];
            }
        }

        return name;
    }
}
