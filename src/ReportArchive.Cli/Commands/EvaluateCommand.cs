using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using ReportArchive.Evaluation;
using ReportArchive.Json;

namespace ReportArchive.Cli.Commands;

/// <summary>
/// <c>evaluate DIR [--json] [-v]</c>: scores <c>parse</c> on a folder of real reports with hand-checked expected
/// values (<c>DIR/expected/NNN.json</c> for <c>DIR/reports/NNN.txt</c> and <c>DIR/html/NNN.html</c>) and prints
/// precision, recall, metadata accuracy and every miss. Exits 4 when a target of <see cref="EvaluationTargets"/> is not met.
/// </summary>
internal static class EvaluateCommand
{
    public const int BelowTargetsExitCode = 4;

    public static Command Create()
    {
        var directory = new Argument<DirectoryInfo>("dir") { Description = "A folder with expected/, reports/ and optionally html/ (as ../shared/real-reports/)." };
        var verbose = new Option<bool>("--verbose", "-v") { Description = "Also print each input's score." };
        var command = new Command("evaluate", "Score parse against hand-checked expected values: figure precision and recall, metadata accuracy, every miss.")
        {
            directory, CommonOptions.Json, verbose,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            var path = result.GetRequiredValue(directory).FullName;
            EvaluationResult evaluation;
            try
            {
                evaluation = await new ReportEvaluator().EvaluateAsync(path, cancellationToken);
            }
            catch (Exception exception) when (exception is DirectoryNotFoundException or InvalidDataException or IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"{path}: {exception.Message}");
                return 1;
            }

            if (result.GetValue(CommonOptions.Json))
            {
                Console.Out.WriteLine(JsonSerializer.Serialize(evaluation, ArchiveJson.Indented));
            }
            else
            {
                Print(evaluation, result.GetValue(verbose));
            }

            return evaluation.MeetsTargets ? 0 : BelowTargetsExitCode;
        });
        return command;
    }

    private static void Print(EvaluationResult evaluation, bool verbose)
    {
        var output = Console.Out;
        foreach (var miss in evaluation.Misses)
        {
            output.WriteLine($"{miss.Input}\t{miss.Field}\tgot {miss.Got ?? "null"}\texpected {miss.Expected ?? "null"}");
        }

        if (verbose)
        {
            foreach (var input in evaluation.Inputs)
            {
                output.WriteLine(
                    $"{input.Input}: metadata {input.MetadataRight}/{input.MetadataTotal}, figures right {input.FiguresRight}, wrong {input.FiguresWrong}, "
                    + $"given where null {input.FiguresGivenWhereNull}, expected {input.FiguresExpected}");
            }
        }

        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{evaluation.Inputs.Count} inputs; metadata {evaluation.MetadataRight}/{evaluation.MetadataTotal} = {evaluation.MetadataAccuracy:F3} "
            + $"(target {EvaluationTargets.MetadataAccuracy:F2}); figures precision {evaluation.FigurePrecision:F3} (target {EvaluationTargets.FigurePrecision:F2}), "
            + $"recall {evaluation.FigureRecall:F3} (target {EvaluationTargets.FigureRecall:F2}) "
            + $"(right {evaluation.FiguresRight}, wrong {evaluation.FiguresWrong}, given where null {evaluation.FiguresGivenWhereNull}, "
            + $"expected non-null {evaluation.FiguresExpected}); targets {(evaluation.MeetsTargets ? "met" : "not met")}"));
    }
}
