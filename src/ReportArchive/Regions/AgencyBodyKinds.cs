using System.Buffers;

namespace ReportArchive.Regions;

/// <summary>
/// Recognises the two kinds of body whose level the division names alone do not give: township bodies
/// (…镇人民政府, …乡人民政府, …街道办事处, …苏木) and central bodies (教育部, 国家卫生健康委员会, 国务院办公厅, 海关总署).
/// </summary>
internal static class AgencyBodyKinds
{
    private static readonly string[] TownshipEndings =
    [
        "片区管理局", "镇人民政府", "乡人民政府", "苏木人民政府", "镇政府", "乡政府", "街道办事处", "街道办", "街道", "镇", "乡", "苏木",
    ];

    private static readonly SearchValues<char> DepartmentCharacters = SearchValues.Create("局委厅办院所部站");
    private static readonly string[] CentralPrefixes = ["国务院", "国家", "中华人民共和国", "中央", "全国", "中国"];
    private static readonly string[] CentralEndings = ["部", "总署", "署", "总局"];

    /// <summary>
    /// True when <paramref name="name"/> (what follows the division names, or the whole agency name) is a
    /// township body: a place name of one to ten characters, then a township ending, and no department word.
    /// </summary>
    public static bool IsTownship(ReadOnlySpan<char> name)
    {
        foreach (var ending in TownshipEndings)
        {
            if (!name.EndsWith(ending, StringComparison.Ordinal))
            {
                continue;
            }

            var place = name[..^ending.Length];
            return place.Length is >= 1 and <= 10 && place.IndexOfAny(DepartmentCharacters) < 0;
        }

        return false;
    }

    /// <summary>True when an agency name without any division name is that of a central body.</summary>
    public static bool IsCentral(string agency)
    {
        if (agency.Length < 2 || agency[0] is '省' or '市' or '区' or '县' or '州' or '盟' or '旗' or '乡' or '镇')
        {
            return false;
        }

        foreach (var prefix in CentralPrefixes)
        {
            if (agency.StartsWith(prefix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        foreach (var ending in CentralEndings)
        {
            if (agency.EndsWith(ending, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The level an agency name without a division states by its first character: 省…, 市…, 区…/县….</summary>
    public static string? LevelFromLeadingCharacter(string agency) => agency.Length == 0 ? null : agency[0] switch
    {
        '省' => RegionLevels.Province,
        '市' or '州' or '盟' => RegionLevels.City,
        '区' or '县' or '旗' => RegionLevels.County,
        _ => null,
    };
}
