namespace ReportArchive.LoadTest;

/// <summary>The numbers of <see cref="SearchesDuringImport"/>, as printed and written to --json.</summary>
internal sealed record SearchesDuringImportResult(
    long ReportsBefore, long ReportsAfter, int Created, int AlreadyStored, IReadOnlyDictionary<string, int> UploadErrors, double ImportSeconds,
    LoadMeasurement Idle, LoadMeasurement DuringImport, double P99Ratio, double MaxRatio, bool Passed);
