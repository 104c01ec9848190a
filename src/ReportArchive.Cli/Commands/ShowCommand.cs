using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using ReportArchive.Documents;
using ReportArchive.Figures;
using ReportArchive.Keywords;
using ReportArchive.Json;
using ReportArchive.Storage;
using Spectre.Console;

namespace ReportArchive.Cli.Commands;

/// <summary><c>show ID [--json]</c>: one stored report.</summary>
internal static class ShowCommand
{
    public static Command Create()
    {
        var id = new Argument<long>("id") { Description = "The report's id." };
        var command = new Command("show", "Show one report: metadata, figures, checks, warnings.") { id, CommonOptions.Json };
        command.SetAction(result =>
        {
            var store = new ReportStore(ArchiveDatabase.Open(result.GetRequiredValue(CommonOptions.DataDirectory)));
            var report = store.Get(result.GetValue(id));
            if (report is null)
            {
                Console.Error.WriteLine($"There is no report with id {result.GetValue(id)}.");
                return 3;
            }

            var view = ReportView.From(report, KeywordExtractor.Default.For(report, store));
            if (result.GetValue(CommonOptions.Json))
            {
                Console.Out.WriteLine(JsonSerializer.Serialize(view, ArchiveJson.Indented));
                return 0;
            }

            var grid = new Grid().AddColumns(2);
            void Row(string name, object? value) => grid.AddRow(new Markup($"[bold]{name}[/]"), new Markup(Markup.Escape(Convert.ToString(value, CultureInfo.InvariantCulture) ?? "")));
            Row("id", view.Id);
            Row("file", view.FileName);
            Row("title", view.Title);
            Row("agency", view.Agency);
            Row("year", view.Year);
            Row("region", string.Join(" ", new[] { view.Province, view.City, view.County }.Where(v => v is not null)));
            Row("level", view.Level);
            Row("agency types", string.Join(", ", view.AgencyTypes));
            Row("template", view.Template);
            Row("figures", $"{view.Figures.Count(f => f.Value is not null)} read, {view.Figures.Count(f => f.Value is null)} missing");
            Row("checks", $"{view.Checks.Count(c => c.Ok)} passed, {view.Checks.Count(c => !c.Ok)} failed");
            Row("keywords", string.Join(" ", view.Keywords.Select(k => k.Word)));
            AnsiConsole.Write(grid);
            ProblemPrinter.Print(view.Checks.Select(c => new FigureCheck(c.Rule, c.Ok, c.Detail)), view.Warnings);

            return 0;
        });
        return command;
    }
}
