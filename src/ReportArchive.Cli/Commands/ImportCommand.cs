using System.CommandLine;
using ReportArchive.Ingestion;
using ReportArchive.Storage;
using Spectre.Console;

namespace ReportArchive.Cli.Commands;

/// <summary><c>import PATH...</c>: imports report files and folders, with a progress bar on a terminal.</summary>
internal static class ImportCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = "Report files (.txt, .md) and folders (searched recursively).",
            Arity = ArgumentArity.OneOrMore,
        };
        var command = new Command("import", "Import report files into the archive.") { paths };
        command.SetAction(async (result, cancellationToken) =>
        {
            var database = ArchiveDatabase.Open(result.GetRequiredValue(CommonOptions.DataDirectory));
            var importer = new ReportImporter(new ReportStore(database));
            var summary = await RunAsync(importer, result.GetRequiredValue(paths), cancellationToken);
            Print(summary);
            return summary.Failed.Count == 0 ? 0 : 1;
        });
        return command;
    }

    private static async Task<ImportSummary> RunAsync(ReportImporter importer, string[] paths, CancellationToken cancellationToken)
    {
        if (!AnsiConsole.Profile.Capabilities.Interactive || Console.IsOutputRedirected)
        {
            return await importer.ImportAsync(paths, null, cancellationToken);
        }

        return await AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask("Importing");
                var progress = new Progress<ImportProgress>(p =>
                {
                    task.MaxValue = Math.Max(1, p.Total);
                    task.Value = p.Done;
                    task.Description = $"Imported {p.Imported}, duplicates {p.Duplicates}, failed {p.Failed}";
                });
                return await importer.ImportAsync(paths, progress, cancellationToken);
            });
    }

    private static void Print(ImportSummary summary)
    {
        foreach (var failure in summary.Failed)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]failed[/] {failure.Path}: {failure.Reason}");
        }

        AnsiConsole.MarkupLineInterpolated(
            $"Imported {summary.Imported.Count}, duplicates {summary.Duplicates.Count}, failed {summary.Failed.Count}.");
    }
}
