using System.IO.Compression;
using System.Security;
using System.Text;
using ReportArchive.Corpus.Reports;

namespace ReportArchive.Corpus.Documents;

/// <summary>
/// Seeded generator of malformed documents, the structure an upload can carry: .docx packages nested deep, zip bombs
/// (honest and lying sizes), missing parts, bad XML, a DTD, wrong content types, truncated or flipped zips, too many
/// entries; .html nested deep, with huge attributes, bad entities, unclosed tags; .pdf truncated or garbage. Good
/// .docx and .html reports are mixed in. Each file's kind is its name's prefix (<c>d03-zip-bomb-00042.docx</c>);
/// <see cref="MustBeRejected"/> tells the kinds no reader may accept.
/// </summary>
public sealed class HostileDocumentGenerator(int seed, bool large = false)
{
    private static readonly string[] KindNames =
    [
        "d00-good", "d01-deep-content-controls", "d02-zip-bomb", "d03-lying-sizes", "d04-missing-document",
        "d05-missing-content-types", "d06-bad-xml", "d07-wrong-content-type", "d08-truncated", "d09-flipped-bytes",
        "d10-dtd-entities", "d11-many-entries", "d12-no-body", "d13-deep-tables", "d14-garbage",
        "h00-good", "h01-deep-divs", "h02-huge-attribute", "h03-bad-entities", "h04-unclosed-tags", "h05-deep-tables",
        "p00-truncated", "p01-garbage-after-header", "p02-not-a-pdf",
    ];

    private readonly Random _random = new(seed);
    private readonly ReportCorpusGenerator _reports = new(seed);

    public static int Kinds => KindNames.Length;

    /// <summary>True for a file whose kind no reader may accept (the good kinds and damaged-but-maybe-readable ones are false).</summary>
    public static bool MustBeRejected(string fileName) =>
        fileName[..3] is "d01" or "d02" or "d03" or "d04" or "d05" or "d06" or "d10" or "d11" or "d12" or "d14" or "h01" or "p02";

    public IEnumerable<(string Name, byte[] Bytes)> Generate(int count)
    {
        using var reports = _reports.Generate(int.MaxValue).GetEnumerator();
        for (var i = 0; i < count; i++)
        {
            reports.MoveNext();
            var kind = KindNames[i % KindNames.Length];
            var extension = kind[0] switch { 'd' => ".docx", 'h' => _random.Next(2) == 0 ? ".html" : ".htm", _ => ".pdf" };
            yield return ($"{kind}-{i:00000}{extension}", Bytes(kind[..3], reports.Current.Text));
        }
    }

    private int Depth => large ? 100_000 : 20_000 + _random.Next(20_000);

    private byte[] Bytes(string kind, string text)
    {
        switch (kind)
        {
            case "d00": return Docx(DocumentXml(text));
            case "d01": return Docx(DocumentXml(Nested("<w:sdt><w:sdtContent>", "</w:sdtContent></w:sdt>", Depth, Paragraph("深"))));
            case "d02": return Docx(DocumentXml(text), padding: (large ? 1024L : 40) * 1024 * 1024); // 1 GB (or 40 MB) of spaces after the root
            case "d03": return LyingSizes(Docx(DocumentXml(text + new string('报', 12 * 1024 * 1024))));
            case "d04": return Docx(null);
            case "d05": return Docx(DocumentXml(text), contentTypes: false);
            case "d06": return Docx(DocumentXml(text)[..^_random.Next(1, 200)] + "<w:p><w:r><w:t>&bogus;</w:t>");
            case "d07": return Docx(DocumentXml(text), mainContentType: "application/xml");
            case "d08":
                var whole = Docx(DocumentXml(text));
                return whole[.._random.Next(1, whole.Length - 1)];
            case "d09":
                var flipped = Docx(DocumentXml(text));
                for (var n = _random.Next(1, 16); n > 0; n--)
                {
                    flipped[_random.Next(flipped.Length)] ^= (byte)(1 << _random.Next(8));
                }

                return flipped;
            case "d10":
                return Docx("<?xml version=\"1.0\"?><!DOCTYPE w:document [<!ENTITY a \"哈哈哈哈哈哈哈哈\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;\">]>"
                    + DocumentXml("&c;&c;&c;&c;")[DocumentXml("").IndexOf("<w:document", StringComparison.Ordinal)..].Replace("&amp;c;", "&c;", StringComparison.Ordinal));
            case "d11": return Docx(DocumentXml(text), extraEntries: 2_500);
            case "d12": return Docx("<?xml version=\"1.0\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"></w:document>");
            case "d13": return Docx(DocumentXml(Nested("<w:tbl><w:tr><w:tc>", Paragraph("表") + "</w:tc></w:tr></w:tbl>", 300 + _random.Next(5_000), Paragraph(text[..Math.Min(200, text.Length)]))));
            case "d14":
                var garbage = new byte[_random.Next(1, 8192)];
                _random.NextBytes(garbage);
                "PK\u0003\u0004"u8.CopyTo(garbage);
                return garbage;
            case "h00": return Html(HtmlBody(text));
            case "h01": return Html(Nested("<div>", "</div>", Depth, "深") + HtmlBody(text));
            case "h02": return Html($"<p title=\"{new string('长', (large ? 8 : 1) * 1024 * 1024)}\">属性</p>" + HtmlBody(text));
            case "h03": return Html(HtmlBody(text) + string.Concat(Enumerable.Range(0, 2_000).Select(n => n % 3 == 0 ? "&#xFFFFFFFF;" : n % 3 == 1 ? "&#0;&bogus" : "&#55296;")));
            case "h04": return Html(string.Concat(Enumerable.Range(0, 3_000).Select(n => n % 2 == 0 ? "<b><i><font>" : "<p><li><td>")) + HtmlBody(text));
            case "h05": return Html(Nested("<table><tr><td>", "</td></tr></table>", large ? 50_000 : 2_000 + _random.Next(8_000), HtmlBody(text)));
            case "p00":
                var pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n3 0 obj\n<< /Type /Page /Parent 2 0 R /Contents 4 0 R >>\nendobj\n4 0 obj\n<< /Length 99999 >>\nstream\nBT /F1 12 Tf (hello) Tj ET\n");
                return pdf[.._random.Next(6, pdf.Length)];
            case "p01":
                var noise = new byte[_random.Next(8, 16_384)];
                _random.NextBytes(noise);
                "%PDF-1.4\n"u8.CopyTo(noise);
                return noise;
            default:
                return Encoding.UTF8.GetBytes(text); // a text report named .pdf
        }
    }

    private static string Nested(string open, string close, int depth, string inner)
    {
        var builder = new StringBuilder((open.Length + close.Length) * depth + inner.Length);
        for (var i = 0; i < depth; i++)
        {
            builder.Append(open);
        }

        builder.Append(inner);
        for (var i = 0; i < depth; i++)
        {
            builder.Append(close);
        }

        return builder.ToString();
    }

    private static string Paragraph(string text) => $"<w:p><w:r><w:t xml:space=\"preserve\">{SecurityElement.Escape(text)}</w:t></w:r></w:p>";

    private static string DocumentXml(string textOrBody)
    {
        var body = textOrBody.StartsWith('<') ? textOrBody : string.Concat(textOrBody.Split('\n').Select(Paragraph));
        return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>"
            + body + "</w:body></w:document>";
    }

    private static byte[] Docx(string? documentXml, bool contentTypes = true, string mainContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml", int extraEntries = 0, long padding = 0)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            if (contentTypes)
            {
                Add(zip, "[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                    + $"<Override PartName=\"/word/document.xml\" ContentType=\"{mainContentType}\"/></Types>");
            }

            Add(zip, "_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>");
            if (documentXml is not null)
            {
                Add(zip, "word/document.xml", documentXml, padding);
            }

            for (var i = 0; i < extraEntries; i++)
            {
                Add(zip, $"word/media/extra{i}.bin", "x");
            }
        }

        return buffer.ToArray();
    }

    /// <summary>An entry of the content, then <paramref name="padding"/> spaces (streamed: a bomb never sits in memory).</summary>
    private static void Add(ZipArchive zip, string name, string content, long padding = 0)
    {
        using var stream = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
        stream.Write(Encoding.UTF8.GetBytes(content));
        var spaces = new byte[1024 * 1024];
        Array.Fill(spaces, (byte)' ');
        for (var left = padding; left > 0; left -= spaces.Length)
        {
            stream.Write(spaces, 0, (int)Math.Min(left, spaces.Length));
        }
    }

    /// <summary>Every entry's headers claim 1 KB inflated, whatever it inflates to.</summary>
    private static byte[] LyingSizes(byte[] zip)
    {
        for (var i = 0; i + 30 < zip.Length; i++)
        {
            if (zip[i] == 'P' && zip[i + 1] == 'K' && zip[i + 2] == 1 && zip[i + 3] == 2)
            {
                BitConverter.TryWriteBytes(zip.AsSpan(i + 24, 4), 1024); // central directory: uncompressed size
            }
            else if (zip[i] == 'P' && zip[i + 1] == 'K' && zip[i + 2] == 3 && zip[i + 3] == 4)
            {
                BitConverter.TryWriteBytes(zip.AsSpan(i + 22, 4), 1024); // local header: uncompressed size
            }
        }

        return zip;
    }

    private static string HtmlBody(string text) =>
        string.Concat(text.Split('\n').Select(line => line.Contains('\t', StringComparison.Ordinal)
            ? "<table><tr>" + string.Concat(line.Split('\t').Select(c => $"<td>{SecurityElement.Escape(c)}</td>")) + "</tr></table>"
            : $"<p>{SecurityElement.Escape(line)}</p>"));

    private static byte[] Html(string body) =>
        Encoding.UTF8.GetBytes($"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>报告</title></head><body>{body}</body></html>");
}
