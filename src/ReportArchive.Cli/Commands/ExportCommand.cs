using System.CommandLine;
using ReportArchive.Exports;
using ReportArchive.Search;
using ReportArchive.Search.Catalog;
using ReportArchive.Storage;

namespace ReportArchive.Cli.Commands;

/// <summary>
/// <c>export --format csv|jsonl [--output FILE] [QUERY] [filters]</c>: the same rows as <c>GET /api/export</c>, to a file
/// or to standard output.
/// </summary>
internal static class ExportCommand
{
    public static Command Create()
    {
        var search = new SearchFilterOptions();
        var format = new Option<string>("--format") { Description = "csv (UTF-8 with a BOM) or jsonl.", DefaultValueFactory = _ => "csv" };
        format.AcceptOnlyFromAmong([.. ExportFormats.Names]);
        var output = new Option<FileInfo?>("--output", "-o") { Description = "File to write; standard output when absent." };
        var command = new Command("export", "Export the matching reports, one row each: metadata, checks, every figure and rate.")
        {
            format, output,
        };
        search.AddTo(command);
        command.SetAction(async (result, cancellationToken) =>
        {
            var filters = search.Filters(result);
            var exportFormat = ExportFormats.Parse(result.GetValue(format)) ?? throw new CommandLineException("--format must be csv or jsonl");
            var store = new ReportStore(ArchiveDatabase.Open(result.GetRequiredValue(CommonOptions.DataDirectory)));
            var reports = new Searcher(store, new ReportCatalog(store), UserDictionaries.Load(store.Database.DataDirectory)).FindAll(result.GetValue(search.Query), filters, cancellationToken);
            var file = result.GetValue(output);
            await using var stream = file is null ? Console.OpenStandardOutput() : file.Create();
            await new ReportExporter(store).ExportAsync(reports, exportFormat, stream, cancellationToken);
            if (file is not null)
            {
                await Console.Error.WriteLineAsync($"{reports.Count} reports written to {file.FullName}");
            }

            return 0;
        });
        return command;
    }
}
