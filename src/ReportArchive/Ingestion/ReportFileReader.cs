using System.Security.Cryptography;
using System.Text;
using ReportArchive.Analysis.Normalization;
using ReportArchive.Documents;
using ReportArchive.Ingestion.Formats;

namespace ReportArchive.Ingestion;

/// <summary>
/// Reads a report file and decodes it by its extension: <c>.docx</c> (paragraphs and tables), <c>.pdf</c> (through
/// poppler's <c>pdftotext -layout</c>, or <c>-raw</c> when that reads the tables better), <c>.html</c>/<c>.htm</c>
/// (text with table cells apart), anything else as text — a byte-order mark wins, then strict UTF-8, then GB18030 (a superset of GBK and GB2312; HTML is decoded
/// the same way). Rejects what cannot be a report, with the reason: empty, binary, undecodable, no Chinese text.
/// </summary>
public sealed class ReportFileReader
{
    /// <summary>The file extensions an import picks up from a folder.</summary>
    public static IReadOnlySet<string> SupportedExtensions { get; } =
        new HashSet<string>(StringComparer.OrdinalIgnoreCase) { ".txt", ".md", ".html", ".htm", ".docx", ".pdf" };

    /// <summary>The reason a file of another type is not imported.</summary>
    public static string UnsupportedTypeMessage(string path) =>
        $"unsupported file type '{Path.GetExtension(path)}' (supported: {string.Join(", ", SupportedExtensions.Order(StringComparer.Ordinal))})";

    private static readonly Encoding StrictUtf8 = new UTF8Encoding(false, throwOnInvalidBytes: true);
    private static readonly Lazy<Encoding> Gb18030 = new(() =>
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("GB18030", EncoderFallback.ExceptionFallback, DecoderFallback.ReplacementFallback);
    });

    public ReportFileReader(long maxBytes = 64L * 1024 * 1024) => MaxBytes = maxBytes;

    public long MaxBytes { get; }

    public async Task<SourceDocument> ReadAsync(string path, CancellationToken cancellationToken)
    {
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

        string? warning = null;
        var (text, encoding) = Path.GetExtension(fileName).ToLowerInvariant() switch
        {
            ".docx" => (DocxTextExtractor.Extract(bytes), "DOCX"),
            ".pdf" => DecodePdf(bytes, out warning),
            ".html" or ".htm" => DecodeHtml(bytes),
            _ => DecodeText(bytes),
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

    private static (string Text, string Encoding) DecodePdf(byte[] bytes, out string? warning)
    {
        (var text, warning) = PdfTextExtractor.Extract(bytes);
        return (text, "PDF (pdftotext)");
    }

    private static (string Text, string Encoding) DecodeHtml(byte[] bytes)
    {
        var (html, encoding) = DecodeText(bytes);
        return (HtmlTextExtractor.Extract(html), $"HTML ({encoding})");
    }

    private static (string Text, string Encoding) DecodeText(byte[] bytes)
    {
        if (bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return (Utf8OrThrow(bytes.AsSpan(3)), "UTF-8");
        }

        if (bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return (Encoding.Unicode.GetString(bytes, 2, bytes.Length - 2), "UTF-16LE");
        }

        if (bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return (Encoding.BigEndianUnicode.GetString(bytes, 2, bytes.Length - 2), "UTF-16BE");
        }

        if (Utf16WithoutByteOrderMark(bytes) is { } utf16)
        {
            return utf16;
        }

        if (bytes.AsSpan().Contains((byte)0))
        {
            throw new InvalidReportFileException("binary file (it contains NUL bytes)");
        }

        try
        {
            return (StrictUtf8.GetString(bytes), "UTF-8");
        }
        catch (DecoderFallbackException)
        {
            return (Gb18030.Value.GetString(bytes), "GB18030");
        }
    }

    /// <summary>
    /// UTF-16 written without a byte-order mark: Chinese text has no zero bytes, but its ASCII (digits, spaces, line
    /// breaks) puts a zero in every other byte. Decoded only when the zeros sit on one side and the bytes are valid.
    /// </summary>
    private static (string Text, string Encoding)? Utf16WithoutByteOrderMark(byte[] bytes)
    {
        if (bytes.Length < 4 || bytes.Length % 2 != 0)
        {
            return null;
        }

        int evenZeros = 0, oddZeros = 0;
        for (var i = 0; i < bytes.Length; i += 2)
        {
            evenZeros += bytes[i] == 0 ? 1 : 0;
            oddZeros += bytes[i + 1] == 0 ? 1 : 0;
        }

        var pairs = bytes.Length / 2;
        // A Han character may have a zero low byte (一 is U+4E00), so "one side" means mostly, not only.
        bool? bigEndian = oddZeros * 10 >= pairs && evenZeros * 4 <= oddZeros ? false
            : evenZeros * 10 >= pairs && oddZeros * 4 <= evenZeros ? true
            : null;
        if (bigEndian is null)
        {
            return null;
        }

        try
        {
            var text = new UnicodeEncoding(bigEndian.Value, false, throwOnInvalidBytes: true).GetString(bytes);
            return (text, bigEndian.Value ? "UTF-16BE" : "UTF-16LE");
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    private static string Utf8OrThrow(ReadOnlySpan<byte> bytes)
    {
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException exception)
        {
            throw new InvalidReportFileException($"invalid UTF-8 after a UTF-8 byte-order mark ({exception.Message})");
        }
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
