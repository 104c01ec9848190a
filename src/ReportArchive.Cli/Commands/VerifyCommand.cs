using System.CommandLine;
using ReportArchive.Storage;

namespace ReportArchive.Cli.Commands;

/// <summary>
/// <c>verify [FILE]</c>: checks the archive (or a backup file) (<c>PRAGMA integrity_check</c> and every text index segment's checksum) without
/// changing it; exit 0 when sound, 1 with one line per problem when damaged. Safe while the server runs.
/// </summary>
internal static class VerifyCommand
{
    public static Command Create()
    {
        var archive = new Argument<string?>("archive")
        {
            Description = "A backup file (or a folder holding archive.db) to check instead of the data folder's archive.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var command = new Command("verify", "Check the archive for damage (SQLite integrity and the text index's checksums); exit 1 when damaged.")
        {
            archive,
        };
        command.SetAction(result =>
        {
            var given = result.GetValue(archive);
            var file = Path.GetFullPath(given is null
                ? Path.Combine(result.GetRequiredValue(CommonOptions.DataDirectory), ArchiveDatabase.FileName)
                : Directory.Exists(given) ? Path.Combine(given, ArchiveDatabase.FileName) : given);
            var problems = ArchiveVerifier.Verify(file);
            foreach (var problem in problems)
            {
                Console.Error.WriteLine($"damaged: {problem}");
            }

            if (problems.Count > 0)
            {
                return 1;
            }

            Console.Out.WriteLine($"The archive {file} is sound ({ArchiveVerifier.CountReports(file)} reports).");
            return 0;
        });
        return command;
    }
}
