namespace ReportArchive.Exports;

/// <summary>
/// The export formats: CSV (UTF-8 with a BOM, one column per figure key), JSON Lines (one object per line) or XLSX
/// (one worksheet, the CSV's header row and rows, numbers as numbers).
/// </summary>
public enum ExportFormat
{
    Csv,
    Jsonl,
    Xlsx,
}
