using System.Globalization;
using System.Text;

namespace ReportArchive.Server.Tests.Reliability;

/// <summary>
/// Seeded, repeatable well-framed uploads whose content varies where clients differ: the Content-Type (none, the form
/// type curl --data-binary sends, the format types with and without charsets, multipart with and without a boundary,
/// types that mean nothing), the file name (none, every supported extension, unsupported ones, none at all, paths,
/// control characters, Chinese, 5,000 characters), the encoding of the text (UTF-8 with and without a BOM, GBK, Big5,
/// UTF-16 both ways, invalid bytes, random bytes, form-looking text with a 3,000-character key), the size (empty to
/// over the body limit) and multipart bodies cut short at any byte. Each case says what the server must answer when
/// that is determined (<see cref="Case.Expected"/>); otherwise any 2xx or 4xx problem+json will do.
/// </summary>
internal sealed class UploadContentFuzzer
{
    public const int BodyLimit = 262_144;

    private static readonly string[] SupportedNames = ["r.txt", "r.md", "r.html", "r.htm", "R.TXT", "报告.txt", "年度报告 2022.txt"];
    private static readonly string[] OddNames =
        ["r.exe", "r", "", " ", ".", "..", "...", "../../r.txt", "a/b\\c.txt", "C:\\r.txt", "r.txt\u0000.html", "r\r\nX-Injected: 1.txt", "\u202Etxt.exe", "r.docx", "r.pdf", "r.txt.", "%2e%2e%2fr.txt"];

    private static readonly string[] FormatTypes =
    [
        "text/plain", "text/plain; charset=utf-8", "text/plain; charset=gbk", "text/plain; charset=big5", "text/plain; charset=bogus",
        "text/html", "text/html; charset=gb2312", "text/markdown", "application/pdf",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ];

    private static readonly string[] OtherTypes =
    [
        "application/x-www-form-urlencoded", "application/x-www-form-urlencoded; charset=UTF-8", "application/octet-stream",
        "application/json", "image/png", "text/", "garbage", ";;;", "multipart/mixed; boundary=x", "multipart/form-data",
        "multipart/form-data; boundary=", "text/csv", "*/*",
    ];

    private readonly Random _random;
    private int _number;

    static UploadContentFuzzer() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public UploadContentFuzzer(int seed) => _random = new Random(seed);

    /// <summary>
    /// One upload: its query string, Content-Type (null: none), body; and the status it must get when it is determined
    /// (a raw report under a supported name: 201 or 200 whatever the type; an unsupported extension: 415; over the
    /// limit: 413), else null.
    /// </summary>
    public sealed record Case(string Kind, string Query, string? ContentType, byte[] Body, int[]? Expected);

    public Case Next()
    {
        _number++;
        return _random.Next(10) switch
        {
            < 4 => RawWithName(),
            < 6 => RawWithoutName(),
            < 9 => Multipart(),
            _ => Oversized(),
        };
    }

    /// <summary>A report text, one of a few dozen (so most uploads after the first are repeats of stored bytes).</summary>
    private string ReportText() =>
        $"模糊测试第{_random.Next(40)}局2022年政府信息公开工作年度报告\n一、总体情况\n本年度主动公开政府信息{_random.Next(40)}条。\n二、主动公开政府信息情况\n行政诉讼0件。\n";

    private (string Kind, byte[] Bytes, bool ReadableReport) Body()
    {
        var text = ReportText();
        return _random.Next(12) switch
        {
            0 => ("utf-8", Encoding.UTF8.GetBytes(text), true),
            1 => ("utf-8 with a BOM", [.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes(text)], true),
            2 => ("gbk", Encoding.GetEncoding("GBK").GetBytes(text), true),
            3 => ("big5", Encoding.GetEncoding("big5").GetBytes(text), false), // simplified characters Big5 lacks become '?'
            4 => ("utf-16le with a BOM", [.. Encoding.Unicode.Preamble, .. Encoding.Unicode.GetBytes(text)], true),
            5 => ("utf-16be", Encoding.BigEndianUnicode.GetBytes(text), false),
            6 => ("utf-8 with invalid bytes", [.. Encoding.UTF8.GetBytes(text), 0xFF, 0xFE, 0xC0, 0x80, .. Encoding.UTF8.GetBytes(text)], false),
            7 => ("random bytes", RandomBytes(_random.Next(1, 4000)), false),
            8 => ("empty", [], false),
            9 => ("form-looking text", Encoding.ASCII.GetBytes(new string('k', 3000) + "=v&a=b&" + string.Concat(Enumerable.Repeat("x=1&", 2000))), false),
            10 => ("one byte", [(byte)_random.Next(256)], false),
            _ => ("a large report", Encoding.UTF8.GetBytes(text + string.Concat(Enumerable.Repeat("本年度依申请公开政府信息情况说明。", _random.Next(100, 4000)))), true),
        };
    }

    private string Name(out bool supported)
    {
        if (_random.Next(3) > 0)
        {
            supported = true;
            return SupportedNames[_random.Next(SupportedNames.Length)];
        }

        supported = false;
        return _random.Next(8) == 0 ? new string('长', 5000) + ".txt" : OddNames[_random.Next(OddNames.Length)];
    }

    private string? AnyType() => _random.Next(3) switch
    {
        0 => null,
        1 => FormatTypes[_random.Next(FormatTypes.Length)],
        _ => OtherTypes[_random.Next(OtherTypes.Length)],
    };

    private Case RawWithName()
    {
        var (kind, bytes, readable) = Body();
        var name = Name(out var supported);
        var type = AnyType();
        var multipart = type is not null && type.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase);
        var extension = Path.GetExtension(name.Trim());
        int[]? expected =
            supported && readable && !multipart && name is not ("r.md" or "r.html" or "r.htm") ? [201, 200]
            : name is "r.exe" && !multipart ? [415]
            : null;
        return new Case($"raw {kind} named {(supported ? extension : "oddly")} as {type ?? "no type"}", "name=" + Uri.EscapeDataString(name), type, bytes, expected);
    }

    private Case RawWithoutName()
    {
        var (kind, bytes, readable) = Body();
        var type = AnyType();
        int[]? expected = type switch
        {
            "text/plain" or "text/plain; charset=utf-8" when readable && kind != "utf-16le with a BOM" || type == "text/plain" && readable => [201, 200],
            null or "application/octet-stream" or "application/json" or "image/png" or "garbage" => [400],
            _ => null,
        };
        return new Case($"raw {kind} without a name as {type ?? "no type"}", "", type, bytes, expected);
    }

    private Case Multipart()
    {
        var (kind, bytes, _) = Body();
        var boundary = "fz" + _random.Next(100_000, 999_999).ToString(CultureInfo.InvariantCulture);
        var name = Name(out _);
        var partType = AnyType() ?? "application/octet-stream";
        var fileName = _random.Next(4) == 0 ? "" : $"; filename=\"{name.Replace("\"", "", StringComparison.Ordinal).Replace("\r", "", StringComparison.Ordinal).Replace("\n", "", StringComparison.Ordinal)}\"";
        var field = _random.Next(8) == 0 ? "other" : "file";
        var head = Encoding.UTF8.GetBytes($"--{boundary}\r\nContent-Disposition: form-data; name=\"{field}\"{fileName}\r\nContent-Type: {partType}\r\n\r\n");
        var tail = Encoding.UTF8.GetBytes(
            (_random.Next(3) == 0 ? $"\r\n--{boundary}\r\nContent-Disposition: form-data; name=\"sourceUrl\"\r\n\r\n{(_random.Next(2) == 0 ? "https://example.org/r" : "javascript:alert(1)")}" : "")
            + $"\r\n--{boundary}--\r\n");
        byte[] body = [.. head, .. bytes, .. tail];
        var truncated = _random.Next(3) == 0;
        if (truncated)
        {
            body = body[.._random.Next(0, body.Length)]; // cut anywhere: in the boundary, the headers, the file or the closing boundary
        }

        return new Case($"multipart {kind}{(truncated ? " cut short" : "")}", _random.Next(5) == 0 ? "name=" + Uri.EscapeDataString(name) : "",
            $"multipart/form-data; boundary={boundary}", body, null);
    }

    private Case Oversized()
    {
        var bytes = Encoding.UTF8.GetBytes(ReportText() + new string('文', BodyLimit / 3 + _random.Next(1, 50_000)));
        return new Case("over the body limit", "name=big.txt", AnyType(), bytes, [413]);
    }

    private byte[] RandomBytes(int length)
    {
        var bytes = new byte[length];
        _random.NextBytes(bytes);
        return bytes;
    }
}
