using static Microsoft.Playwright.Assertions;

namespace ReportArchive.Server.Tests.Browser;

/// <summary>
/// Issue 17, item 3, as a reader sees it: the passages under the hits of the 2,000 generated reports (Markdown tables,
/// tab-separated and plain text) show no markup or table debris, keep the match marked, and fit a phone's width.
/// </summary>
public sealed class PassagesBrowserTests(GeneratedArchiveSession archive) : IClassFixture<GeneratedArchiveSession>
{
    [Theory]
    [InlineData("行政诉讼", 1400, 1000)]
    [InlineData("行政诉讼", 390, 844)]
    [InlineData("复议", 1400, 1000)]
    [InlineData("复议", 390, 844)]
    public async Task Passages_ShowNoMarkup_AndTheMatchMarked(string query, int width, int height)
    {
        var page = await archive.Session.NewPageAsync(new() { Width = width, Height = height });
        await page.GotoAsync("/?q=" + Uri.EscapeDataString(query));
        await Expect(page.Locator("[data-testid=hit]")).ToHaveCountAsync(20);

        var passages = await page.Locator("[data-testid=hit] .snippet").AllTextContentsAsync();
        Assert.True(passages.Count >= 20, $"{passages.Count} passages");
        Assert.All(passages, passage =>
        {
            Assert.DoesNotContain("##", passage, StringComparison.Ordinal);
            Assert.DoesNotContain("**", passage, StringComparison.Ordinal);
            Assert.DoesNotContain("---", passage, StringComparison.Ordinal);
            Assert.DoesNotContain("| |", passage, StringComparison.Ordinal);
            Assert.DoesNotContain("<", passage, StringComparison.Ordinal);
        });
        foreach (var snippet in await page.Locator("[data-testid=hit] .snippet").AllAsync())
        {
            Assert.Contains(query, string.Concat(await snippet.Locator("mark").AllTextContentsAsync()), StringComparison.Ordinal);
        }

        var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > document.documentElement.clientWidth");
        Assert.False(overflow, "the page scrolls sideways");
    }
}
