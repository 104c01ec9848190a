namespace ReportArchive.Corpus.Tables;

/// <summary>The true figures of one report: every key of its template (see ReportArchive.Figures.FigureKeys).</summary>
public sealed record ReportFigures(string Template, IReadOnlyDictionary<string, decimal> Values);
