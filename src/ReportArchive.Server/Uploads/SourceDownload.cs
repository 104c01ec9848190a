using System.Text;
using Microsoft.Net.Http.Headers;

namespace ReportArchive.Server.Uploads;

/// <summary>
/// How an uploaded original is served back by <c>GET /api/reports/{id}/source</c>: never rendered in the archive's
/// origin (an uploaded HTML page with a script would run there — stored XSS), so always as an attachment named for
/// the upload (<c>filename*</c> per RFC 5987 for Chinese names), as <c>text/plain</c> when it is text in a known
/// charset (the declared one, else UTF-8 when the bytes are UTF-8) and <c>application/octet-stream</c> otherwise,
/// with <c>X-Content-Type-Options: nosniff</c> and a <c>Content-Security-Policy: sandbox</c> that leaves no script,
/// form or same-origin access should a browser render it anyway.
/// </summary>
internal static class SourceDownload
{
    public const string ContentSecurityPolicy = "sandbox; default-src 'none'";
    public const string Binary = "application/octet-stream";

    private static readonly HashSet<string> TextExtensions = new(StringComparer.OrdinalIgnoreCase) { ".txt", ".md", ".html", ".htm" };

    private static readonly HashSet<string> KnownCharsets = new(StringComparer.OrdinalIgnoreCase)
    {
        "utf-8", "gb18030", "gbk", "gb2312", "big5",
    };

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The content type the original is served with: text/plain with a charset, or binary.</summary>
    public static string ContentType(string fileName, string storedType, ReadOnlySpan<byte> bytes)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        var declared = MediaTypeHeaderValue.TryParse(storedType, out var parsed) ? parsed : null;
        var isText = TextExtensions.Contains(Path.GetExtension(fileName))
            || (declared is not null && declared.MediaType.StartsWith("text/", StringComparison.OrdinalIgnoreCase));
        if (!isText)
        {
            return Binary;
        }

        var charset = declared?.Charset.Value?.Trim('"');
        if (!string.IsNullOrEmpty(charset) && KnownCharsets.Contains(charset))
        {
            return $"text/plain; charset={charset.ToLowerInvariant()}";
        }

        return IsUtf8(bytes) ? "text/plain; charset=utf-8" : Binary;
    }

    /// <summary>Sets the attachment, nosniff and sandbox headers of the response.</summary>
    public static void ApplyHeaders(HttpResponse response, string fileName)
    {
        ArgumentNullException.ThrowIfNull(response);
        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(fileName); // filename= (ASCII fallback) and filename*=UTF-8''…
        response.Headers.ContentDisposition = disposition.ToString();
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
    }

    private static bool IsUtf8(ReadOnlySpan<byte> bytes)
    {
        try
        {
            StrictUtf8.GetCharCount(bytes);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }
}
