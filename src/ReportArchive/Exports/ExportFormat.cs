namespace ReportArchive.Exports;

/// <summary>The export formats: CSV (UTF-8 with a BOM, one column per figure key) or JSON Lines (one object per line).</summary>
public enum ExportFormat
{
    Csv,
    Jsonl,
}
