namespace ReportArchive.Search.Highlighting;

/// <summary>A range of the original text that matched a query term.</summary>
public readonly record struct Highlight(int Start, int End);
