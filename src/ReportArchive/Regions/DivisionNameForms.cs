namespace ReportArchive.Regions;

/// <summary>
/// The other ways a division is written besides its official name. An alias stands for the division on its
/// own (瀍河区 for 瀍河回族区, 长阳县 for 长阳土家族自治县, 恩施州 for 恩施土家族苗族自治州); a short name needs
/// support before it is trusted (临沂 for 临沂市, 山东 for 山东省, 宁夏 for 宁夏回族自治区).
/// </summary>
internal static class DivisionNameForms
{
    // Ethnic groups as they appear in the names of autonomous divisions (with or without 族).
    private static readonly string[] EthnicGroups =
    [
        "维吾尔", "柯尔克孜", "哈萨克", "乌孜别克", "塔吉克", "塔塔尔", "俄罗斯", "达斡尔", "鄂温克", "鄂伦春",
        "蒙古", "土家", "布依", "朝鲜", "哈尼", "傈僳", "拉祜", "纳西", "景颇", "仫佬", "布朗", "撒拉", "毛南",
        "仡佬", "锡伯", "阿昌", "普米", "德昂", "保安", "裕固", "独龙", "门巴", "珞巴", "基诺", "东乡", "高山",
        "回", "藏", "苗", "彝", "壮", "侗", "瑶", "白", "傣", "黎", "佤", "畲", "水", "土", "羌", "怒", "京", "满", "各",
    ];

    /// <summary>Official-name suffixes of autonomous divisions and the plain suffix their alias takes.</summary>
    private static readonly (string Autonomous, string Plain)[] AutonomousSuffixes =
    [
        ("自治州", "州"), ("自治县", "县"), ("自治旗", "旗"), ("族区", "区"),
    ];

    private static readonly string[] ProvinceSuffixes = ["维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "省", "市"];

    public static IEnumerable<string> AliasesOf(AdministrativeDivision division)
    {
        if (division.Level == DivisionLevel.Province)
        {
            yield break;
        }

        if (PlaceOfAutonomous(division.Name) is { } autonomous)
        {
            yield return autonomous.Place + autonomous.Plain;
        }
    }

    public static IEnumerable<string> ShortNamesOf(AdministrativeDivision division)
    {
        var name = division.Name;
        if (division.Level == DivisionLevel.Province)
        {
            var suffix = Array.Find(ProvinceSuffixes, s => name.EndsWith(s, StringComparison.Ordinal));
            if (suffix is not null && name.Length - suffix.Length >= 2)
            {
                yield return name[..^suffix.Length];
            }

            yield break;
        }

        if (division.Level == DivisionLevel.County)
        {
            yield break;
        }

        string? shortName = PlaceOfAutonomous(name) is { } autonomous
            ? autonomous.Place
            : name.EndsWith("地区", StringComparison.Ordinal) ? name[..^2]
            : name.EndsWith('市') || name.EndsWith('省') || name.EndsWith('盟') ? name[..^1]
            : null;
        if (shortName is { Length: >= 2 })
        {
            yield return shortName;
        }
    }

    /// <summary>Splits 恩施土家族苗族自治州 into 恩施 and 州; null when the name is not of an autonomous division.</summary>
    private static (string Place, string Plain)? PlaceOfAutonomous(string name)
    {
        foreach (var (autonomous, plain) in AutonomousSuffixes)
        {
            if (!name.EndsWith(autonomous, StringComparison.Ordinal))
            {
                continue;
            }

            var stem = name[..^autonomous.Length];
            if (autonomous == "族区")
            {
                stem += "族";
            }

            // The place is what stays after removing the ethnic groups from the end of the stem.
            var end = stem.Length;
            while (end > 0 && EthnicAt(stem, end) is { } length)
            {
                end -= length;
            }

            if (end == stem.Length || end == 0)
            {
                // 鄂伦春自治旗: the place is the group itself, so there is no shorter form.
                return null;
            }

            return (stem[..end], plain);
        }

        return null;
    }

    /// <summary>
    /// The length of the ethnic group (with its 族) that ends at <paramref name="end"/>. Without 族 only groups
    /// of two characters or more count (博尔塔拉蒙古自治州), so that 长白朝鲜族自治县 keeps its 白.
    /// </summary>
    private static int? EthnicAt(string stem, int end)
    {
        var withZu = end > 0 && stem[end - 1] == '族';
        var groupEnd = withZu ? end - 1 : end;
        foreach (var group in EthnicGroups)
        {
            if ((withZu || group.Length >= 2) && groupEnd >= group.Length && stem.AsSpan(groupEnd - group.Length, group.Length).SequenceEqual(group))
            {
                return group.Length + (withZu ? 1 : 0);
            }
        }

        return null;
    }
}
