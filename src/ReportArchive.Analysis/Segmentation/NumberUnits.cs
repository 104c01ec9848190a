namespace ReportArchive.Analysis.Segmentation;

/// <summary>
/// Measure words and units that belong to the number before them (2021年, 1507条, 12.5万元, 90余条):
/// the segmenter joins a number with the unit word that the dictionary path puts right after it,
/// optionally preceded by 余 or 多 ("more than").
/// </summary>
internal static class NumberUnits
{
    private static readonly HashSet<string> Units = new(StringComparer.Ordinal)
    {
        "年", "月", "日", "号", "时", "分", "秒", "天", "周", "个", "件", "条", "项", "次", "人", "人次", "名", "位", "户", "家",
        "元", "角", "万", "亿", "千元", "万元", "亿元", "百万元", "份", "篇", "期", "批", "本", "册", "页", "部", "座", "所",
        "处", "场", "起", "宗", "例", "种", "类", "套", "台", "辆", "架", "艘", "吨", "千克", "公斤", "克", "米", "千米",
        "公里", "平方米", "平方公里", "立方米", "公顷", "亩", "岁", "小时", "分钟", "个月", "周年", "倍", "轮", "届",
        "季度", "万人", "万户", "个工作日", "工作日", "余", "多",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> UnitLookup =
        Units.GetAlternateLookup<ReadOnlySpan<char>>();

    public static bool IsQualifier(ReadOnlySpan<char> word) => word is "余" or "多";

    /// <summary>True for a unit, or 余/多 followed by a unit in one word.</summary>
    public static bool IsUnit(ReadOnlySpan<char> word) =>
        UnitLookup.Contains(word) || (word.Length > 1 && IsQualifier(word[..1]) && UnitLookup.Contains(word[1..]));
}
