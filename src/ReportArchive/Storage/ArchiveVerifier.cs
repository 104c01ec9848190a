using System.Globalization;
using Microsoft.Data.Sqlite;
using ReportArchive.TextIndex;

namespace ReportArchive.Storage;

/// <summary>
/// Checks that an archive file is sound: SQLite's <c>PRAGMA integrity_check</c> (pages, indexes, rows) and the
/// checksum of every text index segment (<see cref="SegmentChecksum"/>; a flipped bit inside a segment passes the
/// former). Used by <c>verify</c>, and by <c>backup</c> and <c>restore</c> on the copy they make or take. Reads only.
/// </summary>
public static class ArchiveVerifier
{
    /// <summary>One line per problem found in the archive file <paramref name="file"/>; empty when it is sound.</summary>
    public static IReadOnlyList<string> Verify(string file)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(file);
        if (!File.Exists(file))
        {
            return [$"{file} does not exist"];
        }

        try
        {
            using var connection = new SqliteConnection(new SqliteConnectionStringBuilder
            {
                DataSource = file,
                Mode = SqliteOpenMode.ReadOnly,
                Pooling = false,
                DefaultTimeout = 60,
            }.ToString());
            connection.Open();
            using var transaction = connection.BeginTransaction(deferred: true); // one view for every check
            var problems = IntegrityProblems(connection, transaction);
            try
            {
                problems.AddRange(SegmentProblems(connection, transaction));
            }
            catch (SqliteException exception)
            {
                problems.Add($"the text index segments cannot be read: {exception.Message}");
            }

            return problems;
        }
        catch (SqliteException exception)
        {
            return [$"{file} cannot be read as a report archive: {exception.Message}"];
        }
    }

    /// <summary>The number of reports the (sound) archive file holds.</summary>
    public static long CountReports(string file)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = file,
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
        }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM reports";
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static List<string> IntegrityProblems(SqliteConnection connection, SqliteTransaction transaction)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "PRAGMA integrity_check(100)";
        var lines = new List<string>();
        try
        {
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                lines.Add(reader.GetString(0));
            }
        }
        catch (SqliteException exception) when (exception.SqliteErrorCode != 26) // not a database at all: said once, by the caller
        {
            lines.Add(exception.Message); // too damaged to walk
        }

        return lines is ["ok"] ? [] : lines.Select(line => $"integrity_check: {line}").ToList();
    }

    private static IEnumerable<string> SegmentProblems(SqliteConnection connection, SqliteTransaction transaction)
    {
        if (!HasTable(connection, transaction, "reports"))
        {
            yield return "the file holds no report archive (no reports table)";
            yield break;
        }

        if (!HasTable(connection, transaction, "text_index_segments") || !HasChecksumColumn(connection, transaction))
        {
            yield break; // an archive older than migration 0010: its segments have no checksums yet (any command records them)
        }

        var ids = new List<long>();
        using (var select = connection.CreateCommand())
        {
            select.Transaction = transaction;
            select.CommandText = "SELECT id FROM text_index_segments ORDER BY id";
            using var reader = select.ExecuteReader();
            while (reader.Read())
            {
                ids.Add(reader.GetInt64(0));
            }
        }

        foreach (var id in ids)
        {
            string? problem = null;
            try
            {
                TextIndexStore.ReadVerified(connection, transaction, id);
            }
            catch (Exception exception) when (exception is SegmentDamagedException or InvalidDataException or InvalidOperationException or SqliteException)
            {
                problem = exception.Message;
            }

            if (problem is not null)
            {
                yield return problem;
            }
        }
    }

    private static bool HasTable(SqliteConnection connection, SqliteTransaction transaction, string table)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = $name";
        command.Parameters.AddWithValue("$name", table);
        return command.ExecuteScalar() is not null;
    }

    private static bool HasChecksumColumn(SqliteConnection connection, SqliteTransaction transaction)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT 1 FROM pragma_table_info('text_index_segments') WHERE name = 'checksum'";
        return command.ExecuteScalar() is not null;
    }
}
