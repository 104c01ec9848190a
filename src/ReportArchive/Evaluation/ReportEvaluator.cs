using ReportArchive.Documents;
using ReportArchive.Ingestion;
using ReportArchive.Regions;

namespace ReportArchive.Evaluation;

/// <summary>
/// Scores the parser on a folder laid out as <c>../shared/real-reports/</c>: for every <c>expected/NNN.json</c>,
/// <c>reports/NNN.txt</c> and, where present, <c>html/NNN.html</c> are read as an upload would read them and
/// scored as separate inputs. An input that cannot be read scores as read empty (every field missed).
/// </summary>
public sealed class ReportEvaluator
{
    private readonly ReportFileReader reader = new();
    private readonly ReportParser parser = new();

    public async Task<EvaluationResult> EvaluateAsync(string directory, CancellationToken cancellationToken)
    {
        var expectedDirectory = Path.Combine(directory, "expected");
        if (!Directory.Exists(expectedDirectory))
        {
            throw new DirectoryNotFoundException($"{directory} has no expected/ folder of NNN.json files");
        }

        var inputs = new List<InputScore>();
        foreach (var expectedFile in Directory.EnumerateFiles(expectedDirectory, "*.json").Order(StringComparer.Ordinal))
        {
            var id = Path.GetFileNameWithoutExtension(expectedFile);
            var expected = ExpectedReportReader.Read(id, await File.ReadAllTextAsync(expectedFile, cancellationToken));
            foreach (var input in new[] { Path.Combine("reports", id + ".txt"), Path.Combine("html", id + ".html") })
            {
                var path = Path.Combine(directory, input);
                if (File.Exists(path))
                {
                    inputs.Add(await ScoreAsync(input, path, expected, cancellationToken));
                }
            }
        }

        return new EvaluationResult(inputs);
    }

    private async Task<InputScore> ScoreAsync(string input, string path, ExpectedReport expected, CancellationToken cancellationToken)
    {
        try
        {
            var source = await reader.ReadAsync(path, cancellationToken);
            var parsed = parser.Parse(source.Text);
            return ReportScorer.Score(input, expected, parsed.Metadata, parsed.Figures.Figures);
        }
        catch (Exception exception) when (exception is InvalidReportFileException or IOException)
        {
            var nothing = new ReportMetadata(null, null, null, ResolvedRegion.None, null, []);
            var score = ReportScorer.Score(input, expected, nothing, new Dictionary<string, decimal?>());
            return score with { Misses = [new EvaluationMiss(input, "file", exception.Message, null, EvaluationMissKind.Metadata), .. score.Misses] };
        }
    }
}
