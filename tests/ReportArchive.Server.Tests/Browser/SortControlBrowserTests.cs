using static Microsoft.Playwright.Assertions;

namespace ReportArchive.Server.Tests.Browser;

/// <summary>The web page's sort control in a real browser (as <see cref="BrowserTests"/>): kept in the URL, restored from it, pages in its order.</summary>
public sealed class SortControlBrowserTests : IAsyncLifetime
{
    private const int LoadTolerantTimeoutMs = BrowserSession.LoadTolerantTimeoutMs;

    private BrowserSession _session = null!;

    public async Task InitializeAsync() => _session = await BrowserSession.StartAsync();

    public async Task DisposeAsync() => await _session.DisposeAsync();

    [Fact]
    public async Task ChoosingAnOrder_PutsItInTheUrl_AndTheHitsInThatOrder()
    {
        var page = await _session.NewPageAsync();
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
