namespace ReportArchive.Storage;

/// <summary>
/// An exclusive lock on a data folder (file <c>archive.lock</c> beside <c>archive.db</c>, locked by the operating
/// system: released when the holding process exits, also when it is killed). The server holds it for its lifetime,
/// since it keeps the archive's segments and catalog in memory and would write them back into an archive replaced
/// under it; <c>restore</c> takes it too, so it refuses while a server runs (and a server does not start during a
/// restore). Backups, imports and searches from the command line do not take it: SQLite keeps them consistent with a
/// server. The lock excludes other processes; holders in one process share it (several hosts of a test process).
/// </summary>
public sealed class ArchiveLock : IDisposable
{
    public const string FileName = "archive.lock";

    private static readonly Dictionary<string, (FileStream File, int Holders)> Held = new(StringComparer.Ordinal);
    private static readonly Lock Guard = new();

    private readonly string _path;
    private bool _disposed;

    private ArchiveLock(string path) => _path = path;

    /// <summary>Takes the lock of <paramref name="dataDirectory"/> (created if needed), or throws <see cref="ArchiveInUseException"/>.</summary>
    public static ArchiveLock Acquire(string dataDirectory, string holder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataDirectory);
        Directory.CreateDirectory(dataDirectory);
        var path = Path.Combine(CanonicalPath.Of(dataDirectory), FileName);
        lock (Guard)
        {
            if (Held.TryGetValue(path, out var held))
            {
                Held[path] = (held.File, held.Holders + 1);
                return new ArchiveLock(path);
            }

            try
            {
                // FileShare.None is an exclusive flock(2) on Unix: a holder in another process is refused
                var file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
                file.SetLength(0);
                file.Write(System.Text.Encoding.UTF8.GetBytes($"{holder} (process {Environment.ProcessId})\n"));
                file.Flush();
                Held[path] = (file, 1);
                return new ArchiveLock(path);
            }
            catch (IOException exception) when (exception is not FileNotFoundException and not DirectoryNotFoundException)
            {
                throw new ArchiveInUseException(
                    $"the archive in {Path.GetDirectoryName(path)} is in use by a running server (or a restore); stop it first", exception);
            }
        }
    }

    public void Dispose()
    {
        lock (Guard)
        {
            if (_disposed || !Held.TryGetValue(_path, out var held))
            {
                return;
            }

            _disposed = true;
            if (held.Holders > 1)
            {
                Held[_path] = (held.File, held.Holders - 1);
            }
            else
            {
                Held.Remove(_path);
                held.File.Dispose();
            }
        }
    }
}
