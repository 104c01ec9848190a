using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using ReportArchive.Server.Tests.Support;

namespace ReportArchive.Server.Tests.Reports;

/// <summary>GET /api/reports/{id}: every figure with its provenance (figureSources), a span of the report's text.</summary>
public sealed class FigureSourcesApiTests(ArchiveApplication app) : IClassFixture<ArchiveApplication>
{
    /// <summary>A real page that stops before the tables (../shared/real-reports 030): its figures come from the prose.</summary>
    internal static string ExcerptPath => Path.Combine(RepositoryFiles.Root, "..", "shared", "real-reports", "reports", "030.txt");

    [Fact]
    public async Task AReportWithFiguresOnlyInItsProse_GivesEachFiguresSentence()
    {
        var client = await app.CreateReadyClientAsync();
        var importer = app.Services.GetRequiredService<ReportArchive.Ingestion.ReportImporter>();
        var id = Assert.Single((await importer.ImportAsync([ExcerptPath], null, CancellationToken.None)).Imported).Id;

        var report = JsonNode.Parse(await client.GetStringAsync(new Uri($"/api/reports/{id}", UriKind.Relative)))!;

        var text = report["text"]!.GetValue<string>();
        var figures = report["figures"]!.AsObject();
        var sources = report["figureSources"]!.AsObject();
        Assert.Equal(12m, figures["requests.new.total"]!.GetValue<decimal>());
        Assert.Equal(2m, figures["review.total"]!.GetValue<decimal>());
        Assert.Equal(figures.Where(f => f.Value is not null).Select(f => f.Key).Order(), sources.Select(s => s.Key).Order());
        var review = sources["review.total"]!;
        Assert.Equal("narrative", review["kind"]!.GetValue<string>());
        var span = text.Substring(review["start"]!.GetValue<int>(), review["length"]!.GetValue<int>());
        Assert.Equal(review["sentence"]!.GetValue<string>(), span);
        Assert.Contains("行政复议2件", span, StringComparison.Ordinal);
        Assert.Null(review["table"]);
    }

    [Fact]
    public async Task EveryReport_HasAFigureSourcesMap()
    {
        var client = await app.CreateReadyClientAsync();

        var report = JsonNode.Parse(await client.GetStringAsync(new Uri("/api/reports/1", UriKind.Relative)))!;

        var sources = report["figureSources"]!.AsObject();
        var text = report["text"]!.GetValue<string>();
        Assert.All(sources, s =>
        {
            Assert.NotNull(report["figures"]![s.Key]);
            Assert.InRange(s.Value!["start"]!.GetValue<int>() + s.Value["length"]!.GetValue<int>(), 0, text.Length);
        });
    }
}
