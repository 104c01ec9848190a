namespace ReportArchive.Server.Security;

/// <summary>
/// The headers every response carries: a Content-Security-Policy that allows only the server's own scripts, styles
/// and images (no inline script, no framing), no MIME sniffing, no referrer sent to other sites, no framing.
/// </summary>
internal static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>Sets the headers; a Content-Security-Policy an endpoint set itself (a stricter one) is kept.</summary>
    public static void Apply(IHeaderDictionary headers)
    {
        if (string.IsNullOrEmpty(headers.ContentSecurityPolicy))
        {
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
        }

        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
    }
}
