using ReportArchive.Analysis.Normalization;

namespace ReportArchive.Search.Ranking;

/// <summary>
/// The fixed wording of the national template (part headings, table labels), so ranking can tell a report that
/// discusses a term in its own words from one where the term only appears in the template (every report has
/// 行政诉讼 in the heading of part 四 and in table C). Long phrases count wherever they occur; a short label counts
/// only in a table, that is when another label sits right before or after it (numbers and separators between).
/// </summary>
public sealed class TemplateBoilerplate
{
    private const int ShortLabel = 6;

    private static readonly string[] TemplateWording =
    [
        "政府信息公开工作年度报告", "总体情况", "主动公开政府信息情况", "收到和处理政府信息公开申请情况",
        "政府信息公开行政复议、行政诉讼情况", "存在的主要问题及改进情况", "其他需要报告的事项",
        "第二十条第(一)项", "第二十条第(五)项", "第二十条第(六)项", "第二十条第(八)项", "第二十条第(九)项",
        "信息内容", "本年制发件数", "本年废止件数", "现行有效件数", "规章", "行政规范性文件", "规范性文件", "行政许可",
        "本年处理决定数量", "处理决定数量", "行政处罚", "行政强制", "行政事业性收费", "本年收费金额", "单位:万元",
        "本年新制作数量", "本年新公开数量", "对外公开总数量", "上一年项目数量", "本年增/减", "其他对外管理服务事项",
        "政府集中采购", "采购项目数量", "采购总金额",
        "本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和", "申请人情况", "自然人", "法人或其他组织",
        "商业企业", "科研机构", "社会公益组织", "社会组织", "法律服务机构", "其他", "总计",
        "本年新收政府信息公开申请数量", "上年结转政府信息公开申请数量", "本年度办理结果", "予以公开", "部分公开",
        "区分处理的,只计这一情形,不计其他情形", "不予公开", "属于国家秘密", "其他法律行政法规禁止公开",
        "危及“三安全一稳定”", "保护第三方合法权益", "属于三类内部事务信息", "属于四类过程性信息", "属于行政执法案卷",
        "属于行政查询事项", "无法提供", "本机关不掌握相关政府信息", "没有现成信息需要另行制作", "补正后申请内容仍不明确",
        "不予处理", "信访举报投诉类申请", "重复申请", "要求提供公开出版物", "无正当理由大量反复申请",
        "要求行政机关确认或重新出具已获取信息", "其他处理", "申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        "申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "结转下年度继续办理",
        "行政复议", "行政诉讼", "结果维持", "结果纠正", "其他结果", "尚未审结", "未经复议直接起诉", "复议后起诉",
    ];

    private readonly string[] _phrases = TemplateWording.Select(TextNormalizer.NormalizeToString).Distinct(StringComparer.Ordinal).ToArray();

    public static TemplateBoilerplate Default { get; } = new();

    /// <summary>The template's wording in normalised form.</summary>
    public IReadOnlyList<string> Wording => _phrases;

    /// <summary>True when the occurrence <c>[start, end)</c> of normalised text lies inside the template's wording.</summary>
    public bool Covers(string normalizedText, int start, int end)
    {
        ArgumentNullException.ThrowIfNull(normalizedText);
        var term = normalizedText.AsSpan(start, end - start);
        foreach (var phrase in _phrases)
        {
            var offset = phrase.AsSpan().IndexOf(term, StringComparison.Ordinal);
            while (offset >= 0)
            {
                var phraseStart = start - offset;
                if (phraseStart >= 0 && normalizedText.AsSpan(phraseStart).StartsWith(phrase, StringComparison.Ordinal)
                    && (phrase.Length >= ShortLabel || InTable(normalizedText, phraseStart, phraseStart + phrase.Length)))
                {
                    return true;
                }

                var next = phrase.AsSpan(offset + 1).IndexOf(term, StringComparison.Ordinal);
                offset = next < 0 ? -1 : offset + 1 + next;
            }
        }

        return false;
    }

    private bool InTable(string text, int start, int end)
    {
        var before = start;
        while (before > 0 && IsCellSeparator(text[before - 1]))
        {
            before--;
        }

        var after = end;
        while (after < text.Length && IsCellSeparator(text[after]))
        {
            after++;
        }

        return Array.Exists(_phrases, p =>
            text.AsSpan(0, before).EndsWith(p, StringComparison.Ordinal) || text.AsSpan(after).StartsWith(p, StringComparison.Ordinal));
    }

    private static bool IsCellSeparator(char c) => char.IsAsciiDigit(c) || c is ' ' or '|' or '.' or '、' or '(' or ')';
}
