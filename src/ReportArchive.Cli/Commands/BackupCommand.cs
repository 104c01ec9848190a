using System.CommandLine;
using ReportArchive.Storage;

namespace ReportArchive.Cli.Commands;

/// <summary><c>backup DEST</c>: a consistent copy of the archive (SQLite online backup), safe while the server runs.</summary>
internal static class BackupCommand
{
    public static Command Create()
    {
        var destination = new Argument<string>("destination") { Description = "The backup file, or a folder to write archive.db into." };
        var command = new Command("backup", "Copy the archive consistently, also while the server or an import is running.") { destination };
        command.SetAction(result =>
        {
            try
            {
                var database = ArchiveDatabase.Open(result.GetRequiredValue(CommonOptions.DataDirectory));
                var (file, reports) = ArchiveBackup.Backup(database, result.GetRequiredValue(destination));
                Console.Out.WriteLine($"Backed up {reports} reports to {file}.");
                return 0;
            }
            catch (Exception exception) when (exception is InvalidOperationException or InvalidDataException)
            {
                Console.Error.WriteLine($"Not backed up: {exception.Message}");
                return 1;
            }
        });
        return command;
    }
}
