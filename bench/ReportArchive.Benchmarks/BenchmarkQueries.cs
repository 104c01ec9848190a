using ReportArchive.Search;

namespace ReportArchive.Benchmarks;

/// <summary>
/// The fixed query set: 2-, 3- and 4+-character terms, multi-word, OR, exclusion, quoted text with punctuation, and
/// the same kinds with filters, from very common (every report) to rare (one place, one department), all real
/// vocabulary of the reports.
/// </summary>
internal static class BenchmarkQueries
{
    public static IReadOnlyList<BenchmarkQuery> All { get; } =
    [
        // two characters
        Q("2-char", "诉讼"), Q("2-char", "郑州"), Q("2-char", "洛阳"), Q("2-char", "复议"), Q("2-char", "热线"),
        Q("2-char", "信箱"), Q("2-char", "萝北"), Q("2-char", "保密"), Q("2-char", "审计"), Q("2-char", "公开"),
        // three characters
        Q("3-char", "公安局"), Q("3-char", "海淀区"), Q("3-char", "审计局"), Q("3-char", "发布会"), Q("3-char", "公众号"),
        Q("3-char", "萝北县"), Q("3-char", "正蓝旗"), Q("3-char", "信息费"),
        // four and more
        Q("4+-char", "行政诉讼"), Q("4+-char", "政府信息公开"), Q("4+-char", "依申请公开"), Q("4+-char", "瀍河回族区"),
        Q("4+-char", "政务新媒体管理"), Q("4+-char", "信息处理费"), Q("4+-char", "12345政务服务便民热线"),
        Q("4+-char", "中华人民共和国政府信息公开条例"), Q("4+-char", "社会知晓度不高"), Q("4+-char", "延边朝鲜族自治州"),
        Q("4+-char", "退役军人事务局"),
        // several words, OR, exclusion, quoted with punctuation
        Q("multi-word", "郑州 行政诉讼"), Q("multi-word", "海淀区 公安局 复议"), Q("multi-word", "信访局 热线 信箱"),
        Q("multi-word", "萝北县 政协委员提案"),
        Q("or", "郑州 OR 洛阳"), Q("or", "萝北县 OR 正蓝旗"), Q("or", "审计局 OR 统计局 OR 体育局"),
        Q("exclusion", "行政诉讼 -郑州"), Q("exclusion", "公安局 -海淀区"), Q("exclusion", "热线 -信箱"),
        Q("quoted", "\"谁公开、谁审查、谁负责\""), Q("quoted", "\"以公开为常态、不公开为例外\""), Q("quoted", "2021 年"),
        // with filters
        Q("filtered", "行政诉讼", year: 2021), Q("filtered", "公安局", province: "河南省"), Q("filtered", "热线", region: "4103"),
        Q("filtered", "复议", agencyType: "公安"), Q("filtered", "政府信息公开", level: "county", year: 2023),
        Q("filtered", "保密 -热线", checks: SearchFilters.ChecksFailed), Q("filtered", "正蓝旗", region: "内蒙古自治区"),
        // browsing: no query, filters only
        Q("browse", null, year: 2020), Q("browse", null, region: "4101"), Q("browse", null, checks: SearchFilters.ChecksFailed),
    ];

    private static BenchmarkQuery Q(
        string category, string? text, int? year = null, string? province = null, string? region = null,
        string? agencyType = null, string? level = null, string? checks = null)
    {
        var filters = new SearchFilters(
            year is { } y ? [new YearRange(y, y)] : [],
            province is null ? [] : [province],
            [],
            [],
            agencyType is null ? [] : [agencyType],
            level is null ? [] : [level],
            checks is null ? [] : [checks],
            region is null ? [] : [region],
            []);
        var name = string.Join(
            " ",
            new[]
            {
                text ?? "(browse)",
                year is null ? null : $"year={year}",
                province is null ? null : $"province={province}",
                region is null ? null : $"region={region}",
                agencyType is null ? null : $"agencyType={agencyType}",
                level is null ? null : $"level={level}",
                checks is null ? null : $"checks={checks}",
            }.Where(p => p is not null));
        return new BenchmarkQuery(name, category, text, filters);
    }
}

internal sealed record BenchmarkQuery(string Name, string Category, string? Text, SearchFilters Filters)
{
    public SearchRequest Request => new(Text, Filters);
}
