using System.Reflection;
using Microsoft.Data.Sqlite;

namespace ReportArchive.Storage;

/// <summary>
/// The archive's one SQLite file (<c>archive.db</c> in the data folder): opens connections with the archive's
/// settings and applies the versioned schema migrations (embedded <c>Migrations/NNNN_*.sql</c>, tracked in
/// <c>PRAGMA user_version</c>).
/// </summary>
public sealed class ArchiveDatabase
{
    public const string FileName = "archive.db";

    private ArchiveDatabase(string dataDirectory)
    {
        DataDirectory = Path.GetFullPath(dataDirectory);
        FilePath = Path.Combine(DataDirectory, FileName);
        ConnectionString = new SqliteConnectionStringBuilder
        {
            DataSource = FilePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 60,
        }.ToString();
    }

    public string DataDirectory { get; }

    public string FilePath { get; }

    public string ConnectionString { get; }

    /// <summary>Opens (creating if needed) the archive in <paramref name="dataDirectory"/> and brings its schema up to date.</summary>
    public static ArchiveDatabase Open(string dataDirectory)
    {
        Directory.CreateDirectory(dataDirectory);
        var database = new ArchiveDatabase(dataDirectory);
        database.Migrate();
        return database;
    }

    public SqliteConnection OpenConnection()
    {
        var connection = new SqliteConnection(ConnectionString);
        connection.Open();
        using var pragmas = connection.CreateCommand();
        pragmas.CommandText = "PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 60000;";
        pragmas.ExecuteNonQuery();
        return connection;
    }

    /// <summary>The schema version this build of the code writes.</summary>
    public static int LatestVersion => Migrations().Max(m => m.Version);

    private void Migrate()
    {
        using var connection = OpenConnection();
        Execute(connection, "PRAGMA journal_mode = WAL;");
        var current = Convert.ToInt32(Scalar(connection, "PRAGMA user_version;"));
        foreach (var migration in Migrations().Where(m => m.Version > current).OrderBy(m => m.Version))
        {
            using var transaction = connection.BeginTransaction();
            Execute(connection, migration.Sql, transaction);
            Execute(connection, $"PRAGMA user_version = {migration.Version};", transaction);
            transaction.Commit();
        }
    }

    private static IEnumerable<(int Version, string Sql)> Migrations()
    {
        var assembly = typeof(ArchiveDatabase).Assembly;
        const string prefix = "ReportArchive.Storage.Migrations.";
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)))
        {
            var version = int.Parse(name.AsSpan(prefix.Length, 4));
            yield return (version, ReadResource(assembly, name));
        }
    }

    private static string ReadResource(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"missing migration resource {name}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static void Execute(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
