using System.IO.Compression;
using System.Text;
using ReportArchive.Corpus.Reports;

namespace ReportArchive.Tests.Reliability;

/// <summary>
/// Seeded generator of the files an archive gets from the wild: random bytes, truncated UTF-8, UTF-16 without a
/// byte-order mark, GBK, empty, a zip renamed .txt, a report with its paragraphs (tables included) shuffled, NUL
/// padding, control characters, and plain good reports. Each file's kind is its name's prefix.
/// </summary>
internal sealed class HostileFileGenerator(int seed)
{
    public const int Kinds = 11;

    private readonly Random _random = new(seed);
    private readonly ReportCorpusGenerator _reports = new(seed);

    public IEnumerable<(string Name, byte[] Bytes)> Generate(int count)
    {
        using var reports = _reports.Generate(int.MaxValue).GetEnumerator();
        for (var i = 0; i < count; i++)
        {
            reports.MoveNext();
            var text = reports.Current.Text;
            var kind = i % Kinds;
            var extension = _random.Next(4) == 0 ? ".md" : ".txt";
            var name = $"{kind:00}-{KindName(kind)}-{i:00000}{extension}";
            yield return (name, Bytes(kind, text));
        }
    }

    private static string KindName(int kind) => kind switch
    {
        0 => "random-bytes", 1 => "truncated-utf8", 2 => "utf16-no-bom", 3 => "gbk", 4 => "empty", 5 => "zip",
        6 => "shuffled", 7 => "nul-padded", 8 => "controls", 9 => "utf16be-no-bom", _ => "good",
    };

    private byte[] Bytes(int kind, string text)
    {
        switch (kind)
        {
            case 0:
                var random = new byte[_random.Next(1, 64 * 1024)];
                _random.NextBytes(random);
                return random;
            case 1:
                var utf8 = Encoding.UTF8.GetBytes(text);
                var cut = _random.Next(1, utf8.Length);
                while (cut < utf8.Length && (utf8[cut] & 0xC0) == 0x80 && cut > 1 && _random.Next(2) == 0)
                {
                    cut--; // sometimes a clean cut, mostly inside a character
                }

                return utf8[..cut];
            case 2:
                return new UnicodeEncoding(bigEndian: false, byteOrderMark: false).GetBytes(text);
            case 3:
                Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
                return Encoding.GetEncoding("GBK").GetBytes(text);
            case 4:
                return _random.Next(2) == 0 ? [] : Encoding.UTF8.GetBytes(new string(' ', _random.Next(1, 100)) + "\n\r\t");
            case 5:
                using (var buffer = new MemoryStream())
                {
                    using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
                    {
                        var entry = zip.CreateEntry("report.txt");
                        using var stream = entry.Open();
                        stream.Write(Encoding.UTF8.GetBytes(text));
                    }

                    return buffer.ToArray();
                }

            case 6:
                var paragraphs = text.Split("\n\n");
                _random.Shuffle(paragraphs);
                var lines = string.Join("\n\n", paragraphs).Split('\n');
                if (_random.Next(2) == 0)
                {
                    _random.Shuffle(lines); // every line, table rows included
                }

                return Encoding.UTF8.GetBytes(string.Join('\n', lines));
            case 7:
                return [.. Encoding.UTF8.GetBytes(text), .. new byte[_random.Next(1, 4096)]];
            case 8:
                var noisy = new StringBuilder(text);
                for (var n = _random.Next(1, 50); n > 0; n--)
                {
                    noisy.Insert(_random.Next(noisy.Length), (char)_random.Next(0, 0x20));
                }

                return Encoding.UTF8.GetBytes(noisy.ToString());
            case 9:
                return new UnicodeEncoding(bigEndian: true, byteOrderMark: false).GetBytes(text);
            default:
                return Encoding.UTF8.GetBytes(text);
        }
    }
}
