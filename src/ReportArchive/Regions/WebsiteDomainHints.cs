using System.Collections.Frozen;

namespace ReportArchive.Regions;

/// <summary>
/// Weak evidence from the website addresses in a text: a host under a provincial portal's domain
/// (…henan.gov.cn, …sd.gov.cn) hints at that province. Curated by hand: the labels of the 31 provincial
/// government portals. County sites (www.hedong.gov.cn) say nothing here; their pinyin is not matched.
/// </summary>
internal static class WebsiteDomainHints
{
    private static readonly FrozenDictionary<string, string> ProvinceByLabel = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["beijing"] = "11", ["tj"] = "12", ["hebei"] = "13", ["shanxi"] = "14", ["nmg"] = "15", ["ln"] = "21",
        ["jl"] = "22", ["hlj"] = "23", ["shanghai"] = "31", ["sh"] = "31", ["jiangsu"] = "32", ["zj"] = "33",
        ["ah"] = "34", ["fujian"] = "35", ["jiangxi"] = "36", ["shandong"] = "37", ["sd"] = "37", ["henan"] = "41",
        ["hubei"] = "42", ["hunan"] = "43", ["gd"] = "44", ["gxzf"] = "45", ["hainan"] = "46", ["cq"] = "50",
        ["sc"] = "51", ["guizhou"] = "52", ["yn"] = "53", ["xizang"] = "54", ["shaanxi"] = "61", ["gansu"] = "62",
        ["qinghai"] = "63", ["nx"] = "64", ["xinjiang"] = "65",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private const string GovSuffix = ".gov.cn";

    /// <summary>The province codes hinted at by the hosts ending in .gov.cn in the text.</summary>
    public static List<string> ProvinceCodes(string text)
    {
        var found = new List<string>();
        var from = 0;
        while (from < text.Length)
        {
            var at = text.IndexOf(GovSuffix, from, StringComparison.OrdinalIgnoreCase);
            if (at < 0)
            {
                break;
            }

            from = at + GovSuffix.Length;
            var labelStart = at;
            while (labelStart > 0 && (char.IsAsciiLetterOrDigit(text[labelStart - 1]) || text[labelStart - 1] == '-'))
            {
                labelStart--;
            }

            var label = text.AsSpan(labelStart, at - labelStart);
            if (label.Length > 0
                && ProvinceByLabel.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(label, out var province)
                && !found.Contains(province, StringComparer.Ordinal))
            {
                found.Add(province);
            }
        }

        return found;
    }
}
