namespace ReportArchive.Server.Uploads;

/// <summary>
/// The media types of report files: the one a file is stored and served back with (the one it was sent with, else its
/// extension's), and the format a media type names when an upload comes without a file name.
/// </summary>
internal static class ReportMediaTypes
{
    private const string Unknown = "application/octet-stream";

    private static readonly Dictionary<string, string> ByExtension = new(StringComparer.OrdinalIgnoreCase)
    {
        [".txt"] = "text/plain",
        [".md"] = "text/markdown",
        [".html"] = "text/html",
        [".htm"] = "text/html",
        [".docx"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        [".pdf"] = "application/pdf",
    };

    /// <summary>Types that say nothing of the file: octet-stream, and the form type curl --data-binary sends by default.</summary>
    private static readonly string[] Uninformative = [Unknown, "application/x-www-form-urlencoded"];

    /// <summary>
    /// The media types that name a format, with the extension they stand for: an upload without a name but with one of
    /// these types is read as that format. <c>text/*</c> types other than HTML and Markdown are text.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Formats { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["text/plain"] = ".txt",
        ["text/markdown"] = ".md",
        ["text/x-markdown"] = ".md",
        ["text/html"] = ".html",
        ["application/xhtml+xml"] = ".html",
        ["application/pdf"] = ".pdf",
        ["application/x-pdf"] = ".pdf",
        ["application/vnd.openxmlformats-officedocument.wordprocessingml.document"] = ".docx",
    };

    /// <summary>The extension of the format <paramref name="contentType"/> names (parameters such as charset ignored), or null.</summary>
    public static string? ExtensionOf(string? contentType)
    {
        if (!Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(contentType, out var parsed) || parsed.MediaType.Value is not { } type)
        {
            return null;
        }

        return Formats.TryGetValue(type, out var extension) ? extension
            : type.StartsWith("text/", StringComparison.OrdinalIgnoreCase) && !type.Contains('*', StringComparison.Ordinal) ? ".txt"
            : null;
    }

    public static string For(string fileName, string? declared) =>
        !string.IsNullOrWhiteSpace(declared) && !Uninformative.Any(u => declared.StartsWith(u, StringComparison.OrdinalIgnoreCase))
            ? declared
            : ByExtension.GetValueOrDefault(Path.GetExtension(fileName), Unknown);
}
