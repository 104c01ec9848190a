using System.Globalization;
using System.Text.RegularExpressions;

namespace ReportArchive.Figures;

/// <summary>
/// A check as a reader sees it: the stored <see cref="FigureCheck"/> (rule, result, English detail for scripts), the
/// same in Chinese with the template's own row and column labels and the difference (（一）予以公开：自然人至其他
/// 六列之和为 2，“总计”列印为 10，相差 8), and the cells the Chinese names (the printed total a sum is compared
/// with, the figure the prose contradicts): the cells to emphasise when the check fails, never every term of a sum.
/// </summary>
public sealed partial record CheckExplanation(string Rule, bool Ok, string Detail, string DetailZh, IReadOnlyList<string> Cells)
{
    /// <summary>
    /// Explains <paramref name="check"/> from the report's figures (what an identity compares is recomputed from them,
    /// so checks stored by earlier versions are explained too) and, for a prose check, the quote in its detail.
    /// </summary>
    public static CheckExplanation Of(FigureCheck check, string? template, IReadOnlyDictionary<string, decimal?> figures)
    {
        ArgumentNullException.ThrowIfNull(check);
        ArgumentNullException.ThrowIfNull(figures);
        var shape = TemplateShape.For(template ?? TemplateShape.Template2021);
        var (zh, cells) = Explain(check, shape, figures);
        return new CheckExplanation(check.Rule, check.Ok, check.Detail, zh, cells);
    }

    private static (string Zh, IReadOnlyList<string> Cells) Explain(FigureCheck check, TemplateShape shape, IReadOnlyDictionary<string, decimal?> figures)
    {
        var rule = check.Rule;
        if (IdentityTerms.SidesOf(shape, rule) is var (parts, totals))
        {
            // what the identity compares, recomputed from the figures by the terms the checker adds up
            var sum = FigureIdentityChecker.Sum(parts.Select(k => figures.GetValueOrDefault(k)));
            var printed = FigureIdentityChecker.Sum(totals.Select(k => figures.GetValueOrDefault(k)));
            if (rule.StartsWith("requests.balance.", StringComparison.Ordinal))
            {
                return (Compare(check, $"“{ColumnLabel(shape, parts[0])}”列：一（本年新收）加二（上年结转）为", sum, "（七）总计加四（结转下年度继续办理）为", printed, verb: ""), [.. parts, .. totals]);
            }

            var total = totals[0];
            var (left, right) = rule.StartsWith("requests.rowTotal.", StringComparison.Ordinal)
                ? ($"{RowLabel(shape, total)}：自然人至其他六列之和", "“总计”列")
                : rule.StartsWith("requests.processedSum.", StringComparison.Ordinal)
                    ? ($"“{ColumnLabel(shape, total)}”列：（一）至（六）各项办理结果之和", "“（七）总计”行")
                    : ($"{TemplateShape.ReviewGroups.First(g => rule == g.Key + ".total").ChineseLabel}：结果维持、结果纠正、其他结果、尚未审结四项之和", "“总计”");
            return (Compare(check, left, sum, right, printed), [total]);
        }

        if (rule.StartsWith(NarrativeCrossChecker.FigureRulePrefix, StringComparison.Ordinal) && ProseDetail().Match(check.Detail) is { Success: true } prose)
        {
            var stated = Number(prose.Groups["stated"].Value);
            var table = Number(prose.Groups["table"].Value);
            var (label, cells) = NarrativeCells(rule, shape, figures, table);
            var quote = prose.Groups["quote"].Value;
            var difference = !check.Ok && stated is { } s && table is { } t ? $"，相差 {Format(Math.Abs(s - t))}" : "";
            return (check.Ok
                ? $"正文所写 {Format(stated)}（“{quote}”）与表格{label} {Format(table)} 相符"
                : $"正文写 {Format(stated)}（“{quote}”），表格{label}为 {Format(table)}{difference}", cells);
        }

        return (check.Ok ? "相符" : "不相符", []);
    }

    /// <summary>The cells a prose check is about, and how the Chinese names them.</summary>
    private static (string Label, IReadOnlyList<string> Cells) NarrativeCells(string rule, TemplateShape shape, IReadOnlyDictionary<string, decimal?> figures, decimal? table)
    {
        switch (rule)
        {
            case NarrativeCrossChecker.RequestsRule:
                // the prose's count is of all applicants, or of 自然人 when it says so: the cell whose value was compared
                var key = figures.GetValueOrDefault("requests.new.total") != table && figures.GetValueOrDefault("requests.new.naturalPerson") == table
                    ? "requests.new.naturalPerson" : "requests.new.total";
                return ($"“{Label(shape, key)}”", [key]);
            case NarrativeCrossChecker.LitigationRule:
                return ("“行政诉讼”两组总计之和", ["litigationDirect.total", "litigationAfterReview.total"]);
            default:
                var figure = rule[NarrativeCrossChecker.FigureRulePrefix.Length..];
                return ($"“{Label(shape, figure)}”", [figure]);
        }
    }

    private static string Compare(FigureCheck check, string left, decimal? leftValue, string right, decimal? rightValue, string verb = "为")
    {
        if (leftValue is not { } l || rightValue is not { } r)
        {
            return check.Ok ? $"{left}与{right}相符" : $"{left}与{right}不符";
        }

        return check.Ok
            ? $"{left}{verb} {Format(l)}，{right}{(verb.Length > 0 ? "印为" : "")} {Format(r)}，相符"
            : $"{left}{verb} {Format(l)}，{right}{(verb.Length > 0 ? "印为" : "")} {Format(r)}，相差 {Format(Math.Abs(l - r))}";
    }

    private static string Label(TemplateShape shape, string key)
        => shape.Keys.FirstOrDefault(k => k.Key == key)?.ChineseLabel.Replace(" × ", "：", StringComparison.Ordinal) ?? key;

    private static string RowLabel(TemplateShape shape, string key) => Part(shape, key, 0);

    private static string ColumnLabel(TemplateShape shape, string key) => Part(shape, key, 1);

    private static string Part(TemplateShape shape, string key, int part)
        => shape.Keys.FirstOrDefault(k => k.Key == key)?.ChineseLabel.Split(" × ") is { Length: 2 } parts ? parts[part] : key;


    private static decimal? Number(string text)
        => decimal.TryParse(text, NumberStyles.Number | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static string Format(decimal? value) => RowReadings.Format(value);

    [GeneratedRegex(@"^prose states (?<stated>\S+) \(“(?<quote>.*)”\), table gives (?<table>\S+)$", RegexOptions.Singleline)]
    private static partial Regex ProseDetail();
}
