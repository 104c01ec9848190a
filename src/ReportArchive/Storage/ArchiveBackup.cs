using Microsoft.Data.Sqlite;

namespace ReportArchive.Storage;

/// <summary>
/// Consistent copies of the archive with SQLite's online backup: <see cref="Backup"/> copies a snapshot while other
/// connections (a running server, an import) keep reading and writing; <see cref="Restore"/> brings a copy back into
/// a data folder, refusing to overwrite an archive that holds reports unless forced. Both verify the copy with
/// <c>PRAGMA integrity_check</c>.
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
        var target = Directory.Exists(destination) ? Path.Combine(destination, ArchiveDatabase.FileName) : Path.GetFullPath(destination);
        if (string.Equals(target, database.FilePath, StringComparison.Ordinal))
        {
            throw new InvalidOperationException("the backup cannot be the archive itself");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var temporary = target + ".partial";
        File.Delete(temporary);
        using (var source = database.OpenConnection())
        using (var copy = Open(temporary, SqliteOpenMode.ReadWriteCreate))
        {
            source.BackupDatabase(copy);
            Execute(copy, "PRAGMA journal_mode = DELETE;"); // one self-contained file
        }

        var reports = Verify(temporary);
        File.Move(temporary, target, overwrite: true);
        return (target, reports);
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
        var file = Directory.Exists(source) ? Path.Combine(source, ArchiveDatabase.FileName) : Path.GetFullPath(source);
        if (!File.Exists(file))
        {
            throw new FileNotFoundException($"no backup at {file}", file);
        }

        var reports = Verify(file);
        var database = ArchiveDatabase.Open(dataDirectory);
        if (string.Equals(file, database.FilePath, StringComparison.Ordinal))
        {
            throw new InvalidOperationException("the backup is the archive itself");
        }

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

    /// <summary>Checks the copy's integrity and returns its report count.</summary>
    private static long Verify(string file)
    {
        try
        {
            using var connection = Open(file, SqliteOpenMode.ReadOnly);
            var integrity = Convert.ToString(Scalar(connection, "PRAGMA integrity_check"), System.Globalization.CultureInfo.InvariantCulture);
            if (!string.Equals(integrity, "ok", StringComparison.Ordinal))
            {
                throw new InvalidDataException($"{file} fails the integrity check: {integrity}");
            }

            return Convert.ToInt64(Scalar(connection, "SELECT count(*) FROM reports"), System.Globalization.CultureInfo.InvariantCulture);
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
