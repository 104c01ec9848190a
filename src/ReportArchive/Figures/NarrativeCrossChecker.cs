using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace ReportArchive.Figures;

/// <summary>
/// Compares counts the prose states clearly (共收到…申请N件, 行政复议N件, 行政诉讼N件, 未收到…申请,
/// 未发生行政复议或行政诉讼, 不存在…被申请行政复议、提起行政诉讼) with the tables. A statement is only taken
/// when it is unambiguous; hedged or qualified wording is passed over. The other figures the prose states
/// (<see cref="Narrative.NarrativeFigureReader"/>: 办结N件, 结转下年度N件, 予以公开N件, 行政处罚决定N件 …) are compared
/// with the table's value as <c>narrative.KEY</c> (e.g. <c>narrative.requests.processed.total</c>).
/// </summary>
internal static partial class NarrativeCrossChecker
{
    public const string RequestsRule = "narrative.requests.new";
    public const string ReviewRule = "narrative.review.total";
    public const string LitigationRule = "narrative.litigation.total";

    private static readonly string[] NotAboutRequests = ["复议", "诉讼", "建议", "提案", "信访", "投诉", "咨询", "留言", "来信", "热线", "结转", "上年", "举报"];
    private static readonly string[] NotAboutZeroCases = ["纠", "败诉", "撤销", "违法", "决定", "被告", "答复"];

    /// <summary>The prefix of the checks of the figures the rules above do not cover: <c>narrative.</c> + figure key.</summary>
    public const string FigureRulePrefix = "narrative.";

    public static void Check(TableText text, TableRegions regions, IReadOnlyDictionary<string, decimal?> figures, List<FigureCheck> checks)
    {
        CheckStatedFigures(text, figures, checks);
        var prose = Compact(text, regions);
        var statements = new List<(string Rule, decimal Value, string Column, string Quote)>();
        CollectRequestStatements(prose, statements);
        CollectCaseStatements(prose, statements);

        var litigation = figures.GetValueOrDefault("litigationDirect.total") + figures.GetValueOrDefault("litigationAfterReview.total");
        foreach (var rule in new[] { RequestsRule, ReviewRule, LitigationRule })
        {
            var ruleStatements = statements.Where(s => s.Rule == rule).ToList();
            if (ruleStatements.Count == 0)
            {
                continue;
            }

            string? failure = null;
            string? agreement = null;
            foreach (var (_, value, column, quote) in ruleStatements)
            {
                decimal? table = rule switch
                {
                    RequestsRule => figures.GetValueOrDefault("requests.new." + column),
                    ReviewRule => figures.GetValueOrDefault("review.total"),
                    _ => litigation,
                };
                if (table is not { } tableValue)
                {
                    continue;
                }

                var ok = value == tableValue
                    || rule == RequestsRule && column == "total" && value == tableValue + figures.GetValueOrDefault("requests.carriedOver.total");
                var detail = $"prose states {RowReadings.Format(value)} (“{quote}”), table gives {RowReadings.Format(tableValue)}";
                if (!ok)
                {
                    failure ??= detail;
                }
                else
                {
                    agreement ??= detail;
                }
            }

            if (failure is not null || agreement is not null)
            {
                checks.Add(new FigureCheck(rule, failure is null, failure ?? agreement!));
            }
        }
    }

    /// <summary>
    /// Each figure the prose states that the table also gives, other than the new requests and reviews (compared
    /// above, with the prose's own ways of counting them), as one check.
    /// </summary>
    private static void CheckStatedFigures(TableText text, IReadOnlyDictionary<string, decimal?> figures, List<FigureCheck> checks)
    {
        foreach (var stated in Narrative.NarrativeFigureReader.Read(text.Text))
        {
            if (stated.Key is Narrative.NarrativeFigureReader.NewRequests or Narrative.NarrativeFigureReader.Review
                || figures.GetValueOrDefault(stated.Key) is not { } table)
            {
                continue;
            }

            checks.Add(new FigureCheck(FigureRulePrefix + stated.Key, stated.Value == table,
                $"prose states {RowReadings.Format(stated.Value)} (“{stated.Source.Sentence}”), table gives {RowReadings.Format(table)}"));
        }
    }

    /// <summary>Prose before the first table and prose lines inside the tables' parts, without whitespace.</summary>
    private static string Compact(TableText text, TableRegions regions)
    {
        var builder = new StringBuilder();
        var firstTable = regions.FirstTableStart;
        var end = regions.LastTableEnd;
        var source = text.Text;
        for (var i = 0; i < firstTable; i++)
        {
            if (!char.IsWhiteSpace(source[i]))
            {
                builder.Append(source[i]);
            }
        }

        if (end > firstTable)
        {
            for (var line = text.LineOf(firstTable); line < text.LineCount && text.LineStart(line) < end; line++)
            {
                if (!text.IsSkipped(line))
                {
                    continue;
                }

                builder.Append('。');
                foreach (var c in text.LineSpan(line))
                {
                    if (!char.IsWhiteSpace(c))
                    {
                        builder.Append(c);
                    }
                }
            }
        }

        return builder.ToString();
    }

    private static void CollectRequestStatements(string prose, List<(string, decimal, string, string)> statements)
    {
        foreach (Match match in RequestCount().Matches(prose))
        {
            var gap = match.Groups["gap"].Value + match.Groups["gap2"].Value;
            if (ContainsAny(gap, NotAboutRequests) || !TryNumber(match.Groups["n"].Value, out var n))
            {
                continue;
            }

            var column = gap.Contains("自然人", StringComparison.Ordinal) ? "naturalPerson" : "total";
            if (column == "total" && ContainsAny(gap, ["法人", "企业", "组织", "机构"]))
            {
                continue;
            }

            statements.Add((RequestsRule, n, column, match.Value));
        }

        foreach (Match match in NoRequests().Matches(prose))
        {
            var said = match.Groups["gap"].Value + match.Groups["rest"].Value;
            if (!ContainsAny(said, NotAboutRequests) && !ContainsDigit(match.Groups["rest"].Value))
            {
                statements.Add((RequestsRule, 0, "total", match.Value));
            }
        }
    }

    private static void CollectCaseStatements(string prose, List<(string, decimal, string, string)> statements)
    {
        foreach (Match match in CaseCount().Matches(prose))
        {
            if (TryNumber(match.Groups["n"].Value, out var n))
            {
                var rule = match.Groups["kind"].Value.Contains("复议", StringComparison.Ordinal) ? ReviewRule : LitigationRule;
                statements.Add((rule, n, "total", match.Value));
            }
        }

        foreach (Match match in NoCases().Matches(prose))
        {
            var mid = match.Groups["mid"].Value;
            var rest = match.Groups["rest"].Value;
            if (mid.StartsWith('经') || mid.StartsWith('论') || mid.StartsWith('法') || mid.StartsWith('正')
                || ContainsAny(mid + rest, NotAboutZeroCases) || ContainsDigit(rest)
                || match.Groups["neg"].Value == "无" && mid.Length > 8)
            {
                continue;
            }

            var said = mid + match.Groups["kind"].Value + rest;
            if (said.Contains("复议", StringComparison.Ordinal) && match.Groups["kind"].Value.Contains("复议", StringComparison.Ordinal))
            {
                statements.Add((ReviewRule, 0, "total", match.Value));
            }

            if (said.Contains("诉讼", StringComparison.Ordinal))
            {
                statements.Add((LitigationRule, 0, "total", match.Value));
            }
        }

        foreach (Match match in CasesNoneAfter().Matches(prose))
        {
            var subject = match.Value;
            if (ContainsAny(subject, NotAboutZeroCases))
            {
                continue;
            }

            if (subject.Contains("复议", StringComparison.Ordinal))
            {
                statements.Add((ReviewRule, 0, "total", subject));
            }

            if (subject.Contains("诉讼", StringComparison.Ordinal))
            {
                statements.Add((LitigationRule, 0, "total", subject));
            }
        }
    }

    private static bool ContainsAny(string text, string[] words)
        => words.Any(w => text.Contains(w, StringComparison.Ordinal));

    private static bool ContainsDigit(string text) => text.Any(char.IsAsciiDigit);

    private static bool TryNumber(string digits, out decimal value)
        => decimal.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out value);

    [GeneratedRegex(@"(?:收到|新收)(?<gap>[^。；;，,！？!?\d]{0,20}?)申请(?<gap2>[^。；;，,、！？!?\d]{0,12}?)(?<n>\d+)件")]
    private static partial Regex RequestCount();

    [GeneratedRegex(@"(?:未|没有)(?:收到|受理|接到|接收)(?<gap>[^。；;，,！？!?\d]{0,15}?)申请(?<rest>[^。；;，,！？!?]{0,20})")]
    private static partial Regex NoRequests();

    [GeneratedRegex(@"(?<kind>行政复议|行政诉讼)(?:申请|案件)?(?:共|数量为|数量|为)?(?<n>\d+)(?:件|起|宗|次|个)")]
    private static partial Regex CaseCount();

    [GeneratedRegex(@"(?<neg>未发生|未收到|未出现|未产生|未有|没有发生|没有收到|没有出现|没有|无|不存在)(?<mid>[^。；;，,！？!?\d]{0,30}?)(?<kind>行政复议|行政诉讼)(?<rest>[^。；;，,！？!?]{0,30})")]
    private static partial Regex NoCases();

    [GeneratedRegex(@"(?:行政复议|行政诉讼)[^。；;，,！？!?\d]{0,12}?(?:均|都|皆)?(?:未发生|没有发生|未出现)(?!变化|改变)")]
    private static partial Regex CasesNoneAfter();
}
