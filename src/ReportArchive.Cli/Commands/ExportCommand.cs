using System.CommandLine;
using ReportArchive.Exports;
using ReportArchive.Search;
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
        var query = new Argument<string>("query")
        {
            Description = "Terms (all must occur), \"exact strings\", a OR b, -excluded. Empty: every report (filters apply).",
            DefaultValueFactory = _ => "",
        };
        var format = new Option<string>("--format") { Description = "csv (UTF-8 with a BOM) or jsonl.", DefaultValueFactory = _ => "csv" };
        format.AcceptOnlyFromAmong([.. ExportFormats.Names]);
        var output = new Option<FileInfo?>("--output", "-o") { Description = "File to write; standard output when absent." };
        var year = new Option<string[]>("--year") { Description = "Year or range (2019..2021); repeat to OR.", AllowMultipleArgumentsPerToken = true };
        var province = new Option<string[]>("--province") { Description = "Province name; repeat to OR." };
        var city = new Option<string[]>("--city") { Description = "City name; repeat to OR." };
        var county = new Option<string[]>("--county") { Description = "County name; repeat to OR." };
        var agencyType = new Option<string[]>("--agency-type") { Description = "Agency type label; repeat to OR." };
        var level = new Option<string[]>("--level") { Description = "central, province, city, county or township." };
        var checks = new Option<string[]>("--checks") { Description = "passed or failed: whether the report's tables add up." };
        checks.AcceptOnlyFromAmong(SearchFilters.ChecksPassed, SearchFilters.ChecksFailed);
        var command = new Command("export", "Export the matching reports, one row each: metadata, checks, every figure and rate.")
        {
            query, format, output, year, province, city, county, agencyType, level, checks,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            var years = new List<YearRange>();
            foreach (var value in result.GetValue(year) ?? [])
            {
                years.Add(YearRange.Parse(value) ?? throw new CommandLineException($"--year: '{value}' is not a year (2021) or a range (2019..2021)"));
            }

            var filters = new SearchFilters(years, List(result.GetValue(province)), List(result.GetValue(city)),
                List(result.GetValue(county)), List(result.GetValue(agencyType)), List(result.GetValue(level)), List(result.GetValue(checks)));
            var exportFormat = ExportFormats.Parse(result.GetValue(format)) ?? throw new CommandLineException("--format must be csv or jsonl");
            var store = new ReportStore(ArchiveDatabase.Open(result.GetRequiredValue(CommonOptions.DataDirectory)));
            var reports = new Searcher(store, new ReportCatalog(store)).FindAll(result.GetValue(query), filters, cancellationToken);
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

    private static List<string> List(string[]? values) => values?.ToList() ?? [];
}
