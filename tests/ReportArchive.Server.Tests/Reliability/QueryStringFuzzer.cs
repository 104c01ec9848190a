using System.Text;

namespace ReportArchive.Server.Tests.Reliability;

/// <summary>
/// Seeded generator of hostile query strings for <c>/api/search</c> and <c>/api/stats</c>: random Unicode (lone
/// surrogates, control characters, NUL), FTS5 syntax (operators, column filters, NEAR, *, ^, braces), unbalanced and
/// deeply nested quotes and parentheses, huge values, raw reserved characters and invalid percent-encoding, repeated
/// and unknown parameters. Returns the raw query string (without '?') exactly as it goes on the wire.
/// </summary>
internal sealed class QueryStringFuzzer(int seed)
{
    private static readonly string[] Words = ["行政诉讼", "郑州", "政府信息公开", "依申请公开", "工信局", "2021年", "行政復議", "年度报告", "a", "x1"];
    private static readonly string[] FtsSyntax = ["AND", "OR", "NOT", "NEAR(", "NEAR/3", ")", "(", "*", "^", ":", "\"", "{", "}", "-", "+", "report_index:", "title:", "{title agency}:", "'", "\\", ";", "--", "/*", "%", "_"];
    private static readonly string[] Figures = ["requests.new.total", "review.total", "rates.disclosure", "litigationDirect.total", "nope", "", "requests", "requests.new.total.x"];
    private static readonly string[] Operators = [">", ">=", "<", "<=", "=", "==", "=>", "<>", "!", ""];
    private static readonly string[] Parameters = ["q", "year", "province", "city", "county", "region", "agencyType", "level", "checks", "figure", "page", "pageSize", "groupBy", "unknown", "", "Q", "q[]"];

    private readonly Random _random = new(seed);

    public string Next(bool forStatistics)
    {
        var parts = new List<string>();
        if (forStatistics && _random.Next(10) > 0)
        {
            parts.Add("figure=requests.new.total"); // the statistic, so the rest of the query is what gets tested
        }

        var count = _random.Next(0, 6);
        for (var i = 0; i < count; i++)
        {
            var name = Parameters[_random.Next(Parameters.Length)];
            parts.Add(Encode(name) + (_random.Next(15) == 0 ? "" : "=" + Encode(Value(name))));
        }

        if (_random.Next(20) == 0)
        {
            parts.Add(InvalidPercent()); // a bare broken fragment
        }

        return string.Join(_random.Next(30) == 0 ? "&&" : "&", parts);
    }

    private string Value(string name) => name switch
    {
        "q" or "Q" => Query(),
        "year" => Pick(["2021", "2019..2021", "2021..2019", "..", "0", "-1", "99999999999", "2021..", "二〇二一", Text(6)]),
        "page" or "pageSize" => Pick(["0", "1", "-1", "100", "101", "2147483648", "1e3", " 5 ", "0x10", "", Text(4)]),
        "checks" => Pick(["passed", "failed", "PASSED", "", Text(5)]),
        "figure" => Pick(Figures) + Pick(Operators) + Pick(["0", "10", "-5", "1.5", "NaN", "∞", "99999999999999999999", "", Text(3)]),
        "groupBy" => Pick(["year", "province", "city", "agencyType", "level", "county", "", Text(5)]),
        _ => _random.Next(3) == 0 ? Query() : Text(_random.Next(0, 12)),
    };

    private string Query()
    {
        switch (_random.Next(12))
        {
            case 0:
                return new string(Pick(['(', '"', ')', '-']), _random.Next(1, 3000)); // deep nesting, unbalanced
            case 1:
                return string.Concat(Enumerable.Repeat(Pick(Words) + " ", _random.Next(100, 400))); // long, maybe over 1,000 characters
            case 2:
                return Text(_random.Next(1, 40));
            case 3:
                return "\"" + Pick(Words) + Pick(["。", "《", "》", "、", "\0", "\"", ""]) + Pick(Words) + Pick(["\"", ""]);
            case 4:
                return new string('(', _random.Next(1, 200)) + Pick(Words) + new string(')', _random.Next(0, 200));
            default:
                var builder = new StringBuilder();
                var tokens = _random.Next(1, 10);
                for (var i = 0; i < tokens; i++)
                {
                    builder.Append(_random.Next(3) switch
                    {
                        0 => Pick(FtsSyntax),
                        1 => Pick(Words),
                        _ => Text(_random.Next(1, 5)),
                    });
                    builder.Append(Pick([" ", "", "\t", "\u3000", "\0"]));
                }

                return builder.ToString();
        }
    }

    /// <summary>Random code points: any plane, controls, NUL, lone surrogates (which become invalid UTF-8 on the wire).</summary>
    private string Text(int length)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < length; i++)
        {
            switch (_random.Next(6))
            {
                case 0:
                    builder.Append((char)_random.Next(0, 0x20));
                    break;
                case 1:
                    builder.Append((char)_random.Next(0xD800, 0xE000)); // lone surrogate
                    break;
                case 2:
                    builder.Append(char.ConvertFromUtf32(_random.Next(0x10000, 0x10FFFF) is var c && c is >= 0xD800 and < 0xE000 ? 0x1F600 : c));
                    break;
                case 3:
                    builder.Append((char)_random.Next(0x4E00, 0x9FFF));
                    break;
                default:
                    builder.Append((char)_random.Next(0x20, 0xFFFF) is var ch && char.IsSurrogate(ch) ? 'z' : ch);
                    break;
            }
        }

        return builder.ToString();
    }

    /// <summary>Percent-encodes properly, leaves reserved characters raw, or breaks the encoding.</summary>
    private string Encode(string value)
    {
        switch (_random.Next(10))
        {
            case 0:
                return value + InvalidPercent();
            case 1:
                return value.Replace(" ", "+", StringComparison.Ordinal); // raw, '&', '=', '#' included
            default:
                var bytes = Encoding.UTF8.GetBytes(value); // lone surrogates become EF BF BD; add real invalid UTF-8 below
                var builder = new StringBuilder();
                foreach (var b in bytes)
                {
                    builder.Append(b is >= (byte)'a' and <= (byte)'z' or >= (byte)'0' and <= (byte)'9' ? ((char)b).ToString() : $"%{b:X2}");
                }

                if (_random.Next(5) == 0)
                {
                    builder.Append(Pick(["%C0%AF", "%ED%A0%80", "%FF", "%E4%B8", "%00", "%F4%90%80%80"])); // overlong, surrogate, invalid, truncated, NUL, beyond U+10FFFF
                }

                return builder.ToString();
        }
    }

    private string InvalidPercent() => Pick(["%", "%Z", "%zz", "%4", "%%", "%E4%B8", "%u4E2D", "%ED%A0%80", "%00"]);

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];
}
