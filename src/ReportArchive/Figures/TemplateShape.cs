namespace ReportArchive.Figures;

/// <summary>The rows and columns of tables A, B and C in one national template (2019–2020 or 2021).</summary>
internal sealed class TemplateShape
{
    public const string Template2019 = "2019";
    public const string Template2021 = "2021";

    private TemplateShape(string template, IReadOnlyList<TableRow> proactiveRows, IReadOnlyList<TableRow> requestRows)
    {
        Template = template;
        ProactiveRows = proactiveRows;
        RequestRows = requestRows;
        Keys = BuildKeys();
    }

    public string Template { get; }

    /// <summary>Table A rows in template order.</summary>
    public IReadOnlyList<TableRow> ProactiveRows { get; }

    /// <summary>Table B rows in template order; every row has the seven <see cref="RequestColumns"/>.</summary>
    public IReadOnlyList<TableRow> RequestRows { get; }

    /// <summary>Every cell of the template in order: table A, B, C.</summary>
    public IReadOnlyList<FigureKey> Keys { get; }

    public static IReadOnlyList<TableColumn> RequestColumns { get; } =
    [
        new("naturalPerson", "自然人"),
        new("commercial", "商业企业"),
        new("research", "科研机构"),
        new("nonprofit", "社会公益组织"),
        new("legalService", "法律服务机构"),
        new("other", "其他"),
        new("total", "总计"),
    ];

    /// <summary>Table C groups: key prefix and Chinese label.</summary>
    public static IReadOnlyList<TableColumn> ReviewGroups { get; } =
    [
        new("review", "行政复议"),
        new("litigationDirect", "行政诉讼 未经复议直接起诉"),
        new("litigationAfterReview", "行政诉讼 复议后起诉"),
    ];

    /// <summary>Table C columns of each group; the last is the group total.</summary>
    public static IReadOnlyList<TableColumn> ReviewColumns { get; } =
    [
        new("upheld", "结果维持"),
        new("corrected", "结果纠正"),
        new("other", "其他结果"),
        new("pending", "尚未审结"),
        new("total", "总计"),
    ];

    public static TemplateShape Shape2019 { get; } = new(Template2019, Proactive2019(), Requests(false));

    public static TemplateShape Shape2021 { get; } = new(Template2021, Proactive2021(), Requests(true));

    public static TemplateShape For(string template)
        => string.Equals(template, Template2019, StringComparison.Ordinal) ? Shape2019 : Shape2021;

    /// <summary>Index of the first handling row (（一）予以公开) in <see cref="RequestRows"/>.</summary>
    public int FirstHandlingRow => 2;

    /// <summary>Index of （七）总计 in <see cref="RequestRows"/>.</summary>
    public int ProcessedRow => RequestRows.Count - 2;

    private static List<TableRow> Proactive2021()
    {
        TableColumn[] documents = [new("issued", "本年制发件数"), new("abolished", "本年废止件数"), new("inForce", "现行有效件数")];
        TableColumn[] decisions = [new("decisions", "本年处理决定数量")];
        return
        [
            TableRow.Create("proactive.rules", "规章", documents, 0, "规章"),
            TableRow.Create("proactive.normativeDocuments", "行政规范性文件", documents, 0, "规范性文件"),
            TableRow.Create("proactive.administrativeLicensing", "行政许可", decisions, 0, "行政许可"),
            TableRow.Create("proactive.administrativePenalty", "行政处罚", decisions, 0, "行政处罚"),
            TableRow.Create("proactive.administrativeCoercion", "行政强制", decisions, 0, "行政强制"),
            TableRow.Create("proactive.administrativeFees", "行政事业性收费", [new("amount", "本年收费金额（万元）")], 0, "事业性收费"),
        ];
    }

    private static List<TableRow> Proactive2019()
    {
        TableColumn[] documents = [new("issued", "本年新制作数量"), new("published", "本年新公开数量"), new("totalPublished", "对外公开总数量")];
        TableColumn[] items = [new("previousYear", "上一年项目数量"), new("change", "本年增/减"), new("decisions", "处理决定数量")];
        return
        [
            TableRow.Create("proactive.rules", "规章", documents, 0, "规章"),
            TableRow.Create("proactive.normativeDocuments", "规范性文件", documents, 0, "规范性文件"),
            TableRow.Create("proactive.administrativeLicensing", "行政许可", items, 0, "行政许可"),
            TableRow.Create("proactive.otherExternalServices", "其他对外管理服务事项", items, 0, "对外管理"),
            TableRow.Create("proactive.administrativePenalty", "行政处罚", items, 0, "行政处罚"),
            TableRow.Create("proactive.administrativeCoercion", "行政强制", items, 0, "行政强制"),
            TableRow.Create("proactive.administrativeFees", "行政事业性收费", [new("previousYear", "上一年项目数量"), new("change", "本年增/减")], 0, "事业性收费"),
            TableRow.Create("proactive.centralizedProcurement", "政府集中采购", [new("projects", "采购项目数量"), new("amount", "采购总金额")], 0, "集中采购"),
        ];
    }

    private static List<TableRow> Requests(bool template2021)
    {
        var c = RequestColumns;
        var rows = new List<TableRow>
        {
            TableRow.Create("requests.new", "一、本年新收政府信息公开申请数量", c, 0, "本年新收"),
            TableRow.Create("requests.carriedOver", "二、上年结转政府信息公开申请数量", c, 0, "上年结转"),
            TableRow.Create("requests.granted", "（一）予以公开", c, 0, "予以公开"),
            TableRow.Create("requests.partiallyGranted", "（二）部分公开", c, 0, "部分公开"),
            TableRow.Create("requests.withheld.stateSecret", "（三）1 属于国家秘密", c, 1, "国家秘密"),
            TableRow.Create("requests.withheld.prohibitedByLaw", "（三）2 其他法律行政法规禁止公开", c, 2, "其他法律", "禁止公开"),
            TableRow.Create("requests.withheld.safetyStability", "（三）3 危及“三安全一稳定”", c, 3, "危及", "三安全一稳定"),
            TableRow.Create("requests.withheld.thirdPartyRights", "（三）4 保护第三方合法权益", c, 4, "保护第三", "第三方"),
            TableRow.Create("requests.withheld.internalAffairs", "（三）5 属于三类内部事务信息", c, 5, "三类内部", "内部事务"),
            TableRow.Create("requests.withheld.processInformation", "（三）6 属于四类过程性信息", c, 6, "四类过程", "过程性"),
            TableRow.Create("requests.withheld.enforcementFiles", "（三）7 属于行政执法案卷", c, 7, "行政执", "执法案卷"),
            TableRow.Create("requests.withheld.inquiryMatters", "（三）8 属于行政查询事项", c, 8, "行政查", "查询事项"),
            TableRow.Create("requests.unable.notHeld", "（四）1 本机关不掌握相关政府信息", c, 1, "不掌握"),
            TableRow.Create("requests.unable.needsCreation", "（四）2 没有现成信息需要另行制作", c, 2, "没有现成", "另行制作"),
            TableRow.Create("requests.unable.unclearAfterCorrection", "（四）3 补正后申请内容仍不明确", c, 3, "补正后", "仍不明确"),
            TableRow.Create("requests.notProcessed.complaint", "（五）1 信访举报投诉类申请", c, 1, "信访", "举报投诉"),
            TableRow.Create("requests.notProcessed.repeated", "（五）2 重复申请", c, 2, "重复申请"),
            TableRow.Create("requests.notProcessed.publication", "（五）3 要求提供公开出版物", c, 3, "要求提供", "出版物"),
            TableRow.Create("requests.notProcessed.excessive", "（五）4 无正当理由大量反复申请", c, 4, "无正当理由大", "大量反复"),
            TableRow.Create("requests.notProcessed.confirmation", "（五）5 要求行政机关确认或重新出具已获取信息", c, 5, "确认或", "重新出具"),
        };
        if (template2021)
        {
            rows.Add(TableRow.Create("requests.otherHandling.noCorrection", "（六）1 申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", c, 1, "逾期不补正"));
            rows.Add(TableRow.Create("requests.otherHandling.unpaidFees", "（六）2 申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", c, 2, "收费通知", "缴纳费用"));
            rows.Add(TableRow.CreateWithPattern("requests.otherHandling.other", "（六）3 其他", c, 3,
                @"(?<![\p{IsCJKUnifiedIdeographs}])其\s*他(?!\s*(?:处|结|情|法|对|组))"));
        }
        else
        {
            rows.Add(TableRow.Create("requests.otherHandling", "（六）其他处理", c, 0, "其他处理"));
        }

        rows.Add(TableRow.Create("requests.processed", "（七）总计", c, 0, "总计"));
        rows.Add(TableRow.Create("requests.carriedForward", "四、结转下年度继续办理", c, 0, "结转下年", "继续办理"));
        return rows;
    }

    private List<FigureKey> BuildKeys()
    {
        var keys = new List<FigureKey>();
        foreach (var row in ProactiveRows)
        {
            foreach (var column in row.Columns)
            {
                keys.Add(new FigureKey(row.KeyPrefix + "." + column.Key, Template, "A", row.ChineseLabel + " × " + column.ChineseLabel));
            }
        }

        foreach (var row in RequestRows)
        {
            foreach (var column in row.Columns)
            {
                keys.Add(new FigureKey(row.KeyPrefix + "." + column.Key, Template, "B", row.ChineseLabel + " × " + column.ChineseLabel));
            }
        }

        foreach (var group in ReviewGroups)
        {
            foreach (var column in ReviewColumns)
            {
                keys.Add(new FigureKey(group.Key + "." + column.Key, Template, "C", group.ChineseLabel + " × " + column.ChineseLabel));
            }
        }

        return keys;
    }
}
