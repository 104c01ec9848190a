namespace ReportArchive.Keywords;

/// <summary>A word that characterises a report: how often it occurs there and its TF-IDF score over the archive.</summary>
public sealed record Keyword(string Word, int Count, double Score);
