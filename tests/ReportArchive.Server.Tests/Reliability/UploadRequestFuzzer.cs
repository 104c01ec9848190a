using System.Globalization;
using System.Text;

namespace ReportArchive.Server.Tests.Reliability;

/// <summary>
/// Seeded, repeatable malformed uploads as raw bytes for <c>POST /api/reports</c>: framing (Content-Length lies,
/// both framings at once, duplicate lengths), chunked errors (bad sizes, missing line ends, missing terminator, bad
/// extensions), bad headers (no colon, control characters, huge values, very many), multipart variants (no or long
/// or quoted boundary, missing closing boundary, huge or broken part headers, too many fields, no file part, nested),
/// bodies cut short by the client closing, trickled bodies, and a few well-formed uploads among them.
/// </summary>
internal sealed class UploadRequestFuzzer(int seed, string key)
{
    private static readonly string[] Names = ["r.txt", "r.md", "r.html", "r.docx", "r.pdf", "r.exe", "", "..%2F..%2Fr.txt", "%E6%8A%A5%E5%91%8A.txt", "r.txt%00.html"];

    private readonly Random _random = new(seed);
    private int _number;

    /// <summary>One case: its kind, the pieces to send, the pause between them, and whether the client then closes its side.</summary>
    public sealed record Case(string Kind, IReadOnlyList<byte[]> Pieces, TimeSpan Pause, bool CloseAfterSending);

    public Case Next()
    {
        _number++;
        return _random.Next(9) switch
        {
            0 => LengthLie(),
            1 => ChunkedError(),
            2 => BadHeaders(),
            3 or 4 => MultipartVariant(),
            5 => Truncated(),
            6 => Trickled(),
            7 => Framing(),
            _ => WellFormed(),
        };
    }

    private byte[] Report() => Encoding.UTF8.GetBytes(
        $"模糊测试局{_number % 97}号2022年政府信息公开工作年度报告\n一、总体情况\n本年度主动公开政府信息{_number}条。种子{seed}\n");

    private string Head(string extra, string? name = null, bool withKey = true) =>
        $"POST /api/reports?name={name ?? Names[_random.Next(Names.Length)]} HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        + (withKey || _random.Next(10) > 0 ? $"Authorization: Bearer {key}\r\n" : "")
        + extra + "\r\n";

    private static Case One(string kind, string head, byte[] body, bool close = true) =>
        new(kind, [[.. Encoding.UTF8.GetBytes(head), .. body]], TimeSpan.Zero, close);

    private Case LengthLie()
    {
        var body = Report();
        var claimed = _random.Next(3) switch
        {
            0 => body.Length + _random.Next(1, 5000),
            1 => Math.Max(0, body.Length - _random.Next(1, body.Length)),
            _ => _random.Next(0, 10),
        };
        return One("Content-Length lie", Head($"Content-Length: {claimed}\r\n"), body);
    }

    private Case ChunkedError()
    {
        var body = Report();
        var hex = body.Length.ToString("x", CultureInfo.InvariantCulture);
        var chunked = _random.Next(9) switch
        {
            0 => $"zz\r\n{Latin(body)}\r\n0\r\n\r\n",
            1 => $"{hex}\r\n{Latin(body)}0\r\n\r\n", // no line end after the data
            2 => $"{hex}\r\n{Latin(body)}\r\n", // no last chunk
            3 => $"-{hex}\r\n{Latin(body)}\r\n0\r\n\r\n",
            4 => $"ffffffffffffffffff\r\n{Latin(body)}\r\n0\r\n\r\n",
            5 => $"{hex};{new string('e', _random.Next(1, 9000))}\r\n{Latin(body)}\r\n0\r\n\r\n",
            6 => $"{hex}\n{Latin(body)}\n0\n\n",
            7 => $"{(body.Length + 100).ToString("x", CultureInfo.InvariantCulture)}\r\n{Latin(body)}\r\n0\r\n\r\n",
            _ => $"{hex}\r\n{Latin(body)}\r\n0\r\nTrailer: {new string('t', _random.Next(1, 40_000))}\r\n\r\n",
        };
        return One("chunked error", Head("Transfer-Encoding: chunked\r\n"), Encoding.Latin1.GetBytes(chunked));
    }

    private Case BadHeaders()
    {
        var body = Report();
        var header = _random.Next(8) switch
        {
            0 => "NoColonHere\r\n",
            1 => $"X-Bad: a\u0001b\u007f\r\n",
            2 => $"X-Huge: {new string('h', _random.Next(20_000, 80_000))}\r\n",
            3 => string.Concat(Enumerable.Range(0, _random.Next(100, 400)).Select(i => $"X-Many-{i}: v\r\n")),
            4 => "Content-Type: \r\n",
            5 => $"Content-Type: {new string('x', 5000)}/{new string('y', 5000)}\r\n",
            6 => "Content-Type: text/plain; charset=\"\r\n",
            _ => " folded: header\r\n",
        };
        return One("bad header", Head(header + $"Content-Length: {body.Length}\r\n"), body, close: false);
    }

    private Case MultipartVariant()
    {
        var report = Latin(Report());
        var b = "fz" + _random.Next(1000, 9999);
        var file = $"--{b}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"m{_number}.txt\"\r\nContent-Type: text/plain\r\n\r\n{report}\r\n";
        var (kind, contentType, body) = _random.Next(12) switch
        {
            0 => ("multipart without a boundary", "multipart/form-data", file + $"--{b}--\r\n"),
            1 => ("multipart with a long boundary", $"multipart/form-data; boundary={new string('b', _random.Next(71, 2000))}", file + $"--{b}--\r\n"),
            2 => ("multipart with a quoted boundary", $"multipart/form-data; boundary=\"{b}\"", file + $"--{b}--\r\n"),
            3 => ("multipart without its closing boundary", $"multipart/form-data; boundary={b}", file),
            4 => ("multipart with a huge part header", $"multipart/form-data; boundary={b}",
                $"--{b}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"h.txt\"\r\nX-H: {new string('h', _random.Next(100, 40_000))}\r\n\r\n{report}\r\n--{b}--\r\n"),
            5 => ("multipart with too many fields", $"multipart/form-data; boundary={b}",
                string.Concat(Enumerable.Range(0, _random.Next(1025, 3000)).Select(i => $"--{b}\r\nContent-Disposition: form-data; name=\"f{i}\"\r\n\r\nv\r\n")) + file + $"--{b}--\r\n"),
            6 => ("multipart without a file part", $"multipart/form-data; boundary={b}", $"--{b}\r\nContent-Disposition: form-data; name=\"sourceUrl\"\r\n\r\nhttp://example.org/\r\n--{b}--\r\n"),
            7 => ("multipart with a broken part header", $"multipart/form-data; boundary={b}", $"--{b}\r\nContent-Disposition form-data name=file\r\n\r\n{report}\r\n--{b}--\r\n"),
            8 => ("nested multipart", $"multipart/form-data; boundary={b}",
                $"--{b}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"n.txt\"\r\nContent-Type: multipart/mixed; boundary=inner\r\n\r\n--inner\r\n\r\n{report}\r\n--inner--\r\n\r\n--{b}--\r\n"),
            9 => ("multipart with a bad file name", $"multipart/form-data; boundary={b}",
                $"--{b}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"../../\u0000\u202E.txt\"; filename*=UTF-8''%FF%FE\r\n\r\n{report}\r\n--{b}--\r\n"),
            10 => ("multipart with a bad sourceUrl", $"multipart/form-data; boundary={b}",
                file + $"--{b}\r\nContent-Disposition: form-data; name=\"sourceUrl\"\r\n\r\njavascript:alert(1)\r\n--{b}--\r\n"),
            _ => ("multipart with garbage", $"multipart/form-data; boundary={b}", RandomText(_random.Next(1, 3000))),
        };
        var bytes = Encoding.Latin1.GetBytes(body);
        return One(kind, Head($"Content-Type: {contentType}\r\nContent-Length: {bytes.Length}\r\n", "m.txt"), bytes, close: false);
    }

    private Case Truncated()
    {
        var body = Report();
        var cut = _random.Next(0, body.Length);
        return _random.Next(2) == 0
            ? One("truncated body", Head($"Content-Length: {body.Length}\r\n"), body[..cut])
            : One("truncated chunked body", Head("Transfer-Encoding: chunked\r\n"), Encoding.Latin1.GetBytes($"{body.Length:x}\r\n{Latin(body[..cut])}"));
    }

    private Case Trickled()
    {
        var body = Report();
        var head = Encoding.UTF8.GetBytes(Head($"Content-Length: {body.Length}\r\n", "trickle.txt"));
        var pieces = new List<byte[]> { head };
        var size = Math.Max(1, body.Length / _random.Next(3, 8));
        for (var i = 0; i < body.Length; i += size)
        {
            pieces.Add(body[i..Math.Min(body.Length, i + size)]);
        }

        var truncated = _random.Next(3) == 0;
        return new Case(truncated ? "trickled then cut" : "trickled body", truncated ? pieces[..^1] : pieces, TimeSpan.FromMilliseconds(_random.Next(5, 40)), truncated);
    }

    private Case Framing()
    {
        var body = Report();
        var head = _random.Next(7) switch
        {
            0 => Head($"Content-Length: {body.Length}\r\nTransfer-Encoding: chunked\r\n"),
            1 => Head($"Content-Length: {body.Length}\r\nContent-Length: {body.Length + 1}\r\n"),
            2 => Head("Content-Length: abc\r\n"),
            3 => Head("Content-Length: -5\r\n"),
            4 => Head("Transfer-Encoding: gzip, chunked\r\n"),
            5 => Head($"Content-Length: {body.Length}\r\nExpect: 100-continue\r\n"),
            _ => $"POST /api/reports?name=r.txt HTTP/1.0\r\nAuthorization: Bearer {key}\r\nContent-Length: {body.Length}\r\n\r\n",
        };
        return One("framing", head, body);
    }

    private Case WellFormed()
    {
        var body = Report();
        return One("well-formed", Head($"Content-Type: {(_random.Next(2) == 0 ? "application/x-www-form-urlencoded" : "text/plain")}\r\nContent-Length: {body.Length}\r\n", "ok.txt", withKey: true), body, close: false);
    }

    private string RandomText(int length)
    {
        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = (char)_random.Next(0, 256);
        }

        return new string(chars);
    }

    private static string Latin(byte[] bytes) => Encoding.Latin1.GetString(bytes);
}
