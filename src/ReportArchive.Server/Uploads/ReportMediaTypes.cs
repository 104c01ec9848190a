namespace ReportArchive.Server.Uploads;

/// <summary>The media type a report file is served back with: the one it was sent with, else its extension's.</summary>
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

    public static string For(string fileName, string? declared) =>
        !string.IsNullOrWhiteSpace(declared) && !Uninformative.Any(u => declared.StartsWith(u, StringComparison.OrdinalIgnoreCase))
            ? declared
            : ByExtension.GetValueOrDefault(Path.GetExtension(fileName), Unknown);
}
