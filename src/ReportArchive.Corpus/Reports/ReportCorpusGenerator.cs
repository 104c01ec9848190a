using System.Globalization;
using System.Text;
using ReportArchive.Corpus.Tables;

namespace ReportArchive.Corpus.Reports;

/// <summary>
/// Generates realistic reports, deterministically from a seed: varied agencies, regions and years 2019–2024,
/// narrative recombined from sentence patterns with extraction noise (lines wrapped inside words, spaced-out
/// headings), and tables in every layout the figure reader handles, with the truth of every figure.
/// </summary>
public sealed class ReportCorpusGenerator(int seed)
{
    private static readonly TableLayout[] Layouts = Enum.GetValues<TableLayout>();
    private readonly LabelledTableRenderer _tables = new();

    public IEnumerable<GeneratedReport> Generate(int count)
    {
        var random = new Random(seed);
        for (var i = 0; i < count; i++)
        {
            yield return Generate(i, random);
        }
    }

    private GeneratedReport Generate(int index, Random random)
    {
        var agency = AgencyPool.Pick(random);
        var year = random.Next(2019, 2025);
        var template = year >= 2021 ? "2021" : "2019";
        var tables = _tables.Render(ReportFiguresGenerator.Generate(template, random), Layouts[random.Next(Layouts.Length)], random);

        var text = new StringBuilder(8 * 1024);
        text.Append(random.NextDouble() < 0.3 ? "\n\n" : "");
        text.Append(random.NextDouble() < 0.5
            ? $"{agency.Name} {year} 年政府信息公开工作年度报告"
            : $"{agency.Name}{year}年政府信息公开工作年度报告").Append("\n\n");
        text.Append(ExtractionNoise.WrapLines(NarrativeWriter.Preamble(agency, year, random), random)).Append("\n\n");
        text.Append(random.NextDouble() < 0.3 ? ExtractionNoise.SpaceOut("一、总体情况") : "一、总体情况").Append("\n\n");
        text.Append(ExtractionNoise.SpaceNumbers(ExtractionNoise.WrapLines(NarrativeWriter.Overview(agency, year, random), random), random)).Append("\n\n");
        text.Append(tables.Text).Append("\n\n");
        text.Append("五、存在的主要问题及改进情况\n\n");
        text.Append(ExtractionNoise.WrapLines(NarrativeWriter.ProblemsAndImprovements(agency, year, random), random)).Append("\n\n");
        text.Append("六、其他需要报告的事项\n\n无。\n");
        var fileName = string.Create(CultureInfo.InvariantCulture, $"gen-{seed}-{index:D6}.txt");
        return new GeneratedReport(fileName, text.ToString(), agency, year, tables);
    }
}
