using System.CommandLine;
using ReportArchive.Storage;

namespace ReportArchive.Cli.Commands;

/// <summary><c>restore SRC [--force]</c>: brings a backup back; refuses to replace an archive holding reports without --force.</summary>
internal static class RestoreCommand
{
    public static Command Create()
    {
        var source = new Argument<string>("source") { Description = "The backup file (or a folder holding archive.db)." };
        var force = new Option<bool>("--force") { Description = "Replace an archive that already holds reports." };
        var command = new Command("restore", "Restore the archive from a backup (stop the server first).") { source, force };
        command.SetAction(result =>
        {
            try
            {
                var reports = ArchiveBackup.Restore(result.GetRequiredValue(source), result.GetRequiredValue(CommonOptions.DataDirectory), result.GetValue(force));
                Console.Out.WriteLine($"Restored {reports} reports.");
                return 0;
            }
            catch (Exception exception) when (exception is InvalidOperationException or InvalidDataException or FileNotFoundException or ArchiveInUseException)
            {
                Console.Error.WriteLine($"Not restored: {exception.Message}");
                return 1;
            }
        });
        return command;
    }
}
