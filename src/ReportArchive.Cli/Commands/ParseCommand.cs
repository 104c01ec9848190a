using System.CommandLine;
using System.Text.Json;
using ReportArchive.Documents;
using ReportArchive.Ingestion;
using ReportArchive.Json;
using Spectre.Console;

namespace ReportArchive.Cli.Commands;

/// <summary><c>parse FILE [--source-url URL] [--json]</c>: what would be extracted from one file, without storing anything.</summary>
internal static class ParseCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "A report file (.txt, .md, .html, .htm, .docx or .pdf)." };
        var sourceUrl = new Option<string>("--source-url")
        {
            Description = "Where the file was taken from (an absolute http or https URL, as an upload's sourceUrl): kept as its source and read as evidence of its region.",
        };
        sourceUrl.Validators.Add(option =>
        {
            var value = option.GetValueOrDefault<string>();
            if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                option.AddError($"--source-url must be an absolute http or https URL, not '{value}'.");
            }
        });
        var command = new Command("parse", "Print what would be extracted from one file, without storing it.") { file, sourceUrl, CommonOptions.Json };
        command.SetAction(async (result, cancellationToken) =>
        {
            var path = result.GetRequiredValue(file).FullName;
            SourceDocument source;
            try
            {
                source = await new ReportFileReader().ReadAsync(path, cancellationToken);
            }
            catch (Exception exception) when (exception is InvalidReportFileException or IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"{path}: {exception.Message}");
                return 1;
            }

            var view = ParsedReportView.From(new ReportParser().Parse(source, result.GetValue(sourceUrl)));
            if (result.GetValue(CommonOptions.Json))
            {
                Console.Out.WriteLine(JsonSerializer.Serialize(view, ArchiveJson.Indented));
                return 0;
            }

            var table = new Table().AddColumns("figure", "value");
            foreach (var (key, value) in view.Figures)
            {
                table.AddRow(Markup.Escape(key), value?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "[grey]null[/]");
            }

            AnsiConsole.MarkupLineInterpolated($"[bold]{view.Title}[/]\nagency {view.Agency}, year {view.Year}, template {view.Template}");
            AnsiConsole.Write(table);
            ProblemPrinter.Print(view.Checks, view.Warnings);

            return 0;
        });
        return command;
    }
}
