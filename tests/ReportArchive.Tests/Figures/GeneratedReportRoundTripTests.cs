using System.Diagnostics;
using ReportArchive.Corpus.Tables;
using ReportArchive.Figures;
using Xunit.Abstractions;

namespace ReportArchive.Tests.Figures;

/// <summary>Generated labelled reports of every layout and defect, read back: no wrong figure, every determinable one read.</summary>
public sealed class GeneratedReportRoundTripTests(ITestOutputHelper output)
{
    private const int Reports = 2400;

    [Fact]
    public void Extract_ReadsGeneratedReportsOfEveryLayoutWithoutAWrongFigure()
    {
        var extractor = new FigureTableExtractor();
        var renderer = new LabelledTableRenderer();
        var failures = new List<string>();
        long right = 0, wrong = 0, empty = 0, emptyDeterminable = 0, undetermined = 0, recovered = 0;
        var elapsed = new Stopwatch();
        for (var seed = 0; seed < Reports; seed++)
        {
            var (tables, text) = Generate(renderer, seed);
            elapsed.Start();
            var result = extractor.Extract(text);
            elapsed.Stop();

            var label = $"seed {seed} ({tables.Layout}, {tables.Defect}, {tables.Template})";
            if (result.Template != tables.Template)
            {
                failures.Add($"{label}: template {result.Template}");
                continue;
            }

            foreach (var (key, expected) in tables.Figures)
            {
                var actual = result.Figures[key];
                if (!tables.Determinable.Contains(key))
                {
                    undetermined++;
                    recovered += actual == expected ? 1 : 0;
                }

                if (actual is null)
                {
                    empty++;
                    if (tables.Determinable.Contains(key))
                    {
                        emptyDeterminable++;
                        failures.Add($"{label}: {key} empty, expected {expected}");
                    }
                }
                else if (actual == expected)
                {
                    right++;
                }
                else
                {
                    wrong++;
                    failures.Add($"{label}: {key} = {actual}, expected {expected}");
                }
            }

            if (tables.Determinable.Count == tables.Figures.Count)
            {
                var failed = result.Checks.Where(c => !c.Ok && !c.Rule.StartsWith("narrative.", StringComparison.Ordinal)).Select(c => c.Rule).Order();
                if (!failed.SequenceEqual(tables.ExpectedFailedRules.Order()))
                {
                    failures.Add($"{label}: failed rules [{string.Join(", ", failed)}], expected [{string.Join(", ", tables.ExpectedFailedRules)}]");
                }
            }

            if (tables.ExpectsWarning && result.Warnings.Count == 0)
            {
                failures.Add($"{label}: no warning");
            }

            if (tables.Defect == TableDefect.None && result.Warnings.Count > 0)
            {
                failures.Add($"{label}: unexpected warning {result.Warnings[0]}");
            }
        }

        var total = right + wrong + empty;
        output.WriteLine($"{Reports} reports, {total} figures: right {right}, wrong {wrong}, empty {empty} (of which determinable {emptyDeterminable}); "
            + $"{undetermined} cells garbled beyond certainty, {recovered} of them still read right through the identities; "
            + $"extraction {elapsed.Elapsed.TotalMilliseconds / Reports:F3} ms per report (this build, JIT warm-up included)");
        Assert.True(failures.Count == 0, $"{failures.Count} failures:\n" + string.Join('\n', failures.Take(25)));
    }

    [Fact]
    public void Render_IsDeterministicForASeed()
    {
        var renderer = new LabelledTableRenderer();

        var first = Generate(renderer, 42);
        var second = Generate(renderer, 42);

        Assert.Equal(first.Text, second.Text);
        Assert.Equal(first.Tables.Figures, second.Tables.Figures);
    }

    [Fact]
    public void Render_RecordsTheRulesAnInconsistentTableBreaks()
    {
        var rng = new Random(7);
        var truth = ReportFiguresGenerator.Generate(FigureKeys.Template2021, rng);

        var tables = new LabelledTableRenderer().Render(truth, TableLayout.TabSeparated, rng, TableDefect.Inconsistent);

        Assert.Contains(tables.ExpectedFailedRules, r => r.StartsWith("requests.rowTotal.", StringComparison.Ordinal));
        Assert.NotEqual(truth.Values, tables.Figures);
    }

    internal static (LabelledTables Tables, string Text) Generate(LabelledTableRenderer renderer, int seed)
    {
        var rng = new Random(seed);
        var template = rng.NextDouble() < 0.5 ? FigureKeys.Template2021 : FigureKeys.Template2019;
        var truth = ReportFiguresGenerator.Generate(template, rng);
        var layout = (TableLayout)(seed % Enum.GetValues<TableLayout>().Length);
        var draw = rng.NextDouble();
        var defect = draw switch
        {
            < 0.55 => TableDefect.None,
            < 0.67 => TableDefect.Inconsistent,
            < 0.78 => TableDefect.ExtraReviewValue,
            < 0.89 => TableDefect.MissingRequestCell,
            _ => TableDefect.RunTogetherCells,
        };
        var tables = renderer.Render(truth, layout, rng, defect);
        var year = template == FigureKeys.Template2021 ? 2021 + rng.Next(4) : 2019 + rng.Next(2);
        var text = $"某某区工业和信息化局{year}年政府信息公开工作年度报告\n\n一、总体情况\n\n本年度报告由某某区工业和信息化局编制。\n\n"
            + tables.Text
            + "\n五、存在的主要问题及改进情况\n\n信息公开工作仍需加强。\n";
        return (tables, text);
    }
}
