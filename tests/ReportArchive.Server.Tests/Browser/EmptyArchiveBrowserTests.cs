using Microsoft.Extensions.DependencyInjection;
using ReportArchive.Storage;
using static Microsoft.Playwright.Assertions;

namespace ReportArchive.Server.Tests.Browser;

/// <summary>An archive without reports: the search page says how to import them, in Chinese, at a desktop and a phone width.</summary>
public sealed class EmptyArchiveBrowserTests : IAsyncLifetime
{
    private BrowserSession _session = null!;

    public async Task InitializeAsync()
    {
        _session = await BrowserSession.StartAsync();
        var store = _session.App.Services.GetRequiredService<ReportStore>();
        foreach (var id in Enumerable.Range(1, 5))
        {
            Assert.True(store.Delete(id)); // the five seeds
        }
    }

    public async Task DisposeAsync() => await _session.DisposeAsync();

    [Theory]
    [InlineData(1400, 1000)]
    [InlineData(390, 844)]
    public async Task AnEmptyArchive_SaysHowToImport(int width, int height)
    {
        var page = await _session.NewPageAsync(new() { Width = width, Height = height });
        await page.GotoAsync("/");
        var help = page.Locator("[data-testid=empty-archive]");
        await Expect(help).ToBeVisibleAsync();
        await Expect(help).ToContainTextAsync("档案库里还没有报告");
        await Expect(help).ToContainTextAsync("dotnet run --project src/ReportArchive.Cli -- import 报告文件夹/");
        await Expect(help).ToContainTextAsync("POST /api/reports");
        await Expect(help).ToContainTextAsync("Authorization: Bearer");
        await Expect(page.Locator("#summary")).ToContainTextAsync("共 0 份报告");
        Assert.True(await page.EvaluateAsync<int>("document.documentElement.scrollWidth") <= width, "the instructions run off the screen");

        // a search of an empty archive is not mistaken for it
        await page.FillAsync("#q", "行政诉讼");
        await page.ClickAsync("#search-form button[type=submit]");
        await Expect(page.Locator("#results")).ToContainTextAsync("没有找到匹配的报告");
    }
}
