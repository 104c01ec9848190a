using System.Security.Cryptography;
using ReportArchive.Analysis.Normalization;
using ReportArchive.Documents;
using ReportArchive.Ingestion.Formats;

namespace ReportArchive.Ingestion;

/// <summary>
/// Reads a report file and decodes it by its extension: <c>.docx</c> (paragraphs and tables), <c>.pdf</c> (through
/// PdfPig, letters by position, or in drawing order when that reads the tables better), <c>.html</c>/<c>.htm</c>
/// (text with table cells apart), anything else as text, its encoding decided by <see cref="TextEncodingDetector"/>
/// (HTML is decoded the same way; the decision goes into the report's warnings when it is a guess or replaced bytes).
/// Rejects what cannot be a report, with the reason: empty, binary, undecodable, no Chinese text.
/// </summary>
public sealed class ReportFileReader
{
    /// <summary>The file extensions an import picks up from a folder.</summary>
    public static IReadOnlySet<string> SupportedExtensions { get; } =
        new HashSet<string>(StringComparer.OrdinalIgnoreCase) { ".txt", ".md", ".html", ".htm", ".docx", ".pdf" };

    /// <summary>The reason a file of another type is not imported.</summary>
    public static string UnsupportedTypeMessage(string path) =>
        $"unsupported file type '{Path.GetExtension(path)}' (supported: {string.Join(", ", SupportedExtensions.Order(StringComparer.Ordinal))})";

    public ReportFileReader(long maxBytes = 64L * 1024 * 1024) => MaxBytes = maxBytes;

    public long MaxBytes { get; }

    public async Task<SourceDocument> ReadAsync(string path, CancellationToken cancellationToken)
    {
        if (SpecialFileDetector.NonRegularKind(path) is { } kind)
        {
            throw new InvalidReportFileException($"not a regular file but {kind}: skipped without reading it");
        }

        var info = new FileInfo(path);
        if (info.Length > MaxBytes)
        {
            throw new InvalidReportFileException($"file too large ({info.Length:N0} bytes; the limit is {MaxBytes:N0})");
        }

        var bytes = await File.ReadAllBytesAsync(path, cancellationToken);
        return Decode(info.Name, bytes);
    }

    public SourceDocument Decode(string fileName, byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        if (bytes.Length == 0)
        {
            throw new InvalidReportFileException("empty file");
        }

        var (text, encoding, warning) = Path.GetExtension(fileName).ToLowerInvariant() switch
        {
            ".docx" => new DecodedText(DocxTextExtractor.Extract(bytes), "DOCX", null),
            ".pdf" => DecodePdf(bytes),
            ".html" or ".htm" => DecodeHtml(bytes),
            _ => TextEncodingDetector.Decode(bytes),
        };
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new InvalidReportFileException("the file holds only whitespace");
        }

        var unreadable = text.Count(c => c == '\uFFFD' || (char.IsControl(c) && !char.IsWhiteSpace(c)));
        if (unreadable > text.Length / 100)
        {
            throw new InvalidReportFileException($"not text: {unreadable:N0} of {text.Length:N0} characters are unreadable as {encoding}");
        }

        if (!ContainsHan(text))
        {
            throw new InvalidReportFileException("no Chinese text in the file");
        }

        return new SourceDocument(fileName, Convert.ToHexStringLower(SHA256.HashData(bytes)), text, encoding)
        {
            Warnings = warning is null ? [] : [warning],
        };
    }

    private static DecodedText DecodePdf(byte[] bytes)
    {
        var (text, warning) = PdfTextExtractor.Extract(bytes);
        return new DecodedText(text, "PDF (PdfPig)", warning);
    }

    private static DecodedText DecodeHtml(byte[] bytes)
    {
        var (html, encoding, warning) = TextEncodingDetector.Decode(bytes);
        return new DecodedText(HtmlTextExtractor.Extract(html), $"HTML ({encoding})", warning);
    }

    private static bool ContainsHan(string text)
    {
        foreach (var rune in text.EnumerateRunes())
        {
            if (CharacterClass.IsHan(rune.Value))
            {
                return true;
            }
        }

        return false;
    }
}
