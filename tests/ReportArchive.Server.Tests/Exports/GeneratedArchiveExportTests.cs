using System.Diagnostics;
using ReportArchive.Exports;
using ReportArchive.Server.Tests.Support;

namespace ReportArchive.Server.Tests.Exports;

/// <summary>/api/export at real size: the 2,000 generated reports (<see cref="GeneratedArchive"/>) as CSV and XLSX, the same rows.</summary>
public sealed class GeneratedArchiveExportTests : IAsyncLifetime
{
    private ArchiveApplication _app = null!;

    public async Task InitializeAsync() => _app = await ArchiveApplication.WithGeneratedReports();

    public Task DisposeAsync()
    {
        _app.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task EveryReport_AsCsvAndAsXlsx_GivesTheSameCells()
    {
        var client = await _app.CreateReadyClientAsync();
        var clock = Stopwatch.StartNew();
        var xlsx = await client.GetByteArrayAsync(new Uri("/api/export?format=xlsx", UriKind.Relative));
        var xlsxTime = clock.Elapsed;
        var csv = await client.GetByteArrayAsync(new Uri("/api/export?format=csv", UriKind.Relative));

        var sheet = ExportApiTests.ReadXlsx(xlsx);
        var rows = ExportApiTests.ReadCsv(csv);
        Assert.Equal(GeneratedArchive.Reports, rows.Count);
        Assert.Equal(GeneratedArchive.Reports + 1, sheet.Count);
        Assert.Equal(ExportColumns.ChineseHeaders, sheet[0].Select(c => c.Text));
        for (var r = 0; r < rows.Count; r++)
        {
            Assert.Equal(rows[r].Values, sheet[r + 1].Select(c => c.Text));
        }

        var newTotal = ExportColumns.All.ToList().IndexOf("requests.new.total");
        Assert.All(sheet.Skip(1).Where(row => row[newTotal].Text.Length > 0), row => Assert.True(row[newTotal].IsNumber));
        Assert.True(xlsxTime < TimeSpan.FromSeconds(60), $"the XLSX of {GeneratedArchive.Reports} reports took {xlsxTime} ({xlsx.Length} bytes)");
    }
}
