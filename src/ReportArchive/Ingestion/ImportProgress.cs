namespace ReportArchive.Ingestion;

/// <summary>How far an import has come: files done out of files found.</summary>
public sealed record ImportProgress(int Done, int Total, int Imported, int Duplicates, int Failed);
