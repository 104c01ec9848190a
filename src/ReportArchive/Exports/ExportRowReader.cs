using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using ReportArchive.Search.Catalog;
using ReportArchive.Statistics;
using ReportArchive.Storage;
using ReportArchive.Storage.Compact;

namespace ReportArchive.Exports;

/// <summary>
/// Turns a list of matching reports into export rows, reading figures and check counts from the database a chunk
/// of reports at a time, so an export of the whole archive never holds more than one chunk in memory. Every chunk is
/// read in one read transaction held for the whole export, so the export is a snapshot: a report deleted while the
/// rows stream is either whole in it (deleted after the export's view began) or absent (deleted before), never a row
/// with empty figures.
/// </summary>
public sealed class ExportRowReader(ReportStore store)
{
    public async IAsyncEnumerable<ExportRow> ReadAsync(
        IReadOnlyList<CatalogEntry> reports, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reports);
        using var connection = store.Database.OpenConnection();
        using var snapshot = connection.BeginTransaction(deferred: true);
        store.Generation(connection); // the first read fixes the transaction's view, before any chunk is read
        foreach (var chunk in reports.Chunk(FigureValueReader.ChunkSize))
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var row in ReadChunk(connection, chunk))
            {
                yield return row;
            }

            await Task.Yield(); // let the writer send what it has before the next chunk is read
        }
    }

    private static List<ExportRow> ReadChunk(SqliteConnection connection, CatalogEntry[] chunk)
    {
        var ids = chunk.Select(r => r.Id).ToList();
        var figures = FigureValueReader.Read(connection, ids, keys: null);
        var details = ReadDetails(connection, ids);
        var rows = new List<ExportRow>(chunk.Length);
        foreach (var report in chunk)
        {
            if (!details.TryGetValue(report.Id, out var detail))
            {
                continue; // deleted after the search listed it and before the export's view began: not in this snapshot
            }

            var values = figures.GetValueOrDefault(report.Id) ?? new Dictionary<string, decimal?>();
            var (template, passed, failed) = detail;
            var rates = DerivedRates.All.ToDictionary(r => r.Key, r => r.Evaluate(key => values.GetValueOrDefault(key)).Value, StringComparer.Ordinal);
            rows.Add(new ExportRow(
                report.Id, report.FileName, report.Title, report.Agency, report.Year, report.Province, report.City, report.County,
                report.Level, report.AgencyTypes, template, passed, failed, values, rates));
        }

        return rows;
    }

    private static Dictionary<long, (string? Template, int Passed, int Failed)> ReadDetails(SqliteConnection connection, List<long> ids)
    {
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT r.id, r.template, c.checks
            FROM reports r JOIN report_checks c ON c.report_id = r.id
            WHERE r.id IN (SELECT value FROM json_each($ids))
            """;
        command.Parameters.AddWithValue("$ids", JsonSerializer.Serialize(ids));
        using var reader = command.ExecuteReader();
        var details = new Dictionary<long, (string?, int, int)>(ids.Count);
        while (reader.Read())
        {
            var (total, failed) = CheckList.Counts((byte[])reader.GetValue(2));
            details[reader.GetInt64(0)] = (reader.IsDBNull(1) ? null : reader.GetString(1), total - failed, failed);
        }

        return details;
    }
}
