using Microsoft.Data.Sqlite;

namespace ReportArchive.Storage;

/// <summary>
/// Consistent copies of the archive with SQLite's online backup: <see cref="Backup"/> copies a snapshot while other
/// connections (a running server, an import) keep reading and writing; <see cref="Restore"/> brings a copy back into
/// a data folder, refusing to overwrite an archive that holds reports unless forced, and refusing while a server
/// holds the archive (<see cref="ArchiveLock"/>). Both verify the copy with <see cref="ArchiveVerifier"/>
/// (<c>PRAGMA integrity_check</c> and the text index segments' checksums). Paths are compared canonical
/// (<see cref="CanonicalPath"/>): a backup written over the live archive, its WAL or its shared memory, however the
/// path is spelt, would destroy the archive.
/// </summary>
public static class ArchiveBackup
{
    /// <summary>
    /// Copies <paramref name="database"/> to <paramref name="destination"/> (a file, or an existing folder that gets
    /// <c>archive.db</c>); writes a temporary file first and moves it into place, so a failed backup leaves no
    /// half copy. Returns the file written and the number of reports it holds.
    /// </summary>
    public static (string File, long Reports) Backup(ArchiveDatabase database, string destination)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentException.ThrowIfNullOrWhiteSpace(destination);
        var target = CanonicalPath.Of(Directory.Exists(destination) ? Path.Combine(destination, ArchiveDatabase.FileName) : destination);
        if (IsPartOfArchive(target, database))
        {
            throw new InvalidOperationException($"the backup cannot be written over the archive itself ({target})");
        }

        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        }
        catch (IOException exception)
        {
            throw new IOException($"cannot make the folder for the backup {target}: {exception.Message}", exception);
        }

        var temporary = target + ".partial";
        File.Delete(temporary);
        using (var source = database.OpenConnection())
        using (var copy = Open(temporary, SqliteOpenMode.ReadWriteCreate))
        {
            source.BackupDatabase(copy);
            Execute(copy, "PRAGMA journal_mode = DELETE;"); // one self-contained file
        }

        long reports;
        try
        {
            reports = Verify(temporary);
        }
        catch (InvalidDataException)
        {
            File.Delete(temporary);
            throw;
        }

        File.Move(temporary, target, overwrite: true);
        return (target, reports);
    }

    /// <summary>True when <paramref name="path"/> (canonical) is the archive file or one of SQLite's files beside it.</summary>
    private static bool IsPartOfArchive(string path, ArchiveDatabase database)
    {
        var archive = CanonicalPath.Of(database.FilePath);
        return new[] { archive, archive + "-wal", archive + "-shm", archive + "-journal", CanonicalPath.Of(Path.Combine(database.DataDirectory, ArchiveLock.FileName)) }
            .Any(file => string.Equals(file, path, StringComparison.Ordinal));
    }

    /// <summary>
    /// Copies the backup <paramref name="source"/> into the archive of <paramref name="dataDirectory"/> (created if
    /// needed) and brings its schema up to date. Refuses, with <see cref="InvalidOperationException"/>, when the
    /// archive there already holds reports and <paramref name="force"/> is false. Returns the reports restored.
    /// </summary>
    public static long Restore(string source, string dataDirectory, bool force)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        ArgumentException.ThrowIfNullOrWhiteSpace(dataDirectory);
        var file = CanonicalPath.Of(Directory.Exists(source) ? Path.Combine(source, ArchiveDatabase.FileName) : source);
        if (!File.Exists(file))
        {
            throw new FileNotFoundException($"no backup at {file}", file);
        }

        if (string.Equals(file, CanonicalPath.Of(Path.Combine(dataDirectory, ArchiveDatabase.FileName)), StringComparison.Ordinal))
        {
            throw new InvalidOperationException("the backup is the archive itself");
        }

        var reports = Verify(file);
        using var held = ArchiveLock.Acquire(dataDirectory, "restore"); // refuses while a server runs on this folder
        var database = ArchiveDatabase.Open(dataDirectory);

        using (var target = database.OpenConnection())
        {
            var existing = Convert.ToInt64(Scalar(target, "SELECT count(*) FROM reports"), System.Globalization.CultureInfo.InvariantCulture);
            if (existing > 0 && !force)
            {
                throw new InvalidOperationException(
                    $"the archive in {database.DataDirectory} holds {existing} reports; restoring would replace them (use --force)");
            }

            using var copy = Open(file, SqliteOpenMode.ReadOnly);
            copy.BackupDatabase(target); // page by page under the target's write lock; WAL mode is kept
        }

        SqliteConnection.ClearAllPools();
        ArchiveDatabase.Open(dataDirectory); // a backup from an older schema is migrated
        return reports;
    }

    /// <summary>Checks the copy (integrity and segment checksums) and returns its report count.</summary>
    private static long Verify(string file)
    {
        var problems = ArchiveVerifier.Verify(file);
        if (problems.Count > 0)
        {
            var more = problems.Count > 1 ? $" (and {problems.Count - 1} more problems: run verify)" : "";
            throw new InvalidDataException($"{file} is damaged: {problems[0]}{more}");
        }

        try
        {
            return ArchiveVerifier.CountReports(file);
        }
        catch (SqliteException exception)
        {
            throw new InvalidDataException($"{file} is not a report archive: {exception.Message}", exception);
        }
    }

    private static SqliteConnection Open(string file, SqliteOpenMode mode)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = file,
            Mode = mode,
            Pooling = false,
            DefaultTimeout = 60,
        }.ToString());
        connection.Open();
        return connection;
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
