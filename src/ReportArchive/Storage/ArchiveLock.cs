namespace ReportArchive.Storage;

/// <summary>
/// An exclusive lock on a data folder (file <c>archive.lock</c> beside <c>archive.db</c>, locked by the operating
/// system: released when the holder exits, also when it is killed). The server holds it for its lifetime, since it
/// keeps the archive's segments and catalog in memory and would write them back into an archive replaced under it;
/// <c>restore</c> takes it too, so it refuses while a server runs (and a server does not start during a restore).
/// Backups, imports and searches from the command line do not take it: SQLite keeps them consistent with a server.
/// </summary>
public sealed class ArchiveLock : IDisposable
{
    public const string FileName = "archive.lock";

    private readonly FileStream _file;

    private ArchiveLock(FileStream file) => _file = file;

    /// <summary>Takes the lock of <paramref name="dataDirectory"/> (created if needed), or throws <see cref="ArchiveInUseException"/>.</summary>
    public static ArchiveLock Acquire(string dataDirectory, string holder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataDirectory);
        Directory.CreateDirectory(dataDirectory);
        var path = Path.Combine(Path.GetFullPath(dataDirectory), FileName);
        try
        {
            // FileShare.None is an exclusive flock(2) on Unix: a second holder, in any process, is refused
            var file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            file.SetLength(0);
            var text = System.Text.Encoding.UTF8.GetBytes($"{holder} (process {Environment.ProcessId})\n");
            file.Write(text);
            file.Flush();
            return new ArchiveLock(file);
        }
        catch (IOException exception) when (exception is not FileNotFoundException and not DirectoryNotFoundException)
        {
            throw new ArchiveInUseException(
                $"the archive in {Path.GetDirectoryName(path)} is in use by a running server (or a restore); stop it first", exception);
        }
    }

    public void Dispose() => _file.Dispose();
}
