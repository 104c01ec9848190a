using System.Text.RegularExpressions;
using ReportArchive.Figures;

namespace ReportArchive.Documents;

/// <summary>
/// A parse warning in Chinese (标题中未找到机关名称 for "no agency found in the title"). Warnings are made and stored
/// in English (scripts and archives written before read them so), and translated when a report is read, so archives
/// of every version show Chinese. The translation goes phrase by phrase through the readers' fixed wordings; the
/// Chinese labels, numbers and quotes inside them are kept as they are.
/// </summary>
public static partial class ChineseWarnings
{
    private static readonly (Regex Pattern, MatchEvaluator Chinese)[] Phrases =
    [
        // whole warnings of the parser and the template detector
        (Whole("no agency found in the title"), _ => "标题中未找到机关名称"),
        (Whole("no agency in a title; read from the prose: (?<a>.+)"), m => $"标题中没有机关名称，从正文读出：{m.Groups["a"].Value}"),
        (Whole("no agency in a title; read from the page's author line: (?<a>.+)"), m => $"标题中没有机关名称，从发布机构、标题下一行或落款读出：{m.Groups["a"].Value}"),
        (Whole("agency type inferred from the prose \\(the report speaks as a department and names (?<t>\\S+) most\\): \\S+"),
            m => $"机构类型由正文推断：报告以部门口吻（我委、我局）撰写，提到最多的部门是“{m.Groups["t"].Value}”"),
        (Whole("no report year found in the title or the statistics period"), _ => "标题和统计期间中均未找到报告年度"),
        (Whole("template: the tables do not tell the template apart; taken from the year (?<y>\\d+) in the title"), m => $"模板：表格无法区分模板，按标题中的年份 {m.Groups["y"].Value} 确定"),
        (Whole("template: the tables do not tell the template apart and the title has no year; assumed (?<y>\\d+)"), m => $"模板：表格无法区分模板，标题中也没有年份，按 {m.Groups["y"].Value} 年版处理"),
        (Whole("figures: no table found"), _ => "数据：未找到表格"),
        (Whole("figures: extraction failed: .*"), _ => "数据：读取表格时出错，未读出数据"),
        (Whole("figures: (?<k>[A-Za-z.]+) read from the prose: \"(?<q>.*)\""), m => $"数据：“{Label(m.Groups["k"].Value)}”取自正文：“{m.Groups["q"].Value}”"),
        (Whole("figures: (?<k>[A-Za-z.]+): the 统计表 row '(?<r>.*)' does not split into one (?<c>\\S+) \\| 历年累计 pair; left null"),
            m => $"数据：“{Label(m.Groups["k"].Value)}”：统计表中“{m.Groups["r"].Value}”一行拆不出“{m.Groups["c"].Value}｜历年累计”一对数值，留空"),
        (Whole("figures: no 2019/2021 table found; read the pre-2019 统计表 \\((?<c>\\S+) column, never 历年累计\\)"),
            m => $"数据：未找到 2019 或 2021 年版表格，按 2019 年以前的统计表读取（取“{m.Groups["c"].Value}”列，不取历年累计）"),
        (Whole("encoding: (?<e>\\S+) with (?<n>[\\d,]+) invalid bytes? replaced"), m => $"编码：{m.Groups["e"].Value}，有 {m.Groups["n"].Value} 个无效字节被替换"),
        (Whole("encoding: (?<e>\\S+) \\(detected\\)"), m => $"编码：检测为 {m.Groups["e"].Value}"),
        (Whole("PDF: text read as (?<r>.+?) \\(figures whose identities hold: (?<a>.+?) (?<an>\\d+) of (?<af>\\d+), (?<b>.+?) (?<bn>\\d+) of (?<bf>\\d+)\\)"),
            m => $"PDF：正文按{Reading(m.Groups["r"].Value)}读取（勾稽关系成立的数据：{Reading(m.Groups["a"].Value)} {m.Groups["an"].Value}/{m.Groups["af"].Value}，{Reading(m.Groups["b"].Value)} {m.Groups["bn"].Value}/{m.Groups["bf"].Value}）"),

        // regions
        (Whole("(?<w>\\S+) is no division name; it may be any of (?<l>.+), which the text supports equally"), m => $"“{m.Groups["w"].Value}”不是行政区划名称，可能是{List(m.Groups["l"].Value)}中的任一个，正文对它们的支持相同"),
        (Whole("(?<w>\\S+) is no division name and no single division one character away fits the text"), m => $"“{m.Groups["w"].Value}”不是行政区划名称，也没有只差一个字且与正文相符的行政区划"),
        (Whole("(?<w>\\S+) is no division name; read as (?<n>\\S+) \\((?<p>[^)]*)\\), of the divisions one character away \\((?<l>[^)]*)\\) the one whose character lies near (?<g>\\S+) in radical and stroke order"),
            m => $"“{m.Groups["w"].Value}”不是行政区划名称，读作{m.Groups["n"].Value}（{m.Groups["p"].Value}）：在只差一个字的行政区划（{m.Groups["l"].Value}）中，取部首笔画与“{m.Groups["g"].Value}”相近的一个"),
        (Whole("(?<w>\\S+) is no division name; read as (?<n>\\S+) \\((?<p>[^)]*)\\), of the divisions one character away \\((?<l>[^)]*)\\) the one the text supports"),
            m => $"“{m.Groups["w"].Value}”不是行政区划名称，读作{m.Groups["n"].Value}（{m.Groups["p"].Value}）：在只差一个字的行政区划（{m.Groups["l"].Value}）中，取正文支持的一个"),
        (Whole("phone area code (?<c>.+) does not belong to (?<p>.+)"), m => $"电话区号 {m.Groups["c"].Value.Replace(", ", "、", StringComparison.Ordinal)} 不属于{m.Groups["p"].Value}"),
        (Whole("(?<n>\\S+) may be any of (?<l>.+): the text does not decide"), m => $"“{m.Groups["n"].Value}”可能是{List(m.Groups["l"].Value)}中的任一个，正文无法确定"),
    ];

    /// <summary>The phrases of the table readers' warnings, applied in order to what the whole warnings above leave.</summary>
    private static readonly (Regex Pattern, MatchEvaluator Chinese)[] TablePhrases =
    [
        (P(" \\((?<n>\\d+) column identities fail under every reading and were not used\\)"), m => $"（另有 {m.Groups["n"].Value} 条列勾稽关系在任何读法下都不成立，未采用）"),
        (P("^table A: "), _ => "主动公开表："),
        (P("^table B: "), _ => "申请办理表："),
        (P("^table C: "), _ => "复议诉讼表："),
        (P("^(?<t>[^：]+)：not found$"), m => $"{m.Groups["t"].Value}：未找到该表"),
        (P("^(?<t>[^：]+)：no values$"), m => $"{m.Groups["t"].Value}：没有数值"),
        (P("rows (?<a>.+?) and (?<b>.+?): the (?<c>\\S+) cells printed (?<p>\\S+) and (?<q>\\S+) slid between the rows; read as (?<x>\\S+) and (?<y>\\S+), the only slide under which every identity of the table holds"),
            m => $"“{m.Groups["a"].Value}”与“{m.Groups["b"].Value}”两行：“{m.Groups["c"].Value}”列印的 {m.Groups["p"].Value} 和 {m.Groups["q"].Value} 错了行，读作 {m.Groups["x"].Value} 和 {m.Groups["y"].Value}（唯一使全表勾稽关系成立的错行读法）"),
        (P("^(?<t>[^：]+)：rows? (?<r>.+?)(?=: )"), m => $"{m.Groups["t"].Value}：“{Rows(m.Groups["r"].Value)}”行"),
        (P(": the six applicant columns do not add up to 总计 and (?<n>\\d+) slides of a cell between adjacent rows would make the table hold \\((?<l>.*)\\); those cells left empty"),
            m => $"：六类申请人之和与“总计”不符，有 {m.Groups["n"].Value} 种相邻行之间的错行读法都能使全表成立（{Slides(m.Groups["l"].Value)}），这些格留空"),
        (P(": the six applicant columns do not add up to 总计 and no slide of a cell between adjacent rows makes the table hold; recorded as printed"),
            _ => "：六类申请人之和与“总计”不符，也没有相邻行之间的错行读法能使全表成立，按原样记录"),
        (P("the values of (?<n>\\d+) rows follow all their labels and add up only when read column by column; read so"), m => $"{m.Groups["n"].Value} 行的数值都排在各行名称之后，按列读取才相符，已按列读取"),
        (P("^(?<t>[^：]+)：row (?<r>.+?) not found$"), m => $"{m.Groups["t"].Value}：未找到“{m.Groups["r"].Value}”行"),
        (P("^(?<t>[^：]+)：row (?<r>.+?) has no values$"), m => $"{m.Groups["t"].Value}：“{m.Groups["r"].Value}”行没有数值"),
        (P("^(?<t>[^：]+)：row (?<r>.+?) has (?<n>\\d+) values for (?<w>\\d+) cells \\((?<p>[^)]*)\\); left empty$"),
            m => $"{m.Groups["t"].Value}：“{m.Groups["r"].Value}”行印有 {m.Groups["n"].Value} 个数值，应有 {m.Groups["w"].Value} 格（{m.Groups["p"].Value}），留空"),
        (P("(?<t>[^：]+)：(?<g>\\S+(?: \\S+)?) read group by group as (?<v>.+?): the cells every split whose (?<h>.+?) total holds agrees on"),
            m => $"{m.Groups["t"].Value}：{m.Groups["g"].Value}按组读作 {m.Groups["v"].Value}（凡使{m.Groups["h"].Value}总计成立的拆法都一致的格）"),
        (P("(?<n>\\d+) values for (?<w>\\d+) cells \\((?<p>[^)]*)\\)(?<r>, cells run together)?"),
            m => $"印有 {m.Groups["n"].Value} 个数值，应有 {m.Groups["w"].Value} 格（{m.Groups["p"].Value}）{(m.Groups["r"].Success ? "，数字连在一起" : "")}"),
        (P("cells run together \\('(?<p>[^']*)'\\)"), m => $"数字连在一起（“{m.Groups["p"].Value}”）"),
        (P("; read as (?<v>.+?), the only reading whose row total adds up"), m => $"；读作 {m.Groups["v"].Value}（唯一使本行总计相符的读法）"),
        (P("; read as (?<v>.+?), the only reading whose group totals add up"), m => $"；读作 {m.Groups["v"].Value}（唯一使各组总计相符的读法）"),
        (P("; read as (?<v>.+?), the only reading under which the column identities hold"), m => $"；读作 {m.Groups["v"].Value}（唯一使各列勾稽关系成立的读法）"),
        (P("; read as (?<v>.+?), whichever cell was lost"), m => $"；读作 {m.Groups["v"].Value}（无论缺的是哪一格，结果都一样）"),
        (P("; read as (?<v>.+?), the only split that satisfies (?<i>.+)$"), m => $"；读作 {m.Groups["v"].Value}（唯一满足{Identities(m.Groups["i"].Value)}的拆法）"),
        (P(", no split into (?<n>\\d+) cells satisfies (?<i>.+?); left empty"), m => $"，没有一种拆成 {m.Groups["n"].Value} 格的拆法满足{Identities(m.Groups["i"].Value)}，留空"),
        (P(", (?<n>\\d+) splits satisfy (?<i>.+?) and differ in every cell; left empty"), m => $"，有 {m.Groups["n"].Value} 种拆法满足{Identities(m.Groups["i"].Value)}，且每一格都不同，留空"),
        (P(", (?<n>\\d+) splits satisfy (?<i>.+?); read the (?<k>\\d+) cells they agree on: (?<v>.+)$"), m => $"，有 {m.Groups["n"].Value} 种拆法满足{Identities(m.Groups["i"].Value)}，取它们一致的 {m.Groups["k"].Value} 格：{m.Groups["v"].Value}"),
        (P(", too many splits to test; left empty"), _ => "，拆法过多，无法逐一检验，留空"),
        (P("; too many readings to test, left empty"), _ => "；读法过多，无法逐一检验，留空"),
        (P("; no reading satisfies the column identities, left empty"), _ => "；没有一种读法使各列勾稽关系成立，留空"),
        (P("; several readings satisfy the column identities, left empty"), _ => "；有多种读法都使各列勾稽关系成立，留空"),
        (P("; no single reading adds up, left empty"), _ => "；没有一种读法相符，留空"),
        (P("; left empty"), _ => "，留空"),
        (P(": "), _ => "："),
    ];

    /// <summary>The Chinese of one stored (English) warning; a warning already in Chinese, or one no phrase knows, is returned as it is.</summary>
    public static string Translate(string warning)
    {
        ArgumentNullException.ThrowIfNull(warning);
        foreach (var (pattern, chinese) in Phrases)
        {
            if (pattern.Match(warning) is { Success: true } match)
            {
                return chinese(match);
            }
        }

        var text = warning;
        foreach (var (pattern, chinese) in TablePhrases)
        {
            text = pattern.Replace(text, chinese);
        }

        return text;
    }

    private static string Label(string key)
        => FigureKeys.ChineseLabel(key)?.Replace(" × ", "：", StringComparison.Ordinal) ?? key;

    private static string List(string list) => string.Join("、", list.Split("; "));

    private static string Rows(string rows) => rows.Replace(", ", "”“", StringComparison.Ordinal);

    /// <summary>"自然人 of A and B; 其他 of C and D" → "A 与 B 的“自然人”、C 与 D 的“其他”".</summary>
    private static string Slides(string slides) => string.Join("、", slides.Split("; ").Select(s =>
        SlideOf().Match(s) is { Success: true } m ? $"{m.Groups["a"].Value}与{m.Groups["b"].Value}的“{m.Groups["c"].Value}”" : s));

    private static string Identities(string identities) => identities
        .Replace("its row total and the column identities", "本行总计和各列勾稽关系", StringComparison.Ordinal)
        .Replace(" (too many combinations to test the column identities)", "（组合过多，未检验各列勾稽关系）", StringComparison.Ordinal)
        .Replace("its row total", "本行总计", StringComparison.Ordinal)
        .Replace("the three group totals", "三组总计", StringComparison.Ordinal)
        .Replace("a well-formed number in every cell", "每格都是规范数字", StringComparison.Ordinal);

    private static string Reading(string reading) => reading switch
    {
        "letters by position" => "字符位置",
        "letters in drawing order" => "绘制顺序",
        _ => reading,
    };

    private static Regex Whole(string pattern) => new("^" + pattern + "$", RegexOptions.Singleline | RegexOptions.CultureInvariant);

    private static Regex P(string pattern) => new(pattern, RegexOptions.Singleline | RegexOptions.CultureInvariant);

    [GeneratedRegex(@"^(?<c>\S+) of (?<a>.+?) and (?<b>.+)$")]
    private static partial Regex SlideOf();
}
