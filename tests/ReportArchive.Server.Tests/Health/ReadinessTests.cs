using System.Net;
using Microsoft.Extensions.DependencyInjection;
using ReportArchive.Search.Catalog;
using ReportArchive.Server.Hosting;
using ReportArchive.Server.Tests.Support;
using ReportArchive.Storage;
using ReportArchive.TextIndex;

namespace ReportArchive.Server.Tests.Health;

public sealed class ReadinessTests
{
    [Fact]
    public async Task Healthz_SaysReadyOnlyOnceTheCatalogAndEveryIndexSegmentAreInMemory()
    {
        using var app = new ArchiveApplication();
        using var client = await app.CreateReadyClientAsync();
        var store = app.Services.GetRequiredService<ReportStore>();

        Assert.True(app.Services.GetRequiredService<ArchiveReadiness>().IsReady);
        Assert.Equal(5, app.Services.GetRequiredService<ReportCatalog>().Loaded.Count); // in memory, read by the start
        using (var connection = store.Database.OpenConnection())
        {
            var segments = TextIndexStore.Summaries(connection).Count;
            Assert.True(segments > 0);
            Assert.Equal(segments, store.TextIndex.LoadedSegments);
        }

        using var search = await client.GetAsync(new Uri("/api/search?q=%E8%AF%89%E8%AE%BC", UriKind.Relative)); // 诉讼
        Assert.Equal(HttpStatusCode.OK, search.StatusCode);
    }
}
