namespace ReportArchive.Exports;

/// <summary>The names of the export formats as the API and the command line spell them, with their media types.</summary>
public static class ExportFormats
{
    public static IReadOnlyList<string> Names { get; } = ["csv", "jsonl"];

    public static ExportFormat? Parse(string? name) => name switch
    {
        "csv" => ExportFormat.Csv,
        "jsonl" => ExportFormat.Jsonl,
        _ => null,
    };

    public static string ContentType(ExportFormat format) =>
        format == ExportFormat.Csv ? "text/csv; charset=utf-8" : "application/jsonl; charset=utf-8";

    public static string Extension(ExportFormat format) => format == ExportFormat.Csv ? "csv" : "jsonl";
}
