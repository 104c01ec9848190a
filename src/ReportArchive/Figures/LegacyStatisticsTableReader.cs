using System.Globalization;
using System.Text.RegularExpressions;

namespace ReportArchive.Figures;

/// <summary>
/// Reads the headline figures of a report on a year before 2019 from the old statute's 政府信息公开情况统计表 (columns
/// 指标名称 | 计量单位 | 2013年度 | 历年累计): 受理依申请公开信息总数 (new requests), 对申请的答复(总)数 (processed),
/// 同意公开答复数 (granted), 同意部分公开答复数 (partially granted) and 行政复议数 (review). Nothing else: the old
/// template has no 上年结转 / 结转下年度 rows, and its single 行政诉讼数 is not split the way the national template is.
/// <para>
/// Flattened text runs a row's label, unit and both numbers together, often with the next row's number glued on
/// (<c>1.同意公开答复数条2192.同意部分公开答复数条133.</c> = 2 | 19, then row 2.; 1 | 3, then row 3.). Where a
/// separator is printed between the two numbers it is used; otherwise a run of digits is split into (this year,
/// cumulative) only when exactly one split has well-formed numbers (no leading zero but 0) with this year ≤
/// cumulative. Any other row is left out with a warning: a wrong number is worse than a missing one. Only the
/// year's column is read, never the cumulative one. Pure and thread-safe.
/// </para>
/// </summary>
internal static partial class LegacyStatisticsTableReader
{
    public const string TableName = "legacy";

    /// <summary>How far after the header the rows are looked for.</summary>
    private const int TableWindow = 4000;

    private static readonly (string Key, string Label, Regex Pattern)[] Rows =
    [
        ("requests.new.total", "受理依申请公开信息总数", NewRequestsRow()),
        ("requests.processed.total", "对申请的答复总数", ProcessedRow()),
        ("requests.granted.total", "同意公开答复数", GrantedRow()),
        ("requests.partiallyGranted.total", "同意部分公开答复数", PartiallyGrantedRow()),
        ("review.total", "行政复议数", ReviewRow()),
    ];

    private static readonly Dictionary<string, int> TemplateOrder = FigureKeys.All
        .Select(k => k.Key).Distinct(StringComparer.Ordinal)
        .Select((key, index) => (key, index))
        .ToDictionary(p => p.key, p => p.index, StringComparer.Ordinal);

    /// <summary>
    /// The figures of the old 统计表 in template order with their sources, or null when the text has no such table
    /// (no <c>N年度 历年累计</c> header followed by one of the rows read).
    /// </summary>
    public static FigureExtraction? Read(string text, List<string> warnings)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(warnings);
        var header = Header().Match(text);
        if (!header.Success)
        {
            return null;
        }

        var column = header.Groups[1].Value + "年度";
        var from = header.Index + header.Length;
        var length = Math.Min(TableWindow, text.Length - from);
        var found = new List<(string Key, decimal? Value, FigureSource? Source)>();
        var rowWarnings = new List<string>();
        foreach (var (key, label, pattern) in Rows)
        {
            var row = pattern.Match(text, from, length);
            if (!row.Success)
            {
                continue;
            }

            var reading = ReadRow(text, row);
            if (reading is { } cell)
            {
                found.Add((key, cell.Value, new FigureSource(FigureSourceKind.Table, cell.Start, cell.Length, TableName, label, column)));
            }
            else
            {
                found.Add((key, null, null));
                rowWarnings.Add($"figures: {key}: the 统计表 row '{Printed(text, row)}' does not split into one {column} | 历年累计 pair; left null");
            }
        }

        if (found.Count == 0)
        {
            return null;
        }

        warnings.Add($"figures: no 2019/2021 table found; read the pre-2019 统计表 ({column} column, never 历年累计)");
        warnings.AddRange(rowWarnings);
        var figures = new OrderedDictionary<string, decimal?>();
        var sources = new Dictionary<string, FigureSource>(StringComparer.Ordinal);
        foreach (var (key, value, source) in found.Where(f => f.Value is not null).OrderBy(f => TemplateOrder.GetValueOrDefault(f.Key, int.MaxValue)))
        {
            figures.Add(key, value);
            sources[key] = source!;
        }

        return new FigureExtraction(null, figures, [], warnings) { Sources = sources };
    }

    /// <summary>This year's value of one row and the span of its digits, or null when the printed numbers do not tell it.</summary>
    private static (decimal Value, int Start, int Length)? ReadRow(string text, Match row)
    {
        var groups = DigitGroups(text, row.Index + row.Length);
        if (groups.Count == 0)
        {
            return null;
        }

        var last = groups[^1];
        var end = last.Start + last.Digits.Length;
        var nextRowNumbered = end + 1 < text.Length && text[end] is '.' or '．' or '、' && !char.IsAsciiDigit(text[end + 1]);
        var readings = new HashSet<(decimal Value, int Start, int Length)>();
        foreach (var suffix in NextRowNumbers(text, row.Index, last.Digits, nextRowNumbered))
        {
            var cells = groups.ToList();
            var kept = last.Digits[..^suffix.Length];
            cells.RemoveAt(cells.Count - 1);
            if (kept.Length > 0)
            {
                cells.Add((last.Start, kept));
            }

            if (cells.Count == 1)
            {
                var (start, digits) = cells[0];
                for (var cut = 1; cut < digits.Length; cut++)
                {
                    if (Pair(digits[..cut], digits[cut..]) is { } value)
                    {
                        readings.Add((value, start, cut));
                    }
                }
            }
            else if (cells.Count == 2 && Pair(cells[0].Digits, cells[1].Digits) is { } value)
            {
                readings.Add((value, cells[0].Start, cells[0].Digits.Length));
            }
        }

        return readings.Count == 1 ? readings.Single() : null;
    }

    /// <summary>
    /// The possible numbers of the next row glued on the end of the last group: none when no numbered row follows;
    /// otherwise one or two trailing digits, and, where this row's own number shows (<c>1.同意公开…</c>), only its successor.
    /// </summary>
    private static IEnumerable<string> NextRowNumbers(string text, int rowStart, string lastDigits, bool nextRowNumbered)
    {
        if (!nextRowNumbered)
        {
            yield return string.Empty;
            yield break;
        }

        var own = OwnNumbers(text, rowStart);
        for (var length = 1; length <= Math.Min(2, lastDigits.Length); length++)
        {
            var suffix = lastDigits[^length..];
            if (!WellFormed(suffix) || suffix == "0")
            {
                continue;
            }

            var number = int.Parse(suffix, NumberStyles.None, CultureInfo.InvariantCulture);
            if (own.Count == 0 || own.Contains(number - 1))
            {
                yield return suffix;
            }
        }
    }

    /// <summary>This row's possible numbers: the one or two digits before a '.' just before the label (they may be glued to the previous row's numbers).</summary>
    private static List<int> OwnNumbers(string text, int rowStart)
    {
        var position = rowStart - 1;
        while (position >= 0 && char.IsWhiteSpace(text[position]))
        {
            position--;
        }

        if (position < 1 || text[position] is not ('.' or '．' or '、'))
        {
            return [];
        }

        var digitsEnd = position;
        while (position > 0 && char.IsAsciiDigit(text[position - 1]))
        {
            position--;
        }

        var digits = text[position..digitsEnd];
        var numbers = new List<int>();
        for (var length = 1; length <= Math.Min(2, digits.Length); length++)
        {
            var suffix = digits[^length..];
            if (WellFormed(suffix) && suffix != "0")
            {
                numbers.Add(int.Parse(suffix, NumberStyles.None, CultureInfo.InvariantCulture));
            }
        }

        return numbers;
    }

    /// <summary>The groups of ASCII digits after the row's label and unit, separated by blanks, up to anything else.</summary>
    private static List<(int Start, string Digits)> DigitGroups(string text, int position)
    {
        var groups = new List<(int Start, string Digits)>();
        while (true)
        {
            var start = position;
            while (start < text.Length && text[start] is ' ' or '\t' or '\u3000' or '\r' or '\n' or '\u00A0')
            {
                start++;
            }

            var end = start;
            while (end < text.Length && char.IsAsciiDigit(text[end]))
            {
                end++;
            }

            if (end == start)
            {
                return groups;
            }

            groups.Add((start, text[start..end]));
            position = end;
        }
    }

    /// <summary>This year's value when (year, cumulative) are well-formed numbers with year ≤ cumulative.</summary>
    private static decimal? Pair(string year, string cumulative)
    {
        if (!WellFormed(year) || !WellFormed(cumulative) || year.Length > 15 || cumulative.Length > 15)
        {
            return null;
        }

        var value = decimal.Parse(year, NumberStyles.None, CultureInfo.InvariantCulture);
        return value <= decimal.Parse(cumulative, NumberStyles.None, CultureInfo.InvariantCulture) ? value : null;
    }

    /// <summary>The row as printed, label to the end of its digits (for a warning).</summary>
    private static string Printed(string text, Match row)
    {
        var groups = DigitGroups(text, row.Index + row.Length);
        var end = groups.Count == 0 ? row.Index + row.Length : groups[^1].Start + groups[^1].Digits.Length;
        return text[row.Index..Math.Min(end, row.Index + 60)];
    }

    private static bool WellFormed(string digits) => digits.Length > 0 && (digits == "0" || digits[0] != '0');

    [GeneratedRegex(@"(\d{4})\s*年\s*度?\s*历\s*年\s*累\s*计")]
    private static partial Regex Header();

    private const string Unit = @"\s*(?:[（(]\s*)?[条件个次项]?(?:\s*[)）])?";

    [GeneratedRegex(@"受\s*理\s*依\s*申\s*请\s*公\s*开\s*信\s*息\s*总\s*数" + Unit)]
    private static partial Regex NewRequestsRow();

    [GeneratedRegex(@"对\s*申\s*请\s*的\s*答\s*复\s*(?:总\s*)?数" + Unit)]
    private static partial Regex ProcessedRow();

    [GeneratedRegex(@"(?<!不\s*)同\s*意\s*公\s*开\s*答\s*复\s*数" + Unit)]
    private static partial Regex GrantedRow();

    [GeneratedRegex(@"同\s*意\s*部\s*分\s*公\s*开\s*答\s*复\s*数" + Unit)]
    private static partial Regex PartiallyGrantedRow();

    [GeneratedRegex(@"行\s*政\s*复\s*议\s*数" + Unit)]
    private static partial Regex ReviewRow();
}
