using ReportArchive.Storage;

namespace ReportArchive.Server.Hosting;

/// <summary>
/// What a start of the server found in its data folder, so that a start that fails (a taken port, a bad setting)
/// leaves the folder as it was: the lock file, and the folder itself, when this start created them. The archive is
/// never opened before the server listens (<see cref="SeedImportService"/>), so a failed start has no database to
/// remove; should one exist that was not there before, it is removed with its -wal and -shm too. Nothing that was
/// there before the start is touched.
/// </summary>
internal sealed record StartFootprint(string DataDirectory, bool DirectoryExisted, IReadOnlySet<string> FilesBefore)
{
    private static readonly string[] StartFiles =
        [ArchiveLock.FileName, ArchiveDatabase.FileName, ArchiveDatabase.FileName + "-wal", ArchiveDatabase.FileName + "-shm"];

    public static StartFootprint Of(string dataDirectory)
    {
        var existed = Directory.Exists(dataDirectory);
        var files = existed ? StartFiles.Where(f => File.Exists(Path.Combine(dataDirectory, f))).ToHashSet(StringComparer.Ordinal) : [];
        return new StartFootprint(dataDirectory, existed, files);
    }

    /// <summary>Removes the files of <see cref="StartFiles"/> this start created, and the folder when it created it and it is empty.</summary>
    public void Undo()
    {
        try
        {
            foreach (var file in StartFiles.Where(f => !FilesBefore.Contains(f)))
            {
                File.Delete(Path.Combine(DataDirectory, file));
            }

            if (!DirectoryExisted && Directory.Exists(DataDirectory) && !Directory.EnumerateFileSystemEntries(DataDirectory).Any())
            {
                Directory.Delete(DataDirectory);
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // the start failed already; a leftover empty lock file is harmless
        }
    }
}
