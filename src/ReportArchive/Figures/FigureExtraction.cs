namespace ReportArchive.Figures;

/// <summary>The figures of tables A, B and C of one report, with the template's checks.</summary>
/// <param name="Template">"2019" or "2021" (the national template the tables follow), or null when no table was found.</param>
/// <param name="Figures">Every key of the template in template order (table A, B, C); null where the text does not give the cell.</param>
/// <param name="Checks">One entry per identity that could be evaluated, then the narrative cross-checks.</param>
/// <param name="Warnings">What the reader could not read, and every reading it chose for a mangled row.</param>
public sealed record FigureExtraction(
    string? Template,
    IReadOnlyDictionary<string, decimal?> Figures,
    IReadOnlyList<FigureCheck> Checks,
    IReadOnlyList<string> Warnings)
{
    /// <summary>Where each figure with a value was read (figure key → source); a key without a source has no value.</summary>
    public IReadOnlyDictionary<string, FigureSource> Sources { get; init; } =
        System.Collections.ObjectModel.ReadOnlyDictionary<string, FigureSource>.Empty;
}
