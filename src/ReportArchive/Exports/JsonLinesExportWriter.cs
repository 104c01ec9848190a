using System.Text.Json;
using ReportArchive.Json;

namespace ReportArchive.Exports;

/// <summary>
/// Writes export rows as JSON Lines (UTF-8, no BOM): one <see cref="ExportRow"/> object per line, in the archive's
/// JSON conventions (camelCase, Chinese as is, nulls kept; <c>figures</c> holds the keys of the report's template).
/// </summary>
public static class JsonLinesExportWriter
{
    private const int FlushEvery = 200;
    private static readonly byte[] NewLine = "\n"u8.ToArray();

    public static async Task WriteAsync(IAsyncEnumerable<ExportRow> rows, Stream output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(output);
        var written = 0;
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            await JsonSerializer.SerializeAsync(output, row, ArchiveJson.Options, cancellationToken);
            await output.WriteAsync(NewLine, cancellationToken);
            if (++written % FlushEvery == 0)
            {
                await output.FlushAsync(cancellationToken);
            }
        }

        await output.FlushAsync(cancellationToken);
    }
}
