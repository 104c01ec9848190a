using CsvHelper;

namespace ReportArchive.Exports;

/// <summary>
/// Writes export rows as CSV (RFC 4180, CsvHelper) in UTF-8 with a byte-order mark, so Excel reads the Chinese
/// correctly: a header of <see cref="ExportColumns.All"/>, agency types joined by ';', numbers in invariant
/// culture, an empty cell for a figure not printed or not in the report's template. Flushes after every chunk of
/// rows and writes asynchronously only, so it can stream into an HTTP response.
/// </summary>
public static class CsvExportWriter
{
    private const int FlushEvery = 200;

    public static async Task WriteAsync(IAsyncEnumerable<ExportRow> rows, Stream output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(output);
        var options = CsvWriterOptions.Default with { WriteByteOrderMark = true, Injection = CsvInjection.Escape };
        await using var csv = CsvWriter.Create(output, options, leaveOpen: true);
        foreach (var column in ExportColumns.All)
        {
            csv.WriteField(column);
        }

        await csv.EndRecordAsync(cancellationToken);
        var written = 0;
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            WriteRow(csv, row);
            await csv.EndRecordAsync(cancellationToken);
            if (++written % FlushEvery == 0)
            {
                await csv.FlushAsync(cancellationToken);
            }
        }

        await csv.FlushAsync(cancellationToken);
    }

    /// <summary>Text fields go through formula-injection escaping (a leading = + - @ gets a '); numbers are written as numbers.</summary>
    private static void WriteRow(CsvWriter csv, ExportRow row)
    {
        csv.WriteField(row.Id, default);
        csv.WriteField(row.FileName);
        csv.WriteField(row.Title);
        csv.WriteField(row.Agency);
        csv.WriteField(row.Year, default);
        csv.WriteField(row.Province);
        csv.WriteField(row.City);
        csv.WriteField(row.County);
        csv.WriteField(row.Level);
        csv.WriteField(string.Join(';', row.AgencyTypes));
        csv.WriteField(row.Template);
        csv.WriteField(row.ChecksPassed, default);
        csv.WriteField(row.ChecksFailed, default);
        foreach (var key in ExportColumns.Figures)
        {
            csv.WriteField(row.Figures.GetValueOrDefault(key), default);
        }

        foreach (var key in ExportColumns.Rates)
        {
            csv.WriteField(row.Rates.GetValueOrDefault(key), default);
        }
    }
}
