namespace ReportArchive.Server.Uploads;

/// <summary>
/// The name an upload is stored under, from whatever the client sent (<c>?name=</c> or the multipart file name): the
/// last segment after either separator (<c>/</c> or <c>\</c>, so <c>..\..\x.txt</c> and <c>C:\x.txt</c> become
/// <c>x.txt</c> on every system), without control characters (NUL, line breaks, escapes) or <c>:</c>, without
/// trailing dots and spaces, at most <see cref="MaxLength"/> characters with its extension kept. The name is only
/// stored and shown, never used as a path; this keeps it a plain leaf name wherever it is shown or saved later.
/// </summary>
internal static class UploadFileName
{
    public const int MaxLength = 255;

    /// <summary>The stored name, or null when nothing usable is left (empty, <c>.</c>, <c>..</c>).</summary>
    public static string? Leaf(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var segment = name.Split('/', '\\').LastOrDefault(s => s.Trim().Length > 0) ?? "";
        var clean = new string(segment.Where(c => !char.IsControl(c) && c is not (':' or '\uFEFF' or '\u202E')).ToArray()).Trim().TrimEnd('.', ' ');
        if (clean.Length == 0 || clean.All(c => c == '.'))
        {
            return null;
        }

        if (clean.Length > MaxLength)
        {
            var extension = Path.GetExtension(clean);
            extension = extension.Length <= 16 ? extension : "";
            var stem = clean[..(MaxLength - extension.Length)];
            clean = (char.IsHighSurrogate(stem[^1]) ? stem[..^1] : stem) + extension;
        }

        return clean;
    }
}
