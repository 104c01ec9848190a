using System.Text.RegularExpressions;

namespace ReportArchive.Ingestion;

/// <summary>
/// Reads the title line of a report and, from it, the agency and the year covered. Titles follow a few shapes:
/// <c>河东区工信局 2021 年政府信息公开工作 年度报告</c>, <c>萝北县工业信息科技局 关于 2020 年度政府信息公开工作的报告</c>,
/// <c>2021年郑州市工业和信息化局政府信息公开工作年度报告</c>, with markdown marks or spaces from extraction, after
/// page furniture (<see cref="PageFurniture"/>: crawler labels, breadcrumbs, share and font buttons), over two
/// lines (<c>邵阳市人民政府办公室</c> / <c>2020年政府信息公开工作年度报告</c>), or only in the prose
/// (<c>现公布朝阳市自然资源局2025年度政府信息公开工作报告</c>).
/// </summary>
public static partial class TitleExtractor
{
    /// <summary>Lines looked at for a title; a title lies above the report's first paragraph.</summary>
    private const int HeadLines = 40;

    /// <summary>A title line is short; a longer line is prose.</summary>
    private const int LongestTitle = 90;

    public static string? FindTitle(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (PageFurniture.LabelValue(text, "标题") is { Length: > 0 } labelled)
        {
            return Clip(labelled);
        }

        var lines = HeadOf(text);
        string? firstLine = null;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            firstLine ??= line;
            if (LooksLikeTitle(line))
            {
                return Clip(line);
            }

            // 邵阳市人民政府办公室 / 2020年政府信息公开工作年度报告: a title broken over two lines.
            // The second line alone is no title of its own when it names no agency (2020年政府信息公开…, 信息公开工作年度报告).
            if (i + 1 < lines.Count && Compact(line).Length <= 40 && !Compact(line).Contains('。', StringComparison.Ordinal)
                && LooksLikeTitle(line + lines[i + 1]) && !(LooksLikeTitle(lines[i + 1]) && FindAgency(lines[i + 1]) is not null))
            {
                return Clip(Compact(line + lines[i + 1]));
            }

            if (Compact(line).Length > LongestTitle)
            {
                break;
            }
        }

        if (TitleInProse(text) is { } inProse)
        {
            return inProse;
        }

        // The first line of a page without a recognisable title, unless it is already the report's first heading.
        return firstLine is not null && Compact(firstLine).Length <= 60 && !SectionHeading().IsMatch(firstLine) ? Clip(firstLine) : null;
    }

    /// <summary>The agency named by a title: the title without its year, "关于" and the report words.</summary>
    public static string? FindAgency(string title)
    {
        ArgumentNullException.ThrowIfNull(title);
        var compact = Parenthetical().Replace(Compact(title), "");

        // 苏州市人民政府办公室关于苏州市2022年政府信息公开工作年度报告: the author is the body before 关于.
        var about = compact.IndexOf("关于", StringComparison.Ordinal);
        if (about > 0 && IsAgencyName(compact[..about]))
        {
            return compact[..about];
        }

        compact = compact.Replace("关于", "", StringComparison.Ordinal);

        // 政府信息公开工作年度报告（2023年）——沭阳县教育局: a title naming its author after a dash.
        if (TitleDash().Match(compact) is { Success: true } dash)
        {
            var before = compact[..dash.Index];
            var after = compact[(dash.Index + dash.Length)..];
            if (ReportWords().IsMatch(before) && !ReportWords().IsMatch(after) && AgencyBefore(before) is null)
            {
                return AgencyBefore(after);
            }
        }

        return AgencyBefore(compact);
    }

    /// <summary>The agency a compacted title names around its year and before its report words.</summary>
    private static string? AgencyBefore(string compact)
    {
        var year = YearWords().Match(compact);
        if (year.Success && year.Index > 1)
        {
            // 河东区工信局2021年…: the agency precedes the year.
            compact = compact[..year.Index];
        }
        else if (year.Success)
        {
            // 2022年上海市政府信息公开…: the agency follows it.
            compact = compact[(year.Index + year.Length)..];
        }

        var cut = ReportWords().Match(compact);
        if (cut.Success)
        {
            // 千金乡人民政府信息公开年度报告: 政府 belongs to the agency when 人民 precedes it.
            var end = cut.Index;
            if (compact.AsSpan(0, end).EndsWith("人民", StringComparison.Ordinal) && compact.AsSpan(end).StartsWith("政府信息公开", StringComparison.Ordinal))
            {
                end += 2;
            }

            compact = compact[..end];
        }

        compact = compact.Trim(' ', '《', '》', '“', '”', '"', '（', '）', '(', ')', '【', '】', '：', ':', '的', '，', ',', '—', '－', '-');
        return compact.Length is >= 2 and <= 60 ? compact : null;
    }

    /// <summary>
    /// The agency the prose names as the report's author where no title does: <c>由上海市长宁区周家桥街道办事处编制</c>,
    /// <c>结合国家税务总局芜湖市镜湖区税务局(以下简称…)政府信息公开工作</c>, <c>请联系:杭州市滨江区人民政府长河街道办事处</c>.
    /// Null when the prose only says 我委 or 本单位.
    /// </summary>
    public static string? FindAgencyInProse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var head = Parenthetical().Replace(Compact(text.Length > 3000 ? text[..3000] : text), "");
        foreach (var pattern in new[] { CompiledBy(), CombinedWith(), DoingWell(), ContactAgency() })
        {
            if (FirstAgency(pattern, head) is { } agency)
            {
                return agency;
            }
        }

        // 如对本报告有疑问,请联系重庆市江北区教育委员会办公室: the contact may close the report.
        return text.Length > 3000 ? FirstAgency(ContactAgency(), Parenthetical().Replace(Compact(text[3000..]), "")) : null;
    }

    private static string? FirstAgency(Regex pattern, string text)
    {
        foreach (Match match in pattern.Matches(text))
        {
            var agency = match.Groups["agency"].Value.Trim('《', '》', '“', '”', '：', ':', '，', ',');
            // 教育委员会办公室, 卫生健康局综合科: the body's own office answers for the body.
            agency = InternalOffice().Replace(agency, "$1");
            if (IsAgencyName(agency))
            {
                return agency;
            }
        }

        return null;
    }

    /// <summary>
    /// The agency of a report whose title names none, from where the page names its author: the crawler's
    /// <c>发布机构:</c> label, a line of its own under the title (<c>2022年政府信息公开工作年度报告</c> /
    /// <c>东营市河口区人民政府</c>, <c>单位：桐乡市发展和改革局</c>), or the signature (落款) closing the report — an agency
    /// line above its date. Null when none of them is an agency name.
    /// </summary>
    public static string? FindAgencyBesideTitle(string text, string? title)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var label in (string[])["发布机构", "发布单位", "编制单位", "单位"])
        {
            if (PageFurniture.LabelValue(text, label) is { } value && Compact(value) is var named && IsAgencyName(named))
            {
                return named;
            }
        }

        var lines = new List<string>();
        foreach (var rawLine in text.AsSpan().EnumerateLines())
        {
            var line = Compact(MarkdownMarks().Replace(rawLine.ToString(), "").Trim());
            if (line.Length > 0)
            {
                lines.Add(line);
            }
        }

        if (title is not null && Compact(title) is { Length: > 0 } compactTitle)
        {
            var at = lines.FindIndex(0, Math.Min(lines.Count, HeadLines * 3), l => compactTitle.EndsWith(l, StringComparison.Ordinal) || l.EndsWith(compactTitle, StringComparison.Ordinal));
            for (var i = at + 1; at >= 0 && i < Math.Min(lines.Count, at + 4); i++)
            {
                if (AuthorLine(lines[i]) is { } author)
                {
                    return author;
                }
            }
        }

        // 落款: 东营市河口区人民政府 / 2023年1月20日 among the last lines.
        for (var i = lines.Count - 1; i > 0 && i >= lines.Count - 12; i--)
        {
            if (SignatureDate().IsMatch(lines[i]) && AuthorLine(lines[i - 1]) is { } signed)
            {
                return signed;
            }
        }

        return null;
    }

    /// <summary>A line that is only an agency's name, after an optional <c>单位：</c>-style label.</summary>
    private static string? AuthorLine(string line)
    {
        var name = AuthorLabel().Replace(line, "");
        return name.Length <= 40 && IsAgencyName(name) ? name : null;
    }

    /// <summary>The year a report covers: the title's year, else the year of its statistics period.</summary>
    public static int? FindYear(string? title, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (title is not null && YearInTitle().Match(Compact(title)) is { Success: true } inTitle)
        {
            return int.Parse(inTitle.Groups[1].ValueSpan);
        }

        var head = text.Length > 3000 ? text[..3000] : text;
        var compactHead = Compact(head);
        var period = StatisticsPeriod().Match(compactHead);
        if (period.Success)
        {
            return int.Parse(period.Groups[1].ValueSpan);
        }

        // 现将我委2024年政府信息公开工作情况汇报如下: the year the prose gives the disclosure work, when only one.
        var years = YearOfTheWork().Matches(compactHead).Select(m => int.Parse(m.Groups[1].ValueSpan)).Distinct().ToList();
        return years.Count == 1 ? years[0] : null;
    }

    /// <summary>The title the prose announces: 现公布朝阳市自然资源局2025年度政府信息公开工作报告.</summary>
    private static string? TitleInProse(string text)
    {
        var head = Parenthetical().Replace(Compact(text.Length > 3000 ? text[..3000] : text), "");
        foreach (Match match in AnnouncedTitle().Matches(head))
        {
            var title = match.Groups["title"].Value;
            var agency = FindAgency(title);
            if (agency is null || IsAgencyName(agency))
            {
                return title;
            }
        }

        return null;
    }

    /// <summary>The non-empty lines of the head that are not page furniture, without markdown marks.</summary>
    private static List<string> HeadOf(string text)
    {
        var lines = new List<string>();
        var seen = 0;
        foreach (var rawLine in text.AsSpan().EnumerateLines())
        {
            if (++seen > HeadLines * 3 || lines.Count == HeadLines)
            {
                break;
            }

            var line = MarkdownMarks().Replace(rawLine.ToString(), "").Trim();
            if (line.Length > 0 && !PageFurniture.IsFurniture(line))
            {
                lines.Add(line);
            }
        }

        return lines;
    }

    private static bool LooksLikeTitle(string line)
    {
        var compact = Compact(line);
        return compact.Length <= LongestTitle
            && TitleEnding().IsMatch(compact)
            && !compact.Contains('。', StringComparison.Ordinal)
            && !ProseOpening().IsMatch(compact);
    }

    private static bool IsAgencyName(string agency) =>
        agency.Length is >= 3 and <= 40
        && !agency.Any(char.IsAsciiDigit)
        && !NotAnAgency().IsMatch(agency)
        && AgencyEnding().IsMatch(agency);

    private static string Clip(string line) => line.Length > 200 ? line[..200] : line;

    private static string Compact(string text) => SpacesNearHan().Replace(text, "");

    [GeneratedRegex(@"^[#*\s>]+|[*#]+$|\*\*")]
    private static partial Regex MarkdownMarks();

    [GeneratedRegex(@"\s+(?=[\u3400-\u9fff])|(?<=[\u3400-\u9fff])\s+")]
    private static partial Regex SpacesNearHan();

    [GeneratedRegex(@"[（(][^（()）]{0,30}[)）]")]
    private static partial Regex Parenthetical();

    [GeneratedRegex(@"(?:19|20)\d{2}\s*年度?")]
    private static partial Regex YearWords();

    [GeneratedRegex(@"\s*(?:——|—|－－|--|－)\s*")]
    private static partial Regex TitleDash();

    [GeneratedRegex(@"((?:19|20)\d{2})年")]
    private static partial Regex YearInTitle();

    [GeneratedRegex(@"政府信息公开|政务公开|信息公开工作|信息公开年|工作年度报告|年度报告|工作报告")]
    private static partial Regex ReportWords();

    [GeneratedRegex(@"(?:报告|年报|报告[》」”]?)[》」”\s]*$")]
    private static partial Regex TitleEnding();

    [GeneratedRegex(@"^\s*(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]|\d+[、.．])")]
    private static partial Regex SectionHeading();

    [GeneratedRegex(@"^(?:根据|依据|按照|本报告|本年度报告|为|现将|现根据|遵照|对照)")]
    private static partial Regex ProseOpening();

    [GeneratedRegex(@"(?:公布|发布|编制|印发)了?[《“]?(?<title>[^，。,；;：:《》“”、]{0,40}?(?:19|20)\d{2}年度?[^，。,；;《》“”、]{0,40}?(?:政府信息公开|信息公开|政务公开)[^，。,；;《》“”]{0,12}?(?:年度报告|工作报告|年报))")]
    private static partial Regex AnnouncedTitle();

    [GeneratedRegex(@"由(?<agency>[^，。,；;、：:《》]{3,40}?)(?:负责|组织)?编制")]
    private static partial Regex CompiledBy();

    [GeneratedRegex(@"结合(?<agency>[^，。,；;、：:《》]{3,40}?)的?(?:政府信息公开|信息公开|政务公开)")]
    private static partial Regex CombinedWith();

    [GeneratedRegex(@"做好(?<agency>[^，。,；;、：:《》]{3,40}?)的?(?:政府信息公开|信息公开|政务公开)")]
    private static partial Regex DoingWell();

    [GeneratedRegex(@"请(?:与|联系)[:：]?(?<agency>[^，。,；;、：:《》]{3,40}?)(?:联系|[;；，,。])")]
    private static partial Regex ContactAgency();

    [GeneratedRegex(@"(局|委员会|委|厅|署)(?:政务公开办公室|办公室|综合科|办公科|政务公开科|党政办公室)$")]
    private static partial Regex InternalOffice();

    [GeneratedRegex(@"^(?:我|本|各|该)|科室|单位$|部门$")]
    private static partial Regex NotAnAgency();

    [GeneratedRegex(@"(?:局|委|委员会|办|办公室|办公厅|厅|部|署|总局|政府|办事处|街道|中心|院|管委会|乡|镇|室)$")]
    private static partial Regex AgencyEnding();

    [GeneratedRegex(@"^(?:发布机构|发布单位|编制单位|报送单位|单位|机关)[:：]")]
    private static partial Regex AuthorLabel();

    [GeneratedRegex(@"^(?:(?:19|20)\d{2}年\d{1,2}月\d{1,2}日|(?:19|20)\d{2}[-./]\d{1,2}[-./]\d{1,2})$")]
    private static partial Regex SignatureDate();

    [GeneratedRegex(@"((?:19|20)\d{2})年度?(?:政府)?信息公开工作")]
    private static partial Regex YearOfTheWork();

    [GeneratedRegex(@"((?:19|20)\d{2})年1月1日")]
    private static partial Regex StatisticsPeriod();
}
