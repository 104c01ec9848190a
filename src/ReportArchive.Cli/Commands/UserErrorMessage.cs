using Microsoft.Data.Sqlite;
using ReportArchive.Storage;

namespace ReportArchive.Cli.Commands;

/// <summary>
/// The one line the command line prints for a failure that is the user's situation rather than a bug — a path that
/// cannot be read or written, a full disk, a damaged archive, an archive in use — instead of a stack trace; null for
/// anything else (a bug, which keeps its stack trace).
/// </summary>
internal static class UserErrorMessage
{
    public static string? For(Exception exception) => exception switch
    {
        AggregateException aggregate => For(aggregate.Flatten().InnerExceptions[0]),
        ArchiveInUseException inUse => inUse.Message,
        SqliteException { SqliteErrorCode: 13 } => "the disk is full (SQLite could not write): free some space and try again; nothing was half-written",
        SqliteException { SqliteErrorCode: 11 or 26 } sqlite => $"the archive is damaged ({sqlite.Message.TrimEnd('.')}): run `reportarchive verify`, then restore a backup",
        SqliteException { SqliteErrorCode: 8 } => "the archive cannot be written (read-only file or folder)",
        SqliteException { SqliteErrorCode: 14 } sqlite => $"the archive cannot be opened ({sqlite.Message.TrimEnd('.')}): check the --data-dir folder and its permissions",
        SqliteException { SqliteErrorCode: 5 or 6 } => "the archive is busy (locked by another process for over a minute); try again",
        UnauthorizedAccessException denied => $"permission denied: {denied.Message}",
        DirectoryNotFoundException missing => $"folder not found: {missing.Message}",
        FileNotFoundException missing => $"file not found: {missing.FileName ?? missing.Message}",
        IOException io when io.HResult == 28 || io.Message.Contains("No space left", StringComparison.Ordinal) => "the disk is full: free some space and try again",
        IOException io => io.Message,
        InvalidDataException invalid => invalid.Message,
        _ => null,
    };
}
