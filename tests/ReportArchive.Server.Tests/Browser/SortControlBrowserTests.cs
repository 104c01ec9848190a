using Microsoft.Playwright;
using ReportArchive.Server.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace ReportArchive.Server.Tests.Browser;

/// <summary>The web page's sort control in a real browser (as <see cref="BrowserTests"/>): kept in the URL, restored from it, pages in its order.</summary>
public sealed class SortControlBrowserTests : IAsyncLifetime, IDisposable
{
    private const int LoadTolerantTimeoutMs = 30_000;

    private static readonly string ChromiumPath = Environment.GetEnvironmentVariable("REPORTARCHIVE_CHROMIUM") ?? "/usr/bin/chromium";

    private ArchiveApplication? _app;
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private Uri _address = null!;

    public async Task InitializeAsync()
    {
        Assert.True(File.Exists(ChromiumPath), $"The browser test needs Debian's chromium at {ChromiumPath}: run `apt-get install -y chromium`, or set REPORTARCHIVE_CHROMIUM.");
        _app = new ArchiveApplication();
        _address = await _app.StartOnLoopbackAsync();
        _playwright = await Playwright.CreateAsync();
        Assertions.SetDefaultExpectTimeout(LoadTolerantTimeoutMs);
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }

    public void Dispose() => _app?.Dispose();

    [Fact]
    public async Task ChoosingAnOrder_PutsItInTheUrl_AndTheHitsInThatOrder()
    {
        var page = await _browser!.NewPageAsync(new BrowserNewPageOptions { BaseURL = _address.ToString() });
        page.SetDefaultTimeout(LoadTolerantTimeoutMs);
        await page.GotoAsync("/?q=" + Uri.EscapeDataString("行政诉讼"));
        await Expect(page.Locator("[data-testid=hit]")).ToHaveCountAsync(5);
        await Expect(page.Locator("#sort")).ToHaveValueAsync("relevance");
        Assert.Equal(["相关度", "年份从新到旧", "年份从旧到新", "编号"], await page.Locator("#sort option").AllTextContentsAsync());

        await page.Locator("#sort").SelectOptionAsync("id");

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("sort=id"));
        await Expect(page.Locator("[data-testid=hit]").First).ToHaveAttributeAsync("data-id", "1");
        Assert.Equal(["1", "2", "3", "4", "5"], await page.Locator("[data-testid=hit]").EvaluateAllAsync<string[]>("hits => hits.map(h => h.dataset.id)"));

        await page.ReloadAsync();
        await Expect(page.Locator("#sort")).ToHaveValueAsync("id");
        await Expect(page.Locator("[data-testid=hit]").First).ToHaveAttributeAsync("data-id", "1");

        await page.Locator("#sort").SelectOptionAsync("year");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("sort=year"));
        var years = await page.Locator("[data-testid=hit]").EvaluateAllAsync<string[]>("hits => hits.map(h => h.querySelector('.meta').textContent)");
        var ordered = years.Select(y => int.Parse(System.Text.RegularExpressions.Regex.Match(y, @"(\d{4}) 年").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(ordered.Order(), ordered);

        await page.GotoAsync("/");
        await Expect(page.Locator("#sort")).ToHaveValueAsync("-year"); // browsing: newest first
    }
}
