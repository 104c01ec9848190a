namespace ReportArchive.Storage;

/// <summary>
/// A path made absolute, normalised (<c>.</c>, <c>..</c>, doubled and trailing separators) and with every symbolic link
/// along it resolved, as far as the path exists: two spellings of one file (<c>index-data/archive.db</c>,
/// <c>./index-data//archive.db</c>, a link to the folder) give the same text.
/// </summary>
public static class CanonicalPath
{
    public static string Of(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
        var root = Path.GetPathRoot(full) ?? "/";
        var resolved = root;
        foreach (var part in full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            var next = Path.Combine(resolved, part);
            FileSystemInfo entry = Directory.Exists(next) ? new DirectoryInfo(next) : new FileInfo(next);
            if (entry.Exists && entry.LinkTarget is not null)
            {
                var target = entry.ResolveLinkTarget(returnFinalTarget: true);
                next = target is null ? next : Path.TrimEndingDirectorySeparator(Path.GetFullPath(target.FullName));
            }

            resolved = next;
        }

        return resolved;
    }
}
