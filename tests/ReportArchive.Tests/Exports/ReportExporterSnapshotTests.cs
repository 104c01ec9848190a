using System.Text;
using System.Text.Json;
using ReportArchive.Corpus.Reports;
using ReportArchive.Exports;
using ReportArchive.Search;
using ReportArchive.Tests.Fixtures;

namespace ReportArchive.Tests.Exports;

/// <summary>
/// An export is a snapshot: reports deleted while its rows stream out are exported whole (as they were when the export
/// began), never as rows with empty figures. The archive holds more reports than one chunk of the row reader, so the
/// deletes land between the chunks.
/// </summary>
public sealed class ReportExporterSnapshotTests
{
    [Fact]
    public async Task Export_WhileEveryReportIsDeleted_WritesEveryRowWhole_AsTheArchiveWasWhenItBegan()
    {
        using var archive = new TemporaryArchive();
        var folder = Directory.CreateDirectory(Path.Combine(archive.DataDirectory, "reports")).FullName;
        foreach (var (report, index) in new ReportCorpusGenerator(seed: 23).Generate(640).Select((r, i) => (r, i)))
        {
            await File.WriteAllTextAsync(Path.Combine(folder, $"{index:0000}-{report.FileName}"), report.Text);
        }

        var imported = await archive.Importer.ImportAsync([folder], null, CancellationToken.None);
        Assert.True(imported.Imported.Count > 600, $"only {imported.Imported.Count} reports imported");
        var reports = archive.Searcher.FindAll(null, SearchFilters.None, CancellationToken.None);
        var exporter = new ReportExporter(archive.Store);
        var before = await ExportAsync(exporter, reports, new MemoryStream());

        // the first bytes out delete every report: the rest of the export is read after the deletes committed
        var deleting = new DeletingStream(() =>
        {
            foreach (var report in reports)
            {
                Assert.True(archive.Store.Delete(report.Id));
            }
        });
        var during = await ExportAsync(exporter, reports, deleting);

        Assert.Equal(0, archive.Store.Count());
        Assert.True(deleting.Deleted);
        Assert.Equal(before.Count, during.Count);
        Assert.All(during, line => Assert.NotEmpty(JsonDocument.Parse(line).RootElement.GetProperty("figures").EnumerateObject()));
        Assert.Equal(before, during);
    }

    [Fact]
    public async Task Export_OfReportsDeletedBeforeItBegan_LeavesThemOut()
    {
        using var archive = await TemporaryArchive.WithSeedsAsync();
        var reports = archive.Searcher.FindAll(null, SearchFilters.None, CancellationToken.None);
        Assert.True(archive.Store.Delete(reports[0].Id));

        var lines = await ExportAsync(new ReportExporter(archive.Store), reports, new MemoryStream());

        Assert.Equal(reports.Count - 1, lines.Count);
        Assert.DoesNotContain(lines, line => JsonDocument.Parse(line).RootElement.GetProperty("id").GetInt64() == reports[0].Id);
    }

    private static async Task<List<string>> ExportAsync(ReportExporter exporter, IReadOnlyList<ReportArchive.Search.Catalog.CatalogEntry> reports, MemoryStream output)
    {
        await exporter.ExportAsync(reports, ExportFormat.Jsonl, output, CancellationToken.None);
        return Encoding.UTF8.GetString(output.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();
    }

    /// <summary>A memory stream that runs an action (once) when the first bytes are written to it.</summary>
    private sealed class DeletingStream(Action onFirstWrite) : MemoryStream
    {
        public bool Deleted { get; private set; }

        public override void Write(byte[] buffer, int offset, int count)
        {
            Before();
            base.Write(buffer, offset, count);
        }

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            Before();
            base.Write(buffer);
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            Before();
            return base.WriteAsync(buffer, offset, count, cancellationToken);
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Before();
            return base.WriteAsync(buffer, cancellationToken);
        }

        private void Before()
        {
            if (!Deleted)
            {
                Deleted = true;
                onFirstWrite();
            }
        }
    }
}
