using CsvHelper;

namespace ReportArchive.Exports;

/// <summary>
/// Writes export rows as CSV (RFC 4180, CsvHelper) in UTF-8 with a byte-order mark, so Excel reads the Chinese
/// correctly: a header of <see cref="ExportColumns.Headers"/>, agency types joined by ';' (、 with Chinese labels),
/// numbers in invariant culture, an empty cell for a figure not printed or not in the report's template. Flushes
/// after every chunk of rows and writes asynchronously only, so it can stream into an HTTP response.
/// </summary>
public static class CsvExportWriter
{
    private const int FlushEvery = 200;

    public static async Task WriteAsync(IAsyncEnumerable<ExportRow> rows, ExportLabels labels, Stream output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(output);
        var options = CsvWriterOptions.Default with { WriteByteOrderMark = true, Injection = CsvInjection.Escape };
        await using var csv = CsvWriter.Create(output, options, leaveOpen: true);
        foreach (var column in ExportColumns.Headers(labels))
        {
            csv.WriteField(column);
        }

        await csv.EndRecordAsync(cancellationToken);
        var written = 0;
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            WriteRow(csv, row, labels);
            await csv.EndRecordAsync(cancellationToken);
            if (++written % FlushEvery == 0)
            {
                await csv.FlushAsync(cancellationToken);
            }
        }

        await csv.FlushAsync(cancellationToken);
    }

    /// <summary>Text fields go through formula-injection escaping (a leading = + - @ gets a '); numbers are written as numbers.</summary>
    private static void WriteRow(CsvWriter csv, ExportRow row, ExportLabels labels)
    {
        foreach (var cell in ExportColumns.Cells(row, labels))
        {
            if (cell.Text is not null)
            {
                csv.WriteField(cell.Text);
            }
            else
            {
                csv.WriteField(cell.Number, default);
            }
        }
    }
}
