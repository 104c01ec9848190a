namespace ReportArchive.Ingestion;

/// <summary>
/// Expands the paths an import is given into the report files to read, folders walked recursively (files of the
/// supported types only), and names every entry that cannot be walked with its reason instead of stopping: an
/// unreadable folder, a broken symbolic link, a link loop, a link back to a folder already walked (not followed
/// again). Pipes, sockets and devices are listed like files and refused by the reader without being opened.
/// </summary>
internal static class ReportPathExpander
{
    public static (List<string> Files, List<FailedFile> Failed) Expand(IEnumerable<string> paths)
    {
        var files = new List<string>();
        var failed = new List<FailedFile>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                var found = new List<string>();
                Walk(path, found, failed);
                files.AddRange(found.Order(StringComparer.Ordinal));
            }
            else if (File.Exists(path))
            {
                if (ReportFileReader.SupportedExtensions.Contains(Path.GetExtension(path)))
                {
                    files.Add(path);
                }
                else
                {
                    failed.Add(new FailedFile(path, ReportFileReader.UnsupportedTypeMessage(path)));
                }
            }
            else if (BrokenLinkReason(new FileInfo(path)) is { } reason)
            {
                failed.Add(new FailedFile(path, reason));
            }
            else
            {
                failed.Add(new FailedFile(path, "no such file or folder"));
            }
        }

        return (files, failed);
    }

    /// <summary>Walks a folder tree without recursion; each folder (by its resolved path) is walked once.</summary>
    private static void Walk(string root, List<string> files, List<FailedFile> failed)
    {
        var visited = new HashSet<string>(StringComparer.Ordinal) { Resolved(new DirectoryInfo(root)) };
        var pending = new Stack<string>();
        pending.Push(root);
        while (pending.TryPop(out var folder))
        {
            List<FileSystemInfo> entries;
            try
            {
                entries = new DirectoryInfo(folder).EnumerateFileSystemInfos("*", new EnumerationOptions
                {
                    RecurseSubdirectories = false, IgnoreInaccessible = false, AttributesToSkip = 0, ReturnSpecialDirectories = false,
                }).ToList();
            }
            catch (Exception exception) when (exception is UnauthorizedAccessException or IOException)
            {
                failed.Add(new FailedFile(folder, $"cannot read the folder: {exception.Message}"));
                continue;
            }

            foreach (var entry in entries)
            {
                var path = Path.Combine(folder, entry.Name); // in the form the import was given (relative stays relative)
                if (entry.LinkTarget is not null && BrokenLinkReason(entry) is { } reason)
                {
                    failed.Add(new FailedFile(path, reason));
                }
                else if (entry is DirectoryInfo directory)
                {
                    if (visited.Add(Resolved(directory)))
                    {
                        pending.Push(path);
                    }
                    else
                    {
                        failed.Add(new FailedFile(path, $"a symbolic link to a folder already imported ({directory.LinkTarget}): not followed again"));
                    }
                }
                else if (ReportFileReader.SupportedExtensions.Contains(entry.Extension))
                {
                    files.Add(path);
                }
            }
        }
    }

    /// <summary>Why a symbolic link cannot be followed (it points nowhere, or into a loop); null when it can.</summary>
    private static string? BrokenLinkReason(FileSystemInfo link)
    {
        if (link.LinkTarget is null)
        {
            return null;
        }

        try
        {
            var target = link.ResolveLinkTarget(returnFinalTarget: true);
            return target is null || target.Exists || Directory.Exists(target.FullName)
                ? null
                : $"a broken symbolic link: its target '{link.LinkTarget}' does not exist";
        }
        catch (IOException exception)
        {
            return $"a symbolic link that cannot be followed (a loop?): {exception.Message}";
        }
    }

    private static string Resolved(DirectoryInfo directory)
    {
        try
        {
            return directory.LinkTarget is null ? directory.FullName : directory.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? directory.FullName;
        }
        catch (IOException)
        {
            return directory.FullName;
        }
    }
}
