using ReportArchive.Search.Catalog;
using ReportArchive.Storage;

namespace ReportArchive.Exports;

/// <summary>Exports a list of reports (the matches of a search, in result order) to a stream in one format.</summary>
public sealed class ReportExporter(ReportStore store)
{
    private readonly ExportRowReader _rows = new(store);

    public Task ExportAsync(IReadOnlyList<CatalogEntry> reports, ExportFormat format, Stream output, CancellationToken cancellationToken)
    {
        var rows = _rows.ReadAsync(reports, cancellationToken);
        return format == ExportFormat.Csv
            ? CsvExportWriter.WriteAsync(rows, output, cancellationToken)
            : JsonLinesExportWriter.WriteAsync(rows, output, cancellationToken);
    }
}
