using ReportArchive.Search.Catalog;
using ReportArchive.Storage;

namespace ReportArchive.Exports;

/// <summary>Exports a list of reports (the matches of a search, in result order) to a stream in one format.</summary>
public sealed class ReportExporter(ReportStore store)
{
    private readonly ExportRowReader _rows = new(store);

    /// <summary>With the keys as headers and values (the command line's export).</summary>
    public Task ExportAsync(IReadOnlyList<CatalogEntry> reports, ExportFormat format, Stream output, CancellationToken cancellationToken)
        => ExportAsync(reports, format, ExportLabels.Keys, output, cancellationToken);

    /// <summary><paramref name="labels"/> names the CSV's and XLSX's headers and level values; JSON Lines always has the keys.</summary>
    public Task ExportAsync(IReadOnlyList<CatalogEntry> reports, ExportFormat format, ExportLabels labels, Stream output, CancellationToken cancellationToken)
    {
        var rows = _rows.ReadAsync(reports, cancellationToken);
        return format switch
        {
            ExportFormat.Csv => CsvExportWriter.WriteAsync(rows, labels, output, cancellationToken),
            ExportFormat.Xlsx => XlsxExportWriter.WriteAsync(rows, labels, output, cancellationToken),
            _ => JsonLinesExportWriter.WriteAsync(rows, output, cancellationToken),
        };
    }
}
