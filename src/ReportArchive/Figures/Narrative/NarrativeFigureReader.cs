using System.Globalization;
using System.Text.RegularExpressions;

namespace ReportArchive.Figures.Narrative;

/// <summary>
/// Reads the headline figures the prose states in so many words: 共收到政府信息公开申请44件 (new requests), 未收到政府信息
/// 公开申请 (0 new), 上年结转13件 (carried over), 办结39件 / 其中10件已完成答复 (processed), 结转下年度办理5件 (carried
/// forward), 予以公开N件, 部分公开N件, 行政复议62件 / 未发生因政府信息公开引起的行政复议 (review), 制发规范性文件N件, 作出行政
/// 处罚决定N件. Only what a sentence states is read, never a derived number: 151件(含上年结转13件) gives carried over 13
/// and no new count. Litigation is not read: the prose says 行政诉讼 without the template's split into 未经复议直接起诉 and
/// 复议后起诉. A key stated twice with different values is not read at all. Pure and thread-safe.
/// </summary>
public static partial class NarrativeFigureReader
{
    public const string NewRequests = "requests.new.total";
    public const string CarriedOver = "requests.carriedOver.total";
    public const string Granted = "requests.granted.total";
    public const string PartiallyGranted = "requests.partiallyGranted.total";
    public const string Processed = "requests.processed.total";
    public const string CarriedForward = "requests.carriedForward.total";
    public const string Review = "review.total";
    public const string NormativeDocuments = "proactive.normativeDocuments.issued";
    public const string AdministrativePenalty = "proactive.administrativePenalty.decisions";

    /// <summary>Words that make a request count about something else (a channel, an applicant type, other business).</summary>
    private static readonly string[] NotAboutRequests =
    [
        "复议", "诉讼", "建议", "提案", "信访", "投诉", "咨询", "留言", "热线", "举报", "审批", "结转", "上年", "去年",
        "当面", "网上", "网络", "信函", "邮件", "邮寄", "传真", "书面", "电话", "现场", "法人", "企业", "组织", "机构",
        "自然人", "其他", "其它", "不予", "答复", "转办", "来电",
    ];

    /// <summary>Words before a count that make it something other than this year's (累计, 历年, 以来).</summary>
    private static readonly string[] NotThisYear = ["累计", "历年", "以来", "上年", "去年", "上一年", "往年", "此前"];

    /// <summary>Words between a request and a number that make the number something else (收到申请后15个工作日).</summary>
    private static readonly string[] NotACount = ["后", "内", "起", "之日", "时", "率", "平均", "以上", "超过", "不超过", "期限"];

    /// <summary>Words before 行政处罚决定N件 that make it a count of published decisions, not of decisions made.</summary>
    private static readonly string[] Publishing = ["公开", "公示", "发布", "上网", "推送", "报送", "归集"];

    private static readonly string[] NotAboutZeroCases = ["纠", "败诉", "撤销", "违法", "决定", "被告", "答复"];

    /// <summary>The figures the prose states, each once, in the order of the text.</summary>
    public static IReadOnlyList<NarrativeFigure> Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sentences = NarrativeSentenceSplitter.Split(text);
        var found = new List<NarrativeFigure>();
        for (var i = 0; i < sentences.Count; i++)
        {
            var sentence = sentences[i];
            var heading = i > 0 ? sentences[i - 1].Folded : string.Empty;
            ReadRequests(sentence, found);
            ReadCases(sentence, heading, found);
            ReadProactive(sentence, found);
        }

        var conflicting = found.GroupBy(f => f.Key, StringComparer.Ordinal)
            .Where(g => g.Select(f => f.Value).Distinct().Count() > 1)
            .Select(g => g.Key)
            .ToHashSet(StringComparer.Ordinal);
        return [.. found.Where(f => !conflicting.Contains(f.Key)).DistinctBy(f => f.Key, StringComparer.Ordinal)];
    }

    private static void ReadRequests(NarrativeSentence sentence, List<NarrativeFigure> found)
    {
        var s = sentence.Folded;
        var counted = false;
        foreach (var match in RequestCount().Matches(s).Concat(RequestCountFirst().Matches(s)))
        {
            var gap = match.Groups["gap"].Value + match.Groups["gap2"].Value;
            if (ContainsAny(gap, NotAboutRequests) || ContainsAny(gap, NotACount) || ContainsAny(ClauseBefore(s, match.Index), NotThisYear)
                || !TryNumber(match.Groups["n"].Value, out var n))
            {
                continue;
            }

            counted = true;
            var after = s[(match.Index + match.Length)..];
            // 新收 counts only this year's requests: a carry-over beside it (新收20件，上年结转2件) is another figure
            var includesCarriedOver = match.Groups["verb"].Value == "新收"
                ? IncludesCarriedOverExplicitly().IsMatch(after)
                : IncludesCarriedOver().IsMatch(after);
            if (!includesCarriedOver)
            {
                Add(found, NewRequests, n, sentence, match);
            }
        }

        foreach (Match match in NoRequests().Matches(s))
        {
            var gap = match.Groups["gap"].Value;
            var rest = match.Groups["rest"].Value;
            if (match.Groups["bare"].Success && gap.Length > 0
                || ContainsAny(gap, NotAboutRequests) || ContainsAny(rest, NotAboutRequests) || ContainsDigit(rest)
                || ContainsAny(ClauseBefore(s, match.Index), NotThisYear))
            {
                continue;
            }

            Add(found, NewRequests, 0, sentence, match);
        }

        foreach (Match match in CarriedOverCount().Matches(s))
        {
            AddNumber(found, CarriedOver, match, sentence);
        }

        foreach (Match match in AnswerTotal().Matches(s))
        {
            if (!ContainsAny(match.Value, ["咨询", "投诉", "留言", "建议", "提案"]))
            {
                AddNumber(found, Processed, match, sentence);
            }
        }

        foreach (Match match in NoAnswers().Matches(s))
        {
            Add(found, Processed, 0, sentence, match);
        }

        if (!counted && !s.Contains("申请", StringComparison.Ordinal))
        {
            return;
        }

        if (ContainsAny(s, ["咨询", "投诉", "留言", "建议", "提案", "信访", "审批", "热线"]))
        {
            return;
        }

        if (counted)
        {
            foreach (var match in ProcessedCount().Matches(s).Concat(ProcessedCountFirst().Matches(s)))
            {
                if (!ContainsAny(match.Value, ["结转", "转结"]))
                {
                    AddNumber(found, Processed, match, sentence);
                }
            }
        }

        foreach (var match in CarriedForwardCount().Matches(s).Concat(CarriedForwardCountFirst().Matches(s)))
        {
            AddNumber(found, CarriedForward, match, sentence);
        }

        foreach (Match match in GrantedCount().Matches(s))
        {
            AddNumber(found, Granted, match, sentence);
        }

        foreach (Match match in PartiallyGrantedCount().Matches(s))
        {
            AddNumber(found, PartiallyGranted, match, sentence);
        }
    }

    private static void ReadCases(NarrativeSentence sentence, string heading, List<NarrativeFigure> found)
    {
        var s = sentence.Folded;
        if (!s.Contains("复议", StringComparison.Ordinal)
            || !s.Contains("公开", StringComparison.Ordinal) && !(heading.Contains("复议", StringComparison.Ordinal) && heading.Contains("公开", StringComparison.Ordinal)))
        {
            return;
        }

        foreach (Match match in ReviewCount().Matches(s))
        {
            if (!ContainsAny(ClauseBefore(s, match.Index), NotThisYear))
            {
                AddNumber(found, Review, match, sentence);
            }
        }

        foreach (Match match in NoCases().Matches(s))
        {
            var mid = match.Groups["mid"].Value;
            var rest = match.Groups["rest"].Value;
            if (mid.StartsWith('经') || mid.StartsWith('论') || mid.StartsWith('法') || mid.StartsWith('正')
                || ContainsAny(mid + rest, NotAboutZeroCases) || ContainsDigit(rest)
                || match.Groups["neg"].Value == "无" && mid.Length > 8 && !mid.Contains("公开", StringComparison.Ordinal))
            {
                continue;
            }

            Add(found, Review, 0, sentence, match);
        }

        foreach (Match match in CasesNoneAfter().Matches(s))
        {
            if (match.Value.Contains("复议", StringComparison.Ordinal) && !ContainsAny(match.Value, NotAboutZeroCases))
            {
                Add(found, Review, 0, sentence, match);
            }
        }
    }

    private static void ReadProactive(NarrativeSentence sentence, List<NarrativeFigure> found)
    {
        var s = sentence.Folded;
        foreach (Match match in NormativeDocumentsIssued().Matches(s))
        {
            AddNumber(found, NormativeDocuments, match, sentence);
        }

        foreach (Match match in PenaltyDecisions().Matches(s))
        {
            if (!ContainsAny(ClauseBefore(s, match.Index), Publishing))
            {
                AddNumber(found, AdministrativePenalty, match, sentence);
            }
        }
    }

    /// <summary>The clause before <paramref name="index"/> (back to the last comma or the sentence's start).</summary>
    private static string ClauseBefore(string sentence, int index)
    {
        var start = sentence.LastIndexOfAny([',', '，', '、'], Math.Max(0, index - 1));
        return index == 0 ? string.Empty : sentence[(start + 1)..index];
    }

    /// <summary>
    /// Adds the match's number, unless it stands inside parentheses: a breakdown of another count
    /// (回应依申请公开信息2条(属于已主动公开答复数1条,同意公开答复数1条)), not the figure itself. 上年结转 is read there too
    /// (151件(含上年结转13件)).
    /// </summary>
    private static void AddNumber(List<NarrativeFigure> found, string key, Match match, NarrativeSentence sentence)
    {
        if (key != CarriedOver && InsideParentheses(sentence.Folded, match.Index))
        {
            return;
        }

        if (TryNumber(match.Groups["n"].Value, out var n))
        {
            Add(found, key, n, sentence, match);
        }
    }

    /// <summary>
    /// Adds a figure with its sentence as source; a "sentence" longer than <see cref="LongSentence"/> (a page whose
    /// sections and tables run together on one line without 。) is narrowed to the clause around the match, between
    /// white space, commas or semicolons, so the span a reader is shown stays readable.
    /// </summary>
    private static void Add(List<NarrativeFigure> found, string key, decimal value, NarrativeSentence sentence, Match match)
    {
        var (start, end) = (0, sentence.Text.Length);
        if (end > LongSentence)
        {
            var folded = sentence.Folded;
            start = folded.LastIndexOfAny(ClauseEnds, Math.Max(0, match.Index - 1)) + 1;
            if (match.Index == 0)
            {
                start = 0;
            }

            var rest = match.Groups["rest"];
            var next = folded.IndexOfAny(ClauseEnds, rest.Success ? rest.Index : match.Index + match.Length);
            end = next < 0 ? folded.Length : next + (folded[next] is '。' or ';' or '；' or ',' or '，' ? 1 : 0);
        }

        var text = sentence.Text[start..end];
        found.Add(new NarrativeFigure(key, value,
            new FigureSource(FigureSourceKind.Narrative, sentence.Start + start, text.Length, Sentence: text)));
    }

    private const int LongSentence = 160;

    private static readonly char[] ClauseEnds = [' ', '\t', ',', '，', ';', '；', '。'];

    private static bool InsideParentheses(string sentence, int index)
    {
        var depth = 0;
        for (var i = 0; i < index; i++)
        {
            depth += sentence[i] switch
            {
                '(' or '（' => 1,
                ')' or '）' => depth > 0 ? -1 : 0,
                _ => 0,
            };
        }

        return depth > 0;
    }

    private static bool ContainsAny(string text, string[] words)
        => words.Any(w => text.Contains(w, StringComparison.Ordinal));

    private static bool ContainsDigit(string text) => text.Any(char.IsAsciiDigit);

    private static bool TryNumber(string digits, out decimal value)
        => decimal.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out value);

    private const string Verb = "(?<verb>收到|接收到|接到|接收|受理|新收)";
    /// <summary>A count's unit, not a time span (收到申请后15个工作日内答复).</summary>
    private const string Unit = "(?:件|份|条|个|宗|起|次)(?!工作日|日|天|月|小时|%|年)";
    private const string NoStop = @"[^。,;，；、！？!?:：()\d]";

    /// <summary>共收到政府信息公开申请44件, 全年共受理政府信息依申请公开81件, 接收到申请书55份, 收到依申请公开办件0个.</summary>
    [GeneratedRegex(Verb + "(?<gap>" + NoStop + "{0,20}?)(?:依申请公开|申请书|申请)(?<gap2>" + NoStop + "{0,8}?)(?<n>\\d+)" + Unit)]
    private static partial Regex RequestCount();

    /// <summary>共收到12件信息依申请公开.</summary>
    [GeneratedRegex(Verb + "(?<gap>" + NoStop + "{0,4}?)(?<n>\\d+)" + Unit + "(?<gap2>" + NoStop + "{0,10}?)(?:依申请公开|公开申请|申请)")]
    private static partial Regex RequestCountFirst();

    /// <summary>
    /// The rest of a sentence that says (or may say) the count includes carried-over requests: (含上年结转13件),
    /// 其中本年新收138件、上年结转13件. 结转下年度 (carried forward) does not.
    /// </summary>
    [GeneratedRegex(@"(?:上年|上一年|去年)度?(?:结转|遗留|未办结)|含[^。;]{0,4}结转")]
    private static partial Regex IncludesCarriedOver();

    [GeneratedRegex(@"含[^。;]{0,4}结转")]
    private static partial Regex IncludesCarriedOverExplicitly();

    /// <summary>未收到政府信息公开申请, 我局未收到过信息公开申请, 未收到依申请公开来信, 无依申请公开事项.</summary>
    [GeneratedRegex("(?:(?:未|没有|尚未)(?:收到过|收到|接收到|接到|接收|受理|发生|产生)|(?<bare>无|暂无))(?<gap>" + NoStop + "{0,15}?)(?:依申请公开|公开申请|申请)(?<rest>[^。,;，；！？!?]{0,20})")]
    private static partial Regex NoRequests();

    /// <summary>上年结转13件, 上年度结转的申请2件.</summary>
    [GeneratedRegex(@"(?:上年|上一年|上年度|上一年度)结转(?:的)?(?:政府信息公开)?(?:申请)?(?:共|数量为|为)?(?<n>\d+)件")]
    private static partial Regex CarriedOverCount();

    /// <summary>对依申请公开的答复总数3条, 申请答复总数3件.</summary>
    [GeneratedRegex(@"(?:申请|依申请公开)(?:的)?(?:答复|办结)(?:总数|总量|数)(?:为|共)?(?<n>\d+)(?:件|条|份)")]
    private static partial Regex AnswerTotal();

    /// <summary>不存在政府信息答复处理情况, 无依申请公开答复事项: no request was answered.</summary>
    [GeneratedRegex(@"(?:不存在|没有|无|未发生|未产生)(?:政府信息(?:公开)?|依申请公开)(?:的)?(?:申请)?答复(?:处理)?(?:情况|事项)")]
    private static partial Regex NoAnswers();

    /// <summary>办结39件, 已答复10件.</summary>
    [GeneratedRegex(@"(?<![率未]|逾期|超期|延期|延长|不予)(?:已|均已|全部)?(?:办结|答复|办理完毕|完成答复)(?:了|共)?(?<n>\d+)(?:件|份|条)")]
    private static partial Regex ProcessedCount();

    /// <summary>其中10件已经按时按规完成答复.</summary>
    [GeneratedRegex("(?<n>\\d+)(?:件|份|条)(?:" + NoStop + "{0,10}?)(?:已办结|完成答复|答复完毕|已答复|办理完毕)")]
    private static partial Regex ProcessedCountFirst();

    /// <summary>结转下年度办理5件, 结转下年度继续办理5件.</summary>
    [GeneratedRegex(@"(?:结转|转入)(?:至|到)?(?:下年度|下一年度|下年|\d{4}年度?)(?:继续)?(?:办理|处理)?(?:的)?(?:共)?(?<n>\d+)件")]
    private static partial Regex CarriedForwardCount();

    /// <summary>剩余2件结转下年度继续办理, 0件转结2023年办结.</summary>
    [GeneratedRegex(@"(?<n>\d+)件(?:[^。,;，；、\d]{0,4}?)(?:结转|转结|转入)(?:至|到)?(?:下年度|下一年度|下年|\d{4}年)")]
    private static partial Regex CarriedForwardCountFirst();

    [GeneratedRegex(@"(?<!不)(?:予以公开|同意公开)(?:答复数|答复)?(?:的)?(?<n>\d+)(?:件|条|份)")]
    private static partial Regex GrantedCount();

    [GeneratedRegex(@"(?<![不予及和与、或])(?:同意)?部分公开(?:答复数|答复)?(?:的)?(?<n>\d+)(?:件|条|份)")]
    private static partial Regex PartiallyGrantedCount();

    /// <summary>因政府信息公开引发行政复议2件, 行政复议0件.</summary>
    [GeneratedRegex(@"行政复议(?:申请|案件)?(?:共|数量为|数量|为)?(?<n>\d+)(?:件|起|宗|次|个)")]
    private static partial Regex ReviewCount();

    [GeneratedRegex(@"(?<neg>未发生|未收到|未出现|未产生|未有|没有发生|没有收到|没有出现|没有|无|不存在)(?<mid>[^。；;，,！？!?\d]{0,30}?)(?<kind>行政复议)(?<rest>[^。；;，,！？!?]{0,30})")]
    private static partial Regex NoCases();

    [GeneratedRegex(@"行政复议[^。；;，,！？!?\d]{0,12}?(?:均|都|皆)?(?:未发生|没有发生|未出现)(?!变化|改变)")]
    private static partial Regex CasesNoneAfter();

    /// <summary>制发规范性文件3件, 印发行政规范性文件2件.</summary>
    [GeneratedRegex(@"(?:制发|印发|新制定|新制作)(?:了)?(?:行政)?规范性文件(?:共)?(?<n>\d+)件")]
    private static partial Regex NormativeDocumentsIssued();

    /// <summary>行政处罚处理决定数量39件, 作出行政处罚决定305起.</summary>
    [GeneratedRegex(@"行政处罚(?:处理)?决定(?:书)?(?:数量|数)?(?:为|共)?(?<n>\d+)(?:件|起|宗|份|个)")]
    private static partial Regex PenaltyDecisions();
}
