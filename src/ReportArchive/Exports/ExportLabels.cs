namespace ReportArchive.Exports;

/// <summary>
/// What a CSV or XLSX export's header row and <c>level</c> column say: the Chinese labels (the template's row ×
/// column names, 机关, 年份…, 省级) or the stable keys and values scripts read (<c>requests.new.total</c>, <c>province</c>).
/// JSON Lines always carries the keys.
/// </summary>
public enum ExportLabels
{
    Chinese,
    Keys,
}
