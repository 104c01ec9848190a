using Microsoft.Data.Sqlite;

namespace ReportArchive.Storage;

/// <summary>
/// Whether the first-start import of the seed reports has begun or finished, recorded in the archive (row
/// <c>seed_import</c> of <c>archive_state</c>: 0 begun, 1 done), so seeding happens once: an interrupted one resumes at
/// the next start (the importer skips the seeds already stored), and an archive whose reports were all deleted
/// later is not seeded again.
/// </summary>
public static class SeedImportRecord
{
    public static SeedImportState Read(ArchiveDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        using var connection = database.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT value FROM archive_state WHERE key = 'seed_import'";
        return command.ExecuteScalar() switch
        {
            null => SeedImportState.NotBegun,
            0L => SeedImportState.Begun,
            _ => SeedImportState.Done,
        };
    }

    public static void Begin(ArchiveDatabase database) => Write(database, 0);

    public static void Complete(ArchiveDatabase database) => Write(database, 1);

    private static void Write(ArchiveDatabase database, long value)
    {
        ArgumentNullException.ThrowIfNull(database);
        using var connection = database.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO archive_state (key, value) VALUES ('seed_import', $value) ON CONFLICT (key) DO UPDATE SET value = $value";
        command.Parameters.Add("$value", SqliteType.Integer).Value = value;
        command.ExecuteNonQuery();
    }
}
