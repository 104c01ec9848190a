using static Microsoft.Playwright.Assertions;

namespace ReportArchive.Server.Tests.Browser;

/// <summary>The page on the 2,000 generated reports of <see cref="Support.GeneratedArchive"/>, at a desktop and a phone width.</summary>
public sealed class GeneratedArchiveBrowserTests : IAsyncLifetime
{
    private BrowserSession _session = null!;

    public async Task InitializeAsync() => _session = await BrowserSession.StartAsync(generatedReports: true);

    public async Task DisposeAsync() => await _session.DisposeAsync();

    [Theory]
    [InlineData(1400, 1000)]
    [InlineData(390, 844)]
    public async Task BrowsingTheWholeArchive_CountsEveryGeneratedReport(int width, int height)
    {
        var page = await _session.NewPageAsync(new() { Width = width, Height = height });
        await page.GotoAsync("/");
        await Expect(page.Locator("#summary")).ToContainTextAsync("2000");
        await Expect(page.Locator("[data-testid=hit]")).ToHaveCountAsync(20);
    }
}
