using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace ReportArchive.Server.Tests.Browser;

/// <summary>
/// The search page's facets at real size, on the 2,000 generated reports at a desktop and a phone width: the region
/// tree collapsed to its provinces (▸/▾, the selected path open, a 筛选地区… box), 更多 (n) / 收起 on lists longer
/// than 10, years newest first at stable places, and on a phone the results before the facets.
/// </summary>
public sealed class SearchFacetsBrowserTests(GeneratedArchiveSession archive, ITestOutputHelper output) : IClassFixture<GeneratedArchiveSession>
{
    private const int ListLimit = 10;

    private async Task<IPage> OpenAsync(int width, int height, string url = "/")
    {
        var page = await archive.Session.NewPageAsync(new() { Width = width, Height = height });
        await page.GotoAsync(url);
        await Expect(page.Locator("[data-testid=hit]").First).ToBeVisibleAsync();
        await Expect(page.Locator("[data-facet=region]")).ToBeAttachedAsync();
        return page;
    }

    /// <summary>The API's answer for the same search, for the counts the page must show.</summary>
    private static async Task<JsonElement> ApiAsync(IPage page, string query) =>
        JsonDocument.Parse(await page.EvaluateAsync<string>($"async () => JSON.stringify(await (await fetch('/api/search?{query}')).json())")).RootElement;

    [Theory]
    [InlineData(1400, 1000)]
    [InlineData(390, 844)]
    public async Task RegionTree_IsCollapsedToTenProvinces_AndOpensALevelAtATime(int width, int height)
    {
        var page = await OpenAsync(width, height);
        var tree = page.Locator("[data-facet=region]");
        var provinces = (await ApiAsync(page, "pageSize=1")).GetProperty("facets").GetProperty("regions").EnumerateArray().ToList();
        Assert.True(provinces.Count > ListLimit, $"the generated archive has {provinces.Count} provinces");

        // collapsed: the first ten provinces with their counts, nothing below them, 更多 for the others
        var visible = tree.Locator("input[name=region]:visible");
        await Expect(visible).ToHaveCountAsync(ListLimit);
        Assert.All(await visible.EvaluateAllAsync<string[]>("inputs => inputs.map(i => i.value)"), code => Assert.Equal(2, code.Length));
        var first = provinces[0];
        await Expect(tree.Locator($"input[value='{first.GetProperty("code").GetString()}']").Locator("xpath=..")).ToContainTextAsync(
            first.GetProperty("value").GetString() + " " + first.GetProperty("count").GetInt32().ToString(CultureInfo.InvariantCulture));
        var more = tree.Locator("[data-testid=facet-more]").First;
        await Expect(more).ToHaveTextAsync($"更多 ({provinces.Count - ListLimit})");

        // ▸ opens one province: its cities appear, and ▾ closes it again
        var code = first.GetProperty("code").GetString()!;
        var toggle = tree.Locator($"[data-testid=region-toggle][data-code='{code}']");
        await Expect(toggle).ToHaveTextAsync("▸");
        await toggle.ClickAsync();
        await Expect(toggle).ToHaveTextAsync("▾");
        var cities = first.GetProperty("children").EnumerateArray().Select(c => c.GetProperty("code").GetString()!).ToList();
        foreach (var city in cities.Take(ListLimit))
        {
            await Expect(tree.Locator($"input[value='{city}']")).ToBeVisibleAsync();
        }

        await Expect(visible).ToHaveCountAsync(ListLimit + Math.Min(ListLimit, cities.Count));
        await toggle.ClickAsync();
        await Expect(visible).ToHaveCountAsync(ListLimit);

        // 更多 shows every province, 收起 the first ten again
        await more.ClickAsync();
        await Expect(visible).ToHaveCountAsync(provinces.Count);
        await Expect(more).ToHaveTextAsync("收起");
        await more.ClickAsync();
        await Expect(visible).ToHaveCountAsync(ListLimit);

        // every facet list longer than ten is cut the same way (the agency types: 30 in the generated archive)
        var agencyTypes = page.Locator("[data-facet=agencyType]");
        var types = (await ApiAsync(page, "pageSize=1")).GetProperty("facets").GetProperty("agencyType").GetArrayLength();
        Assert.True(types > ListLimit);
        await Expect(agencyTypes.Locator("input:visible")).ToHaveCountAsync(ListLimit);
        await agencyTypes.Locator("[data-testid=facet-more]").ClickAsync();
        await Expect(agencyTypes.Locator("input:visible")).ToHaveCountAsync(types);
    }

    [Theory]
    [InlineData(1400, 1000)]
    [InlineData(390, 844)]
    public async Task ASelectedDistrict_OpensItsPath_AndItsChipNamesIt(int width, int height)
    {
        var regions = (await ApiAsync(await OpenAsync(width, height), "pageSize=1")).GetProperty("facets").GetProperty("regions");
        // the last province's deepest first node: a district or city the collapsed tree does not show
        var node = regions[regions.GetArrayLength() - 1];
        var names = node.GetProperty("value").GetString();
        while (node.GetProperty("children").GetArrayLength() > 0)
        {
            node = node.GetProperty("children")[0];
            names += node.GetProperty("value").GetString();
        }

        var code = node.GetProperty("code").GetString()!;
        var page = await OpenAsync(width, height, "/?region=" + code);
        var tree = page.Locator("[data-facet=region]");
        await Expect(tree.Locator($"input[value='{code}']")).ToBeVisibleAsync();
        await Expect(tree.Locator($"input[value='{code}']")).ToBeCheckedAsync();
        await Expect(tree.Locator($"[data-testid=region-toggle][data-code='{code[..2]}']")).ToHaveAttributeAsync("aria-expanded", "true");
        await Expect(tree.Locator("[data-testid=region-chip]")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^" + names));
    }

    [Theory]
    [InlineData(1400, 1000)]
    [InlineData(390, 844)]
    public async Task TheRegionFilterBox_ShowsTheMatchingDivisionsWithTheirParents(int width, int height)
    {
        var page = await OpenAsync(width, height);
        var tree = page.Locator("[data-facet=region]");
        // a name of the tree's lowest level, as a reader would type it (without its 区/县/市)
        var leaves = await tree.Locator("input[name=region]").EvaluateAllAsync<string[][]>(
            "inputs => inputs.filter(i => !i.closest('li').querySelector('ul')).map(i => [i.value, i.closest('label').textContent.trim().split(' ')[0]])");
        var (code, name) = (leaves[^1][0], leaves[^1][1]);
        var typed = name[..^1];

        await tree.Locator("[data-testid=region-filter]").FillAsync(typed);

        await Expect(tree.Locator($"input[value='{code}']")).ToBeVisibleAsync();
        // every node shown holds the text or has a node below it that does; every node that holds it is shown
        var shown = await tree.Locator("input[name=region]:visible").EvaluateAllAsync<string[]>(
            "inputs => inputs.map(i => i.closest('label').textContent.trim().split(' ')[0] + '|' + [...i.closest('li').querySelectorAll('input[name=region]')].map(d => d.closest('label').textContent.trim().split(' ')[0]).join(','))");
        Assert.NotEmpty(shown);
        Assert.All(shown, line => Assert.Contains(typed, line, StringComparison.Ordinal));
        var holding = await tree.Locator("input[name=region]").EvaluateAllAsync<int>(
            $"inputs => inputs.filter(i => i.closest('label').textContent.trim().split(' ')[0].includes('{typed}')).length");
        Assert.Equal(holding, shown.Count(line => line.Split('|')[0].Contains(typed, StringComparison.Ordinal)));


        // ticking the match found through the box selects it; clearing the box brings back the collapsed tree
        await tree.Locator($"input[value='{code}']").CheckAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("region=" + code + "$"));
        await tree.Locator("[data-testid=region-filter]").FillAsync("");
        await Expect(tree.Locator($"input[value='{code}']")).ToBeVisibleAsync(); // the selected path stays open
        await tree.Locator("[data-testid=region-filter]").FillAsync("没有这个地名");
        await Expect(tree).ToContainTextAsync("没有名称含“没有这个地名”的地区");
    }

    [Theory]
    [InlineData(1400, 1000)]
    [InlineData(390, 844)]
    public async Task Years_AreNewestFirst_AndKeepTheirPlacesWhenCountsChange(int width, int height)
    {
        var page = await OpenAsync(width, height);
        var years = page.Locator("[data-facet=year] input");
        var before = await years.EvaluateAllAsync<string[]>("inputs => inputs.map(i => i.value)");
        Assert.Equal(before.OrderByDescending(y => y, StringComparer.Ordinal), before);
        var countsBefore = await page.Locator("[data-facet=year] .count").AllTextContentsAsync();

        await page.FillAsync("#q", "工信局");
        await page.ClickAsync("#search-form button[type=submit]");
        await Expect(page.Locator("#summary")).ToContainTextAsync("工信局");

        Assert.Equal(before, await years.EvaluateAllAsync<string[]>("inputs => inputs.map(i => i.value)"));
        var countsAfter = await page.Locator("[data-facet=year] .count").AllTextContentsAsync();
        Assert.NotEqual(countsBefore, countsAfter);
        // a link straight to a search that some years have no report of lists every year of the archive, in the same places
        var linked = await OpenAsync(width, height, "/?" + "q=" + Uri.EscapeDataString("工信局") + "&region=4103");
        Assert.Equal(before, await linked.Locator("[data-facet=year] input").EvaluateAllAsync<string[]>("inputs => inputs.map(i => i.value)"));
        Assert.Contains("0", await linked.Locator("[data-facet=year] .count").AllTextContentsAsync());

        var api = (await ApiAsync(page, "q=" + Uri.EscapeDataString("工信局") + "&pageSize=1")).GetProperty("facets").GetProperty("year")
            .EnumerateArray().ToDictionary(v => v.GetProperty("value").GetString()!, v => v.GetProperty("count").GetInt32().ToString(CultureInfo.InvariantCulture));
        Assert.Equal(before.Select(y => api.GetValueOrDefault(y, "0")), countsAfter);
    }

    [Fact]
    public async Task OnAPhone_TheResultsComeBeforeTheFacets_WhichTheFilterButtonReaches()
    {
        var page = await OpenAsync(390, 844);
        var firstHit = await page.Locator("[data-testid=hit]").First.BoundingBoxAsync();
        var facets = await page.Locator("#facets").BoundingBoxAsync();
        Assert.True(firstHit!.Y + firstHit.Height < 844, $"the first result ends at {firstHit.Y + firstHit.Height} px, below the screen");
        Assert.True(firstHit.Y < facets!.Y, $"the first result at {firstHit.Y} px, the facets at {facets.Y} px");
        Assert.True(await page.EvaluateAsync<int>("document.documentElement.scrollWidth") <= 390, "the page is wider than the phone");

        await page.Locator("#facet-jump").ClickAsync();
        await Expect(page.Locator("[data-facet=year]")).ToBeInViewportAsync();

        var desktop = await OpenAsync(1400, 1000);
        await Expect(desktop.Locator("#facet-jump")).ToBeHiddenAsync();
        var column = await desktop.Locator("#facets").BoundingBoxAsync();
        var results = await desktop.Locator("[data-testid=hit]").First.BoundingBoxAsync();
        Assert.True(column!.X + column.Width <= results!.X, "on a desktop the facets are a column left of the results");
    }

    /// <summary>The facet column of the whole archive at 1400×1000 (10,540 px when the tree was fully open).</summary>
    [Fact]
    public async Task TheFacetColumn_OfTheWholeArchive_IsAboutAScreenHigh()
    {
        var page = await OpenAsync(1400, 1000);
        // from the top of the column to the bottom of its last facet (the grid stretches the column itself to the results' height)
        var height = await page.Locator("#facets").EvaluateAsync<double>(
            "column => Math.max(...[...column.children].map(c => c.getBoundingClientRect().bottom)) - column.getBoundingClientRect().top");
        output.WriteLine($"facet column at 1400×1000 on {GeneratedArchive()} reports: {height:0} px, {await page.Locator("#facets input[type=checkbox]:visible").CountAsync()} checkboxes shown");
        Assert.True(height < 2000, $"the facet column is {height:0} px high");
    }

    private static int GeneratedArchive() => Support.GeneratedArchive.Reports;
}
