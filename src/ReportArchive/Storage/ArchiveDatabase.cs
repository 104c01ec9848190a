using System.Reflection;
using Microsoft.Data.Sqlite;
using ReportArchive.Storage.Migrations;

namespace ReportArchive.Storage;

/// <summary>
/// The archive's one SQLite file (<c>archive.db</c> in the data folder): opens connections with the archive's
/// settings and applies the versioned schema migrations (embedded <c>Migrations/NNNN_*.sql</c>, tracked in
/// <c>PRAGMA user_version</c>). A migration may have a code step (<see cref="CodeSteps"/>) for a conversion SQL cannot
/// do; it runs after the migration's SQL in the same transaction, and the database is vacuumed afterwards (such
/// steps move data and leave free pages behind). Migrations run with foreign keys off, as SQLite's procedure for
/// rebuilding a table asks (dropping a parent table would otherwise cascade into its children), and each is checked
/// with <c>PRAGMA foreign_key_check</c> before it commits. The archive uses 16 KB pages: a new one from the start, an
/// older one from its next vacuum.
/// </summary>
public sealed class ArchiveDatabase
{
    public const string FileName = "archive.db";

    /// <summary>
    /// SQLite's page size for the archive: 16 KB pages waste less of each page on rows of 1–2 KB (texts) and need fewer
    /// overflow pages for the text index's segments than the default 4 KB (docs/performance.md).
    /// </summary>
    public const int PageSize = 16384;

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

    private volatile string? _damage;

    /// <summary>What was found wrong with the archive (<see cref="MarkDamaged"/>), or null while nothing was.</summary>
    public string? Damage => _damage;

    /// <summary>
    /// Records that the archive is damaged (a failed integrity check, a segment whose checksum does not match, SQLite
    /// reporting corruption): from now on <see cref="ThrowIfDamaged"/> refuses writes. The first finding is kept.
    /// </summary>
    public void MarkDamaged(string finding)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(finding);
        Interlocked.CompareExchange(ref _damage, finding, null);
    }

    /// <summary>Throws <see cref="ArchiveDamagedException"/> when the archive was found damaged: no write goes onto a corrupt file.</summary>
    public void ThrowIfDamaged()
    {
        if (_damage is { } damage)
        {
            throw new ArchiveDamagedException($"the archive is damaged and accepts no writes: {damage}");
        }
    }

    /// <summary>
    /// True for SQLite's failures of the whole file rather than of one row: disk full, I/O error, corruption, not a
    /// database, read-only. A write that meets one cannot go on with the next report.
    /// </summary>
    public static bool IsFileFailure(SqliteException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return (exception.SqliteErrorCode & 0xFF) is 8 or 10 or 11 or 13 or 26;
    }

    /// <summary>Opens (creating if needed) the archive in <paramref name="dataDirectory"/> and brings its schema up to date.</summary>
    public static ArchiveDatabase Open(string dataDirectory) => Open(dataDirectory, LatestVersion);

    /// <summary>Opens the archive migrated up to <paramref name="version"/> only (tests of migrations build older archives).</summary>
    internal static ArchiveDatabase Open(string dataDirectory, int version)
    {
        if (File.Exists(dataDirectory))
        {
            throw new IOException($"the data folder {Path.GetFullPath(dataDirectory)} is a file, not a folder");
        }

        Directory.CreateDirectory(dataDirectory);
        var database = new ArchiveDatabase(dataDirectory);
        database.Migrate(version);
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

    /// <summary>The conversions that follow a migration's SQL, by migration version.</summary>
    private static readonly Dictionary<int, Action<SqliteConnection, SqliteTransaction>> CodeSteps = new()
    {
        [5] = CompactStorageMigration.Run,
        [9] = CompactReportRowsMigration.Run,
        [10] = SegmentChecksumMigration.Run,
        [13] = FigureSourceFormatMigration.Run,
    };

    /// <summary>The code steps that move data, leaving free pages behind for a vacuum (0010 only adds a number per segment).</summary>
    private static readonly HashSet<int> StepsThatMoveData = [5, 9, 13];

    private void Migrate(int targetVersion)
    {
        using var connection = OpenConnection();
        Execute(connection, $"PRAGMA page_size = {PageSize};"); // takes effect only in a new, empty file
        Execute(connection, "PRAGMA journal_mode = WAL;");
        var current = Convert.ToInt32(Scalar(connection, "PRAGMA user_version;"));
        var vacuum = false;
        Execute(connection, "PRAGMA foreign_keys = OFF;");
        try
        {
            foreach (var migration in Migrations().Where(m => m.Version > current && m.Version <= targetVersion).OrderBy(m => m.Version))
            {
                using var transaction = connection.BeginTransaction();
                Execute(connection, migration.Sql, transaction);
                if (CodeSteps.TryGetValue(migration.Version, out var step))
                {
                    step(connection, transaction);
                    vacuum |= current > 0 && StepsThatMoveData.Contains(migration.Version); // a new archive had nothing to move
                }

                if (Scalar(connection, "PRAGMA foreign_key_check;", transaction) is not null)
                {
                    throw new InvalidOperationException($"migration {migration.Version} left rows whose report does not exist");
                }

                Execute(connection, $"PRAGMA user_version = {migration.Version};", transaction);
                transaction.Commit();
            }
        }
        finally
        {
            Execute(connection, "PRAGMA foreign_keys = ON;");
        }

        if (vacuum)
        {
            // The page size of a WAL database cannot change: leave WAL for the vacuum that rewrites every page.
            Execute(connection, "PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode = DELETE;");
            Execute(connection, $"PRAGMA page_size = {PageSize};");
            Execute(connection, "VACUUM;");
            Execute(connection, "PRAGMA journal_mode = WAL;");
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

    private static object? Scalar(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
