using System.Collections.Frozen;

namespace ReportArchive.Evaluation;

/// <summary>
/// The agency-type forms the real-reports conventions count as one type: the expected files' short forms and the
/// classifier's full official forms (市场监管 = 市场监督管理, 卫健 = 卫生健康, …; 人民政府办公厅 = 人民政府办公室).
/// </summary>
public static class AgencyTypeEquivalence
{
    private static readonly FrozenDictionary<string, string> Canonical = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["市场监管"] = "市场监督管理",
        ["卫健"] = "卫生健康",
        ["国资"] = "国有资产监督管理",
        ["住房城乡建设"] = "住房和城乡建设",
        ["文化旅游"] = "文化和旅游",
        ["发展改革"] = "发展和改革",
        ["工信"] = "工业和信息化",
        ["人民政府办公厅"] = "人民政府办公室",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static string Canonicalize(string type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return Canonical.GetValueOrDefault(type, type);
    }

    /// <summary>True when <paramref name="expected"/> is among <paramref name="given"/>, up to the equivalences.</summary>
    public static bool IsAmong(string expected, IEnumerable<string> given)
    {
        ArgumentNullException.ThrowIfNull(given);
        var wanted = Canonicalize(expected);
        return given.Any(t => string.Equals(Canonicalize(t), wanted, StringComparison.Ordinal));
    }
}
