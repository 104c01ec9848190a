using System.Collections.Frozen;

namespace ReportArchive.Regions;

/// <summary>
/// Evidence from the website addresses in a text or an upload's source URL. A host under a provincial portal's
/// domain (…henan.gov.cn, …sd.gov.cn) hints at that province (weak: curated by hand, the labels of the 31 provincial
/// portals); a county or city portal is named by its pinyin (www.huichang.gov.cn is 会昌县's; see
/// <see cref="DivisionPinyin"/>), which points at that division.
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

    /// <summary>
    /// The labels of every host ending in .gov.cn in <paramref name="text"/>, right to left without gov.cn
    /// (www.lfw.pt.gov.cn → pt, lfw, www), one list per host in the order of the text.
    /// </summary>
    public static List<string[]> GovernmentHosts(string text)
    {
        var hosts = new List<string[]>();
        var from = 0;
        while (from < text.Length)
        {
            var at = text.IndexOf(GovSuffix, from, StringComparison.OrdinalIgnoreCase);
            if (at < 0)
            {
                break;
            }

            from = at + GovSuffix.Length;
            var start = at;
            while (start > 0 && (char.IsAsciiLetterOrDigit(text[start - 1]) || text[start - 1] is '-' or '.'))
            {
                start--;
            }

            var labels = text[start..at].Split('.', StringSplitOptions.RemoveEmptyEntries);
            if (labels.Length > 0)
            {
                Array.Reverse(labels);
                hosts.Add(labels);
            }
        }

        return hosts;
    }

    /// <summary>The province codes hinted at by the hosts' labels next to gov.cn.</summary>
    public static List<string> ProvinceCodes(IEnumerable<string[]> hosts)
    {
        var found = new List<string>();
        foreach (var labels in hosts)
        {
            if (ProvinceByLabel.TryGetValue(labels[0], out var province) && !found.Contains(province, StringComparer.Ordinal))
            {
                found.Add(province);
            }
        }

        return found;
    }

    /// <summary>
    /// The prefectures and counties whose pinyin is a label of one of the hosts (www.huichang.gov.cn → 会昌县;
    /// www.hedong.gov.cn → both 河东区), with the host as written.
    /// </summary>
    public static List<(AdministrativeDivision Division, string Host)> Divisions(IEnumerable<string[]> hosts, DivisionPinyin pinyin)
    {
        var found = new List<(AdministrativeDivision, string)>();
        foreach (var labels in hosts)
        {
            var host = string.Join('.', labels.Reverse()) + GovSuffix;
            foreach (var label in labels)
            {
                foreach (var division in pinyin.Named(label))
                {
                    if (!found.Exists(f => f.Item1 == division))
                    {
                        found.Add((division, host));
                    }
                }
            }
        }

        return found;
    }
}
