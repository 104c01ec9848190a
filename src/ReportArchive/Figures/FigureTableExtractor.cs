namespace ReportArchive.Figures;

/// <summary>
/// Reads the figures of tables A, B and C (主动公开, 收到和处理申请, 行政复议和行政诉讼) from a report's full text,
/// whatever the extraction did to the tables, detects the template, evaluates the template's identities and
/// cross-checks the counts the prose states. Pure and thread-safe.
/// </summary>
public sealed class FigureTableExtractor
{
    /// <summary>Bump when extraction changes; stored per report as parser version.</summary>
    public const int Version = 3;

    private static readonly IReadOnlyDictionary<string, decimal?> NoFigures = System.Collections.ObjectModel.ReadOnlyDictionary<string, decimal?>.Empty;

    /// <summary>Never throws: garbage in gives empty figures and warnings.</summary>
    public FigureExtraction Extract(string text)
    {
        var warnings = new List<string>();
        try
        {
            var tables = ExtractTables(text ?? string.Empty, warnings);

            // Figures the tables do not give, read from the prose (issue 15, item 6).
            return Narrative.NarrativeFigureMerge.Merge(text ?? string.Empty, tables);
        }
        catch (Exception exception)
        {
            warnings.Add("figures: extraction failed: " + exception.GetType().Name + ": " + exception.Message);
            return new FigureExtraction(null, NoFigures, [], warnings);
        }
    }

    private static FigureExtraction ExtractTables(string text, List<string> warnings)
    {
        var (normalized, origins) = ReportTextNormalizer.NormalizeWithOffsets(text);
        var table = new TableText(normalized);
        var regions = TableRegionLocator.Locate(table);
        if (!regions.AnyTable)
        {
            // a report on a year before 2019: the old statute's 统计表 (指标名称 | 计量单位 | 2013年度 | 历年累计)
            if (LegacyStatisticsTableReader.Read(text, warnings) is { } legacy)
            {
                return legacy;
            }

            warnings.Add("figures: no table found");
            return new FigureExtraction(null, NoFigures, [], warnings);
        }

        var template = TemplateDetector.Detect(table, regions, warnings);
        var shape = TemplateShape.For(template);
        var figures = new OrderedDictionary<string, decimal?>(shape.Keys.Count);
        foreach (var key in shape.Keys)
        {
            figures.Add(key.Key, null);
        }

        var cells = new Dictionary<string, FigureCellSpan>(StringComparer.Ordinal);
        ProactiveTableReader.Read(table, shape, regions, figures, cells, warnings);
        RequestTableReader.Read(table, shape, regions, figures, cells, warnings);
        ReviewTableReader.Read(table, regions, figures, cells, warnings);

        // the tables found give no value: a report on a year before 2019 may have the old statute's 统计表 instead
        if (figures.Values.All(v => v is null) && LegacyStatisticsTableReader.Read(text, []) is { } oldTable)
        {
            return oldTable;
        }

        var checks = new List<FigureCheck>();
        FigureIdentityChecker.Check(shape, figures, checks);
        NarrativeCrossChecker.Check(table, regions, figures, checks);
        return new FigureExtraction(template, figures, checks, warnings) { Sources = Sources(figures, cells, origins) };
    }

    /// <summary>The cells' spans in the original text (through the normalizer's offset map), for the figures that have a value.</summary>
    private static Dictionary<string, FigureSource> Sources(OrderedDictionary<string, decimal?> figures, Dictionary<string, FigureCellSpan> cells, int[] origins)
    {
        var sources = new Dictionary<string, FigureSource>(StringComparer.Ordinal);
        foreach (var (key, value) in figures)
        {
            if (value is null || !cells.TryGetValue(key, out var cell) || cell.End <= cell.Start || cell.End > origins.Length)
            {
                continue;
            }

            var start = origins[cell.Start];
            var end = origins[cell.End - 1] + 1;
            sources[key] = new FigureSource(FigureSourceKind.Table, start, end - start, cell.Table, cell.Row, cell.Column);
        }

        return sources;
    }
}
