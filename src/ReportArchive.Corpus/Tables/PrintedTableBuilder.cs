using System.Globalization;
using ReportArchive.Figures;

namespace ReportArchive.Corpus.Tables;

/// <summary>Lays out tables A, B and C of a template as rows of printed cells, with the labels real reports use.</summary>
internal static class PrintedTableBuilder
{
    private static readonly Dictionary<string, (string Numeral, string Heading, string[] Columns2021, string[] Columns2019)> ProactiveSections = new()
    {
        ["rules"] = ("一", "", ["本年制发件数", "本年废止件数", "现行有效件数"], ["本年新制作数量", "本年新公开数量", "对外公开总数量"]),
        ["administrativeLicensing"] = ("五", "", ["本年处理决定数量"], ["上一年项目数量", "本年增/减", "处理决定数量"]),
        ["administrativePenalty"] = ("六", "", ["本年处理决定数量"], ["上一年项目数量", "本年增/减", "处理决定数量"]),
        ["administrativeFees"] = ("八", "", ["本年收费金额（单位：万元）"], ["上一年项目数量", "本年增/减"]),
        ["centralizedProcurement"] = ("九", "", [], ["采购项目数量", "采购总金额"]),
    };

    private static readonly Dictionary<string, string> ProactiveLabels = new()
    {
        ["rules"] = "规章",
        ["normativeDocuments"] = "行政规范性文件",
        ["administrativeLicensing"] = "行政许可",
        ["otherExternalServices"] = "其他对外管理服务事项",
        ["administrativePenalty"] = "行政处罚",
        ["administrativeCoercion"] = "行政强制",
        ["administrativeFees"] = "行政事业性收费",
        ["centralizedProcurement"] = "政府集中采购",
    };

    private static readonly Dictionary<string, (string Group, int Index, string Label, string Short)> RequestLabels = new()
    {
        ["granted"] = ("", 0, "予以公开", "予以公开"),
        ["partiallyGranted"] = ("", 0, "部分公开（区分处理的，只计这一情形，不计其他情形）", "部分公开（区分处理的，只计这一情形，不计其他情形）"),
        ["withheld.stateSecret"] = ("不予公开", 1, "属于国家秘密", "属于国家秘密"),
        ["withheld.prohibitedByLaw"] = ("", 2, "其他法律行政法规禁止公开", "其他法律法规禁止公开"),
        ["withheld.safetyStability"] = ("", 3, "危及“三安全一稳定”", "危及“三安全一稳定”"),
        ["withheld.thirdPartyRights"] = ("", 4, "保护第三方合法权益", "保护第三方合法权益"),
        ["withheld.internalAffairs"] = ("", 5, "属于三类内部事务信息", "属于三类内部事务信息"),
        ["withheld.processInformation"] = ("", 6, "属于四类过程性信息", "属于四类过程性信息"),
        ["withheld.enforcementFiles"] = ("", 7, "属于行政执法案卷", "属于行政执法案卷"),
        ["withheld.inquiryMatters"] = ("", 8, "属于行政查询事项", "属于行政查询事项"),
        ["unable.notHeld"] = ("无法提供", 1, "本机关不掌握相关政府信息", "本机关不掌握相关政府信息"),
        ["unable.needsCreation"] = ("", 2, "没有现成信息需要另行制作", "没有现成信息需要另行制作"),
        ["unable.unclearAfterCorrection"] = ("", 3, "补正后申请内容仍不明确", "补正后申请内容仍不明确"),
        ["notProcessed.complaint"] = ("不予处理", 1, "信访举报投诉类申请", "信访举报投诉类申请"),
        ["notProcessed.repeated"] = ("", 2, "重复申请", "重复申请"),
        ["notProcessed.publication"] = ("", 3, "要求提供公开出版物", "要求提供公开出版物"),
        ["notProcessed.excessive"] = ("", 4, "无正当理由大量反复申请", "无正当理由大量反复申请"),
        ["notProcessed.confirmation"] = ("", 5, "要求行政机关确认或重新出具已获取信息", "要求行政机关确认或重新出具"),
        ["otherHandling.noCorrection"] = ("其他处理", 1, "申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", "申请人无正当理由逾期不补正、 行政机关不再处理其政府信息公开申请"),
        ["otherHandling.unpaidFees"] = ("", 2, "申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "申请人逾期未按收费通知要求 缴纳费用、行政机关不再处理其 政府信息公开申请"),
        ["otherHandling.other"] = ("", 3, "其他", "其他"),
    };

    private static readonly string[] GroupNumerals = ["一", "二", "三", "四", "五", "六", "七"];

    public static List<PrintedRow> Proactive(TemplateRows rows, IReadOnlyDictionary<string, decimal> values, LabelStyle style)
    {
        var printed = new List<PrintedRow>();
        var is2019 = rows.Template == FigureKeys.Template2019;
        foreach (var row in rows.Proactive)
        {
            var item = row.Prefix["proactive.".Length..];
            if (ProactiveSections.TryGetValue(item, out var section))
            {
                printed.Add(new PrintedRow([$"第二十条第{style.Bracket(section.Numeral).Trim()}项"], 1, true));
                printed.Add(new PrintedRow(["信息内容", .. is2019 ? section.Columns2019 : section.Columns2021], 1, true));
            }

            var label = is2019 && item == "normativeDocuments" ? "规范性文件" : ProactiveLabels[item];
            printed.Add(new PrintedRow([label, .. row.Keys.Select(k => Format(values[k]))], 1, false, row.Prefix));
        }

        return printed;
    }

    public static List<PrintedRow> Requests(TemplateRows rows, IReadOnlyDictionary<string, decimal> values, LabelStyle style)
    {
        var nonprofit = style.ShortNonprofit ? "社会组织" : "社会公益组织";
        var legalService = style.SplitLegalService ? "法律服务\n机构" : "法律服务机构";
        var printed = new List<PrintedRow>
        {
            new(["(本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和)", "", "申请人情况", "", "", "", "", "", "总计"], 9, true),
            new(["", "", "自然人", "法人或其他组织", "", "", "", "", ""], 9, true) { Spreadable = true },
            new(["", "", "", "商业企业", "科研机构", nonprofit, legalService, "其他", ""], 9, true) { Spreadable = true },
        };

        var group = 0;
        for (var r = 0; r < rows.Requests.Count; r++)
        {
            var row = rows.Requests[r];
            var item = row.Prefix["requests.".Length..];
            var cells = new List<string>();
            switch (item)
            {
                case "new":
                    cells.AddRange([style.Part("一", "本年新收政府信息公开申请数量"), ""]);
                    break;
                case "carriedOver":
                    cells.AddRange([style.Part("二", "上年结转政府信息公开申请数量"), ""]);
                    break;
                case "carriedForward":
                    cells.AddRange([style.Part("四", "结转下年度继续办理"), ""]);
                    break;
                case "processed":
                    cells.AddRange(["", style.Bracket("七").TrimEnd() + "总计"]);
                    break;
                case "otherHandling":
                    cells.AddRange(["", style.Bracket("六").TrimEnd() + "其他处理"]);
                    break;
                default:
                    var (groupLabel, index, label, shortLabel) = RequestLabels[item];
                    var text = style.ShortLabels ? shortLabel : label;
                    if (index == 0)
                    {
                        group++;
                        var first = item == "granted" ? style.Part("三", "本年度办理结果") : "";
                        cells.AddRange([first, style.Bracket(GroupNumerals[group - 1]).TrimEnd() + text]);
                    }
                    else
                    {
                        if (groupLabel.Length > 0)
                        {
                            group++;
                        }

                        var groupCell = groupLabel.Length > 0 ? style.Bracket(GroupNumerals[group - 1]).TrimEnd() + groupLabel : "";
                        cells.AddRange(["", groupCell, style.Numbered(index, text)]);
                    }

                    break;
            }

            var labelCells = cells.Count;
            cells.AddRange(row.Keys.Select(k => Format(values[k])));
            printed.Add(new PrintedRow(cells, labelCells, false, row.Prefix));
        }

        return printed;
    }

    public static List<PrintedRow> Review(TemplateRows rows, IReadOnlyDictionary<string, decimal> values, LabelStyle style)
    {
        string[] results = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"];
        var review = style.LawReview ? "行政法复议" : "行政复议";
        return
        [
            new([review, "", "", "", "", "行政诉讼", "", "", "", "", "", "", "", "", ""], 15, true) { Spreadable = true },
            new([.. results, "未经复议直接起诉", "", "", "", "", "复议后起诉", "", "", "", ""], 15, true) { Spreadable = true },
            new(["", "", "", "", "", .. results, .. results], 15, true) { Spreadable = true },
            new([.. rows.Review.SelectMany(g => g.Keys).Select(k => Format(values[k]))], 0, false, "review"),
        ];
    }

    public static string Format(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
