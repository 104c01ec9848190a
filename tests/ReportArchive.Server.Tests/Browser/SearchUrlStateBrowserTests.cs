using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ReportArchive.Server.Tests.Browser;

/// <summary>
/// A journalist's controls on the search page, on the 2,000 generated reports at a desktop and a phone width: every
/// filter kept in the URL and restored from it, chips in Chinese, the figure condition builder, paging (first/last,
/// back to the top, an out-of-range page clamped), 返回检索结果 back to the same view, API problems in Chinese.
/// </summary>
public sealed class SearchUrlStateBrowserTests(GeneratedArchiveSession archive) : IClassFixture<GeneratedArchiveSession>
{
    private async Task<IPage> OpenAsync(int width, int height, string url)
    {
        var page = await archive.Session.NewPageAsync(new() { Width = width, Height = height });
        await page.GotoAsync(url);
        await Expect(page.Locator("#summary:not(:empty), #results [role=alert]").First).ToBeVisibleAsync();
        return page;
    }

    private static async Task<JsonElement> ApiAsync(IPage page, string query) =>
        JsonDocument.Parse(await page.EvaluateAsync<string>("async query => JSON.stringify(await (await fetch('/api/search?' + query)).json())", query)).RootElement;

    private static string Query(IPage page) => new Uri(page.Url).Query.TrimStart('?');

    private static ILookup<string, string> Parameters(string query) =>
        query.Split('&', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=', 2))
            .ToLookup(p => Uri.UnescapeDataString(p[0]), p => Uri.UnescapeDataString(p[1].Replace('+', ' ')));

    private static void AssertSameParameters(string expected, string actual)
    {
        static string[] Flat(string query) => Parameters(query).SelectMany(g => g.Select(v => g.Key + "=" + v)).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(Flat(expected), Flat(actual));
    }

    [Theory]
    [InlineData(1400, 1000)]
    [InlineData(390, 844)]
    public async Task ASharedLink_RestoresEveryFilter_TheOrderAndThePage(int width, int height)
    {
        var query = "q=" + Uri.EscapeDataString("行政诉讼") + "&year=2019..2021&region=41&level=county&figure=" + Uri.EscapeDataString("litigationDirect.total>=0") + "&checks=passed&sort=year&page=2";
        var page = await OpenAsync(width, height, "/?" + query);
        var api = await ApiAsync(page, query + "&pageSize=20");
        var total = api.GetProperty("total").GetInt32();
        Assert.True(total > 20, $"{total} reports: the link needs a second page");

        await Expect(page.Locator("#summary")).ToContainTextAsync($"共 {total} 份报告");
        await Expect(page.Locator("[data-testid=hit]")).ToHaveCountAsync(Math.Min(20, total - 20));
        Assert.Equal(api.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("id").GetInt64().ToString(CultureInfo.InvariantCulture)),
            await page.Locator("[data-testid=hit]").EvaluateAllAsync<string[]>("hits => hits.map(h => h.dataset.id)"));
        AssertSameParameters(query, Query(page));
        await Expect(page.Locator("#q")).ToHaveValueAsync("行政诉讼");
        await Expect(page.Locator("#sort")).ToHaveValueAsync("year");
        await Expect(page.Locator("#pager [aria-current=page]")).ToHaveTextAsync("2");
        await Expect(page.Locator("[data-testid=filter-chip]")).ToHaveTextAsync(
            ["年份：2019—2021×", "地区：河南省×", "层级：县级×", "校验：校验通过×", "数字条件：行政诉讼 未经复议直接起诉 × 总计 ≥ 0×"]);

        // a chip's × takes its filter away, and the URL with it
        await page.Locator("[data-testid=filter-chip][data-filter=level] button").ClickAsync();
        await Expect(page).Not.ToHaveURLAsync(new System.Text.RegularExpressions.Regex("level="));
        Assert.Contains("region=41", page.Url, StringComparison.Ordinal);
        await Expect(page.Locator("[data-testid=filter-chip]")).ToHaveCountAsync(4);
    }

    [Theory]
    [InlineData(1400, 1000)]
    [InlineData(390, 844)]
    public async Task TheOtherDocumentedFilters_StayInTheUrl_AsChipsInChinese(int width, int height)
    {
        var query = "published=2024-01..2024-03&published=2023..&source=huichang.gov.cn&agencyType=" + Uri.EscapeDataString("工业和信息化") + "&year=2021&region=4103";
        var page = await OpenAsync(width, height, "/?" + query);
        await Expect(page.Locator("#summary, .no-matches").First).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=filter-chip]")).ToHaveTextAsync(
            ["年份：2021×", "地区：河南省洛阳市×", "机构类型：工业和信息化×", "发布时间：2024-01 至 2024-03×", "发布时间：2023 及以后×", "来源网站：huichang.gov.cn×"]);
        AssertSameParameters(query, Query(page));
        var total = (await ApiAsync(page, query)).GetProperty("total").GetInt32();
        if (total > 0)
        {
            await Expect(page.Locator("#summary")).ToContainTextAsync($"共 {total} 份报告");
        }
        else
        {
            await Expect(page.Locator(".no-matches")).ToContainTextAsync("没有找到匹配的报告");
        }

        // what the stats and export links take: the same filters
        var stats = Parameters(new Uri(new Uri(page.Url), await page.Locator("#stats-link").GetAttributeAsync("href")).Query.TrimStart('?'));
        Assert.Equal(["2024-01..2024-03", "2023.."], stats["published"]);
        Assert.Equal(["huichang.gov.cn"], stats["source"]);
    }

    [Theory]
    [InlineData(1400, 1000)]
    [InlineData(390, 844)]
    public async Task TheFigureConditionBuilder_WritesFigureIntoTheUrl_AndShowsItAsARemovableChip(int width, int height)
    {
        var page = await OpenAsync(width, height, "/");
        await Expect(page.Locator("#summary")).ToContainTextAsync("共 2000 份报告");
        var key = page.Locator("[data-testid=figure-key]");
        await key.SelectOptionAsync("litigationDirect.total");
        await Expect(key.Locator("option:checked")).ToHaveTextAsync("行政诉讼 未经复议直接起诉 × 总计");
        Assert.Equal(["＞", "≥", "＝", "≤", "＜"], await page.Locator("[data-testid=figure-operator] option").AllTextContentsAsync());
        await page.Locator("[data-testid=figure-operator]").SelectOptionAsync(">");
        await page.Locator("[data-testid=figure-value]").FillAsync("0");
        await page.Locator("[data-testid=figure-add]").ClickAsync();

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("figure=litigationDirect.total%3E0$"));
        var total = (await ApiAsync(page, "figure=" + Uri.EscapeDataString("litigationDirect.total>0"))).GetProperty("total").GetInt32();
        Assert.InRange(total, 1, 1999);
        await Expect(page.Locator("#summary")).ToContainTextAsync($"共 {total} 份报告");
        var chip = page.Locator("[data-testid=filter-chip][data-filter=figure]");
        await Expect(chip).ToHaveTextAsync("数字条件：行政诉讼 未经复议直接起诉 × 总计 ＞ 0×");
        // the export takes the condition; the statistics page, which reads figure= as the figure it charts, does not
        Assert.Contains("figure=litigationDirect.total%3E0", await page.Locator("#export-link").GetAttributeAsync("href"), StringComparison.Ordinal);
        Assert.DoesNotContain("figure=", await page.Locator("#stats-link").GetAttributeAsync("href"), StringComparison.Ordinal);

        // a second condition ANDs with the first
        await key.SelectOptionAsync("review.total");
        await page.Locator("[data-testid=figure-operator]").SelectOptionAsync(">=");
        await page.Locator("[data-testid=figure-value]").FillAsync("2");
        await page.Locator("[data-testid=figure-add]").ClickAsync();
        var both = (await ApiAsync(page, "figure=" + Uri.EscapeDataString("litigationDirect.total>0") + "&figure=" + Uri.EscapeDataString("review.total>=2"))).GetProperty("total").GetInt32();
        await Expect(page.Locator("#summary, .no-matches").First).ToContainTextAsync(both > 0 ? $"共 {both} 份报告" : "没有找到");
        await Expect(chip).ToHaveCountAsync(2);

        await chip.First.Locator("button").ClickAsync();
        await chip.First.Locator("button").ClickAsync();
        await Expect(page.Locator("#summary")).ToContainTextAsync("共 2000 份报告");
        Assert.DoesNotContain("figure=", page.Url, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1400, 1000)]
    [InlineData(390, 844)]
    public async Task Paging_GoesToTheTop_AndHasFirstAndLastPages(int width, int height)
    {
        var page = await OpenAsync(width, height, "/");
        await Expect(page.Locator("#summary")).ToContainTextAsync("共 2000 份报告");
        var firstIds = await page.Locator("[data-testid=hit]").EvaluateAllAsync<string[]>("hits => hits.map(h => h.dataset.id)");
        await Expect(page.Locator("[data-testid=first-page]")).ToBeDisabledAsync();

        await page.Locator("[data-testid=next-page]").ScrollIntoViewIfNeededAsync();
        Assert.True(await page.EvaluateAsync<double>("window.scrollY") > 0);
        await page.Locator("[data-testid=next-page]").ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("[?&]page=2$"));
        await Expect(page.Locator("#pager [aria-current=page]")).ToHaveTextAsync("2");
        Assert.Equal(0, await page.EvaluateAsync<double>("window.scrollY"));
        Assert.Empty(firstIds.Intersect(await page.Locator("[data-testid=hit]").EvaluateAllAsync<string[]>("hits => hits.map(h => h.dataset.id)")));

        await page.Locator("[data-testid=last-page]").ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("[?&]page=100$"));
        await Expect(page.Locator("#pager")).ToContainTextAsync("第 100 / 100 页");
        await Expect(page.Locator("[data-testid=last-page]")).ToBeDisabledAsync();
        Assert.Equal(0, await page.EvaluateAsync<double>("window.scrollY"));

        await page.Locator("[data-testid=first-page]").ClickAsync();
        await Expect(page.Locator("#pager [aria-current=page]")).ToHaveTextAsync("1");
        Assert.DoesNotContain("page=", page.Url, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1400, 1000, "page=101", 100, 20)]
    [InlineData(390, 844, "year=2021&page=999", 0, 0)]
    public async Task AnOutOfRangePage_ShowsTheLastPage(int width, int height, string query, int lastPage, int hitsOnIt)
    {
        var page = await OpenAsync(width, height, "/?" + query);
        if (lastPage == 0)
        {
            var total = (await ApiAsync(page, query.Split("&page=")[0] + "&pageSize=1")).GetProperty("total").GetInt32();
            (lastPage, hitsOnIt) = ((total + 19) / 20, total - (((total + 19) / 20) - 1) * 20);
        }

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"[?&]page={lastPage}$"));
        await Expect(page.Locator("[data-testid=hit]")).ToHaveCountAsync(hitsOnIt);
        await Expect(page.Locator("#pager")).ToContainTextAsync($"第 {lastPage} / {lastPage} 页");
        await Expect(page.Locator("#results")).Not.ToContainTextAsync("没有找到");
    }

    [Theory]
    [InlineData(1400, 1000)]
    [InlineData(390, 844)]
    public async Task BackToTheResults_FromAReport_BringsTheSameFiltersAndPage(int width, int height)
    {
        var search = "/?q=" + Uri.EscapeDataString("依申请公开") + "&year=2021&level=county&sort=id&page=2";
        var page = await OpenAsync(width, height, search);
        await Expect(page.Locator("#pager [aria-current=page]")).ToHaveTextAsync("2");
        var id = await page.Locator("[data-testid=hit]").Nth(3).GetAttributeAsync("data-id");

        await page.Locator("[data-testid=hit]").Nth(3).Locator("h2 a").ClickAsync();
        await page.WaitForURLAsync("**/report.html?id=*");
        Assert.Contains("id=" + id, page.Url, StringComparison.Ordinal);
        await Expect(page.Locator("#back-link")).ToHaveTextAsync("返回检索结果");
        var back = await page.Locator("#back-link").GetAttributeAsync("href");
        AssertSameParameters(new Uri(new Uri("http://x"), search).Query.TrimStart('?'), new Uri(new Uri("http://x"), back).Query.TrimStart('?'));

        await page.Locator("#back-link").ClickAsync();
        await Expect(page.Locator("#pager [aria-current=page]")).ToHaveTextAsync("2");
        AssertSameParameters(new Uri(new Uri("http://x"), search).Query.TrimStart('?'), Query(page));
        await Expect(page.Locator($"[data-testid=hit][data-id='{id}']")).ToBeVisibleAsync();
        await Expect(page.Locator("#q")).ToHaveValueAsync("依申请公开");
    }

    [Theory]
    [InlineData(1400, 1000)]
    [InlineData(390, 844)]
    public async Task AnApiProblem_IsShownInChinese(int width, int height)
    {
        var query = "figure=" + Uri.EscapeDataString("noSuchFigure>1");
        var page = await OpenAsync(width, height, "/?" + query);
        var problem = await ApiAsync(page, query);
        var alert = page.Locator("#results [role=alert]");
        await Expect(alert).ToBeVisibleAsync();
        await Expect(alert).ToHaveTextAsync("出错了：" + problem.GetProperty("messageZh").GetString());

        await Expect(alert).Not.ToContainTextAsync(problem.GetProperty("title").GetString()!);
        await Expect(page.Locator("[data-testid=filter-chip]")).ToHaveTextAsync(["数字条件：noSuchFigure ＞ 1×"]); // the chip still takes it away
        await page.Locator("[data-testid=filter-chip] button").ClickAsync();
        await Expect(page.Locator("#summary")).ToContainTextAsync("共 2000 份报告");
    }
}
