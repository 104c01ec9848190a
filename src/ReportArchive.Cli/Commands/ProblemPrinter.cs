using ReportArchive.Figures;
using Spectre.Console;

namespace ReportArchive.Cli.Commands;

/// <summary>Prints a report's failed checks and warnings on the terminal (used by <c>parse</c> and <c>show</c>).</summary>
internal static class ProblemPrinter
{
    public static void Print(IEnumerable<FigureCheck> checks, IEnumerable<string> warnings)
    {
        foreach (var check in checks.Where(c => !c.Ok))
        {
            AnsiConsole.MarkupLineInterpolated($"[red]failed[/] {check.Rule}: {check.Detail}");
        }

        foreach (var warning in warnings)
        {
            AnsiConsole.MarkupLineInterpolated($"[yellow]warning[/] {warning}");
        }
    }
}
