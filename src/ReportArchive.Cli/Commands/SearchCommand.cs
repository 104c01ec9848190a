using System.CommandLine;
using System.Text.Json;
using ReportArchive.Json;
using ReportArchive.Search;
using ReportArchive.Search.Catalog;
using ReportArchive.Storage;
using Spectre.Console;

namespace ReportArchive.Cli.Commands;

/// <summary><c>search QUERY [filters] [--json]</c>: the same search as <c>GET /api/search</c>.</summary>
internal static class SearchCommand
{
    public static Command Create()
    {
        var search = new SearchFilterOptions();
        var page = new Option<int>("--page") { Description = "Page, from 1.", DefaultValueFactory = _ => 1 };
        var pageSize = new Option<int>("--page-size") { Description = "Hits per page, 1-100.", DefaultValueFactory = _ => SearchRequest.DefaultPageSize };
        var command = new Command("search", "Search the archive.")
        {
            page, pageSize, CommonOptions.Json,
        };
        search.AddTo(command);
        command.SetAction((result, cancellationToken) =>
        {
            var size = result.GetValue(pageSize);
            if (size is < 1 or > SearchRequest.MaxPageSize || result.GetValue(page) < 1)
            {
                throw new CommandLineException($"--page must be at least 1 and --page-size from 1 to {SearchRequest.MaxPageSize}");
            }

            var filters = search.Filters(result);
            var store = new ReportStore(ArchiveDatabase.Open(result.GetRequiredValue(CommonOptions.DataDirectory)));
            var searcher = new Searcher(store, new ReportCatalog(store), UserDictionaries.Load(store.Database.DataDirectory));
            var found = searcher.Search(new SearchRequest(result.GetValue(search.Query), filters, result.GetValue(page), size), cancellationToken);
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
