using System.CommandLine;
using System.Text.Json;
using ReportArchive.Json;
using ReportArchive.Search;
using ReportArchive.Storage;
using Spectre.Console;

namespace ReportArchive.Cli.Commands;

/// <summary><c>search QUERY [filters] [--json]</c>: the same search as <c>GET /api/search</c>.</summary>
internal static class SearchCommand
{
    public static Command Create()
    {
        var query = new Argument<string>("query")
        {
            Description = "Terms (all must occur), \"exact strings\", a OR b, -excluded. Empty with filters: browse.",
            DefaultValueFactory = _ => "",
        };
        var year = new Option<string[]>("--year") { Description = "Year or range (2019..2021); repeat to OR.", AllowMultipleArgumentsPerToken = true };
        var province = new Option<string[]>("--province") { Description = "Province name; repeat to OR." };
        var city = new Option<string[]>("--city") { Description = "City name; repeat to OR." };
        var county = new Option<string[]>("--county") { Description = "County name; repeat to OR." };
        var region = new Option<string[]>("--region") { Description = "Division code prefix (4103) or name; repeat to OR." };
        var agencyType = new Option<string[]>("--agency-type") { Description = "Agency type label; repeat to OR." };
        var level = new Option<string[]>("--level") { Description = "central, province, city, county or township." };
        var checks = new Option<string[]>("--checks") { Description = "passed or failed: whether the report's tables add up." };
        checks.AcceptOnlyFromAmong(SearchFilters.ChecksPassed, SearchFilters.ChecksFailed);
        var page = new Option<int>("--page") { Description = "Page, from 1.", DefaultValueFactory = _ => 1 };
        var pageSize = new Option<int>("--page-size") { Description = "Hits per page, 1-100.", DefaultValueFactory = _ => SearchRequest.DefaultPageSize };
        var command = new Command("search", "Search the archive.")
        {
            query, year, province, city, county, region, agencyType, level, checks, page, pageSize, CommonOptions.Json,
        };
        command.SetAction((result, cancellationToken) =>
        {
            var years = new List<YearRange>();
            foreach (var value in result.GetValue(year) ?? [])
            {
                years.Add(YearRange.Parse(value) ?? throw new CommandLineException($"--year: '{value}' is not a year (2021) or a range (2019..2021)"));
            }

            var size = result.GetValue(pageSize);
            if (size is < 1 or > SearchRequest.MaxPageSize || result.GetValue(page) < 1)
            {
                throw new CommandLineException($"--page must be at least 1 and --page-size from 1 to {SearchRequest.MaxPageSize}");
            }

            var filters = new SearchFilters(years, List(result.GetValue(province)), List(result.GetValue(city)),
                List(result.GetValue(county)), List(result.GetValue(agencyType)), List(result.GetValue(level)), List(result.GetValue(checks)),
                List(result.GetValue(region)));
            var store = new ReportStore(ArchiveDatabase.Open(result.GetRequiredValue(CommonOptions.DataDirectory)));
            var searcher = new Searcher(store, new ReportCatalog(store));
            var found = searcher.Search(new SearchRequest(result.GetValue(query), filters, result.GetValue(page), size), cancellationToken);
            if (result.GetValue(CommonOptions.Json))
            {
                Console.Out.WriteLine(JsonSerializer.Serialize(found, ArchiveJson.Indented));
            }
            else
            {
                Print(found);
            }

            return Task.FromResult(0);
        });
        return command;
    }

    private static List<string> List(string[]? values) => values?.ToList() ?? [];

    private static void Print(SearchResult result)
    {
        var table = new Table().AddColumns("id", "year", "agency", "region", "passage");
        foreach (var hit in result.Hits)
        {
            var region = string.Join(" ", new[] { hit.Province, hit.City, hit.County }.Where(v => v is not null));
            var passage = hit.Snippets.Count > 0 ? SnippetMarkup.ToConsoleMarkup(hit.Snippets[0]) : "";
            table.AddRow(new Markup(hit.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new Markup(hit.Year?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? ""),
                new Markup(Markup.Escape(hit.Agency ?? hit.FileName)), new Markup(Markup.Escape(region)), new Markup(passage));
        }

        AnsiConsole.Write(table);
        AnsiConsole.MarkupLineInterpolated($"{result.Total} reports ({result.TookMs} ms), page {result.Page}");
    }
}
