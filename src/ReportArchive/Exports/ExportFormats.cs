namespace ReportArchive.Exports;

/// <summary>The names of the export formats as the API and the command line spell them, with their media types.</summary>
public static class ExportFormats
{
    public static IReadOnlyList<string> Names { get; } = ["csv", "jsonl", "xlsx"];

    public static ExportFormat? Parse(string? name) => name switch
    {
        "csv" => ExportFormat.Csv,
        "jsonl" => ExportFormat.Jsonl,
        "xlsx" => ExportFormat.Xlsx,
        _ => null,
    };

    public static string ContentType(ExportFormat format) => format switch
    {
        ExportFormat.Csv => "text/csv; charset=utf-8",
        ExportFormat.Jsonl => "application/jsonl; charset=utf-8",
        _ => XlsxMediaType,
    };

    public const string XlsxMediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static string Extension(ExportFormat format) => format switch
    {
        ExportFormat.Csv => "csv",
        ExportFormat.Jsonl => "jsonl",
        _ => "xlsx",
    };
}
