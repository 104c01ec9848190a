using System.Globalization;
using System.Text.RegularExpressions;

namespace ReportArchive.Ingestion;

/// <summary>
/// What a crawled or copied web page puts around a report: crawler header labels (<c>标题: …</c>, <c>发布时间: …</c>,
/// <c>原文链接: …</c>, <c>文号:</c>, <c>栏目:</c>, <c>==== 正文 ====</c>), page labels (<c>来源：</c>, <c>索引号:</c>,
/// <c>发布机构:</c>), breadcrumbs (<c>当前位置：首页 &gt; …</c>), buttons (<c>【字体：大 中 小】</c>, 打印, 关闭, 分享).
/// Tells such lines apart from the report's own, and reads the publication date and source address they state.
/// </summary>
public static partial class PageFurniture
{
    private const int HeadCharacters = 4000;

    /// <summary>True when a (trimmed) line is page furniture, not part of the report.</summary>
    public static bool IsFurniture(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var compact = line.Replace(" ", "", StringComparison.Ordinal).Replace("\u3000", "", StringComparison.Ordinal);
        return compact.Length == 0
            || Label().IsMatch(compact)
            || Breadcrumb().IsMatch(compact)
            || Buttons().IsMatch(compact)
            || Rule().IsMatch(compact)
            || (compact.Length <= 12 && ShortFurniture().IsMatch(compact))
            || compact.Count(c => c == '|') * 3 >= compact.Length;
    }

    /// <summary>The value of a <c>label: value</c> line in the head of the text (<c>标题: …</c>); null when absent.</summary>
    public static string? LabelValue(string text, string label)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(label);
        foreach (var rawLine in Head(text).EnumerateLines())
        {
            var line = rawLine.Trim();
            if (line.StartsWith(label, StringComparison.Ordinal) && line.Length > label.Length && line[label.Length] is ':' or '：')
            {
                return line[(label.Length + 1)..].Trim().ToString();
            }
        }

        return null;
    }

    /// <summary>The publication date a label states (<c>发布时间: 2020-01-17 08:18</c>, <c>发布日期：2023年1月30日</c>).</summary>
    public static DateOnly? PublishedAt(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var match = PublicationDate().Match(Head(text).ToString());
        if (!match.Success)
        {
            return null;
        }

        var year = int.Parse(match.Groups["y"].ValueSpan, CultureInfo.InvariantCulture);
        var month = int.Parse(match.Groups["m"].ValueSpan, CultureInfo.InvariantCulture);
        var day = int.Parse(match.Groups["d"].ValueSpan, CultureInfo.InvariantCulture);
        return month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month) ? new DateOnly(year, month, day) : null;
    }

    /// <summary>The address a label gives as the page's origin (<c>原文链接: https://…</c>); null when none.</summary>
    public static string? SourceUrl(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var match = SourceAddress().Match(Head(text).ToString());
        return match.Success ? match.Groups["url"].Value : null;
    }

    private static ReadOnlySpan<char> Head(string text) => text.AsSpan(0, Math.Min(text.Length, HeadCharacters));

    [GeneratedRegex(@"^(?:标题|题目|发布时间|发布日期|成文日期|生效日期|发文日期|时间|日期|原文链接|原文地址|原始链接|链接|网址|URL|来源|信息来源|文号|发文字号|发布机构|发文机关|栏目|本地目录|索引号|公开目录|公开责任部门|公开形式|有效期|文件名称|主题分类|主办单位|承办单位|浏览|浏览次数|访问量|点击|点击次数|字号|作者|编辑|分享到|页面链接与图片详见)\S{0,4}?[:：]", RegexOptions.IgnoreCase)]
    private static partial Regex Label();

    [GeneratedRegex(@"^(?:当前位置|您当前所在位置|您的位置|您现在的位置|所在位置|当前所在位置)|^首页[>＞»/]|[>＞»]首页|首页\s*[>＞»]")]
    private static partial Regex Breadcrumb();

    [GeneratedRegex(@"【?字[体号](?:大小)?[:：]?[大中小]|[【\[](?:打印|关闭|关闭窗口|打印本页|收藏|分享)[】\]]|^(?:打印|关闭|打印本页|关闭窗口|收藏|分享|分享到|微信|微博|QQ空间)+$|^【文字大小|^无障碍|长者(?:版|模式)|关怀版|简体\|繁体|^欢迎访问")]
    private static partial Regex Buttons();

    [GeneratedRegex(@"^[=＝\-—_*·]{3,}|正文[=＝]{3,}")]
    private static partial Regex Rule();

    [GeneratedRegex(@"^(?:图片|视频|打印|关闭|分享|扫一扫|返回顶部|返回|上一篇|下一篇|字号|大|中|小|\?|？)$")]
    private static partial Regex ShortFurniture();

    [GeneratedRegex(@"(?:发布时间|发布日期|发文日期|时间)\s*[:：]\s*(?<y>(?:19|20)\d{2})\s*[-/.年]\s*(?<m>\d{1,2})\s*[-/.月]\s*(?<d>\d{1,2})")]
    private static partial Regex PublicationDate();

    [GeneratedRegex(@"(?:原文链接|原文地址|原始链接|来源链接|链接|网址|URL)\s*[:：]\s*(?<url>https?://[^\s<>""'，。]+)", RegexOptions.IgnoreCase)]
    private static partial Regex SourceAddress();
}
