namespace ReportArchive.Ingestion;

/// <summary>The outcome of an import: every file named once, as imported, duplicate or failed (with the reason).</summary>
public sealed record ImportSummary(
    IReadOnlyList<ImportedFile> Imported,
    IReadOnlyList<ImportedFile> Duplicates,
    IReadOnlyList<FailedFile> Failed);

/// <summary>A file and the id of the report it is (newly or already) stored as.</summary>
public sealed record ImportedFile(string Path, long Id);

/// <summary>A file that was not imported and why.</summary>
public sealed record FailedFile(string Path, string Reason);
