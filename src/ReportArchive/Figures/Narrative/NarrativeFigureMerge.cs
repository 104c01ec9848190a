namespace ReportArchive.Figures.Narrative;

/// <summary>
/// Fills the figures the tables do not give (no table found, a page that stops early, a cell left null) with those
/// the prose states, each with its sentence as source and a warning <c>figures: KEY read from the prose: "…"</c>.
/// A figure the table gives is kept as read: where both exist the prose is a check
/// (<see cref="NarrativeCrossChecker"/>), never a replacement.
/// </summary>
public static class NarrativeFigureMerge
{
    private const int QuoteLength = 60;

    private static readonly Dictionary<string, int> TemplateOrder = FigureKeys.All
        .Select(k => k.Key).Distinct(StringComparer.Ordinal)
        .Select((key, index) => (key, index))
        .ToDictionary(p => p.key, p => p.index, StringComparer.Ordinal);

    public static FigureExtraction Merge(string text, FigureExtraction tables)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(tables);
        var narrative = NarrativeFigureReader.Read(text)
            .Where(f => tables.Template is null || tables.Figures.ContainsKey(f.Key))
            .Where(f => tables.Figures.GetValueOrDefault(f.Key) is null)
            .ToList();
        if (narrative.Count == 0)
        {
            return tables;
        }

        var figures = new OrderedDictionary<string, decimal?>(tables.Figures.Count + narrative.Count);
        foreach (var (key, value) in tables.Figures)
        {
            figures.Add(key, value);
        }

        var sources = new Dictionary<string, FigureSource>(tables.Sources, StringComparer.Ordinal);
        var warnings = tables.Warnings.ToList();
        foreach (var figure in narrative.OrderBy(f => TemplateOrder.GetValueOrDefault(f.Key, int.MaxValue)))
        {
            figures[figure.Key] = figure.Value;
            sources[figure.Key] = figure.Source;
            warnings.Add($"figures: {figure.Key} read from the prose: \"{Quote(figure.Source.Sentence!)}\"");
        }

        return tables with { Figures = figures, Warnings = warnings, Sources = sources };
    }

    private static string Quote(string sentence)
        => sentence.Length <= QuoteLength ? sentence : sentence[..QuoteLength] + "…";
}
