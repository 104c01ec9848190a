using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CsvHelper;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ReportArchive.Server.Tests.Browser;

/// <summary>
/// stats.html on the 2,000 generated reports (<see cref="Support.GeneratedArchive"/>), at a desktop and a phone width:
/// rates as percentages with one decimal and never summed, bars and table in the order chosen (by value by default),
/// the chart titled with the figure's Chinese label and the grouping, the filters shown (a region by its name) and kept
/// in the URL, and a CSV of the table that is the table on screen. Expected values are read from /api/stats.
/// </summary>
public sealed partial class StatisticsPageBrowserTests : IAsyncLifetime
{
    /// <summary>The group of the reports without a value for the grouping: always the last row, whatever the order.</summary>
    private const string Unknown = "（未知）";

    private BrowserSession _session = null!;

    public async Task InitializeAsync() => _session = await BrowserSession.StartAsync(generatedReports: true);

    public async Task DisposeAsync() => await _session.DisposeAsync();

    [Theory]
    [InlineData(1400, 1000)]
    [InlineData(390, 844)]
    public async Task ARate_IsShownAsPercentages_NeverSummed_BarsByValueDescending(int width, int height)
    {
        var page = await _session.NewPageAsync(new() { Width = width, Height = height });
        var api = await StatsAsync(page, "figure=rates.disclosure&groupBy=province");
        Assert.True(api.Count >= 5, $"{api.Count} provinces");

        await page.GotoAsync("/stats.html?figure=rates.disclosure&groupBy=province");

        await Expect(page.Locator("[data-testid=stats-table] tbody tr")).ToHaveCountAsync(api.Count);
        await Expect(page.Locator("[data-testid=stats-total]")).ToHaveCountAsync(0); // a rate is never added up
        await Expect(page.Locator("[data-testid=chart-title]")).ToHaveTextAsync("公开率（予以公开与部分公开占办理总数）（平均，按省份分组）");
        var headers = await page.Locator("[data-testid=stats-table] thead th").AllTextContentsAsync();
        Assert.Equal(["省份", "报告数", "有数据的报告数", "分母为 0", "平均", "最小", "最大"], headers);
        Assert.DoesNotContain("合计", await page.Locator("#measure option").AllTextContentsAsync());

        var rows = await TableAsync(page);
        foreach (var row in rows.Skip(1))
        {
            var expected = api.Single(g => GroupName(g, "province") == row[0]);
            Assert.Equal(Percent(expected["mean"]), row[4]);
            Assert.Equal(Percent(expected["min"]), row[5]);
            Assert.Equal(Percent(expected["max"]), row[6]);
            Assert.Matches(PercentPattern(), row[4]);
        }

        Assert.DoesNotMatch(RawRatioPattern(), await page.Locator("main").InnerTextAsync());
        var shown = await page.EvaluateAsync<string>("() => document.body.innerText + ' ' + [...document.querySelectorAll('option, [placeholder]')].map(e => e.textContent + ' ' + (e.placeholder ?? '')).join(' ')");
        Assert.Empty(EnglishWords(shown));
        var values = await BarValuesAsync(page);
        Assert.True(values.Count >= 5);
        Assert.Equal(values.OrderDescending(), values);
        Assert.Equal(await BarGroupsAsync(page), rows.Skip(1).Where(r => r[4] != "—").Select(r => r[0]));
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "the page scrolls sideways");
    }

    [Theory]
    [InlineData(1400, 1000)]
    [InlineData(390, 844)]
    public async Task Bars_SortByValueAscending_ByName_AndByReportCount_TheTableInTheSameOrder(int width, int height)
    {
        var page = await _session.NewPageAsync(new() { Width = width, Height = height });
        await page.GotoAsync("/stats.html?figure=requests.new.total&groupBy=province");
        await Expect(page.Locator("#order")).ToHaveValueAsync("value");
        await Expect(page.Locator("[data-testid=chart-title]")).ToContainTextAsync("合计，按省份分组");
        var byValue = await BarValuesAsync(page);
        Assert.Equal(byValue.OrderDescending(), byValue);

        await page.Locator("#order").SelectOptionAsync("valueAsc");
        await Expect(page).ToHaveURLAsync(new Regex("order=valueAsc"));
        await Expect(page.Locator("svg.chart rect.bar").First).ToHaveAttributeAsync("data-value", byValue.Min().ToString(CultureInfo.InvariantCulture));
        var ascending = await BarValuesAsync(page);
        Assert.Equal(ascending.Order(), ascending);

        await page.Locator("#order").SelectOptionAsync("reports");
        await Expect(page).ToHaveURLAsync(new Regex("order=reports"));
        await Expect(page.Locator("#order")).ToHaveValueAsync("reports");
        var counts = (await BodyRowsAsync(page)).Where(r => r[0] != Unknown).Select(r => int.Parse(r[1], NumberStyles.AllowThousands, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(counts.OrderDescending(), counts);

        await page.Locator("#order").SelectOptionAsync("name");
        await Expect(page).ToHaveURLAsync(new Regex("order=name"));
        await page.ReloadAsync();
        await Expect(page.Locator("#order")).ToHaveValueAsync("name");
        var all = (await BodyRowsAsync(page)).Select(r => r[0]).ToList();
        Assert.DoesNotContain(Unknown, all.SkipLast(1));
        var names = all.Where(n => n != Unknown).ToList();
        var byNameExpected = await page.EvaluateAsync<string[]>("names => [...names].sort(new Intl.Collator('zh-CN').compare)", names);
        Assert.Equal(byNameExpected, names);
        var bars = await BarGroupsAsync(page);
        Assert.True(bars.Count >= 5);
        Assert.Equal(all.Where(bars.Contains), bars);
    }

    [Theory]
    [InlineData(1400, 1000)]
    [InlineData(390, 844)]
    public async Task AFigure_KeepsItsSumOfCounts(int width, int height)
    {
        var page = await _session.NewPageAsync(new() { Width = width, Height = height });
        var api = await StatsAsync(page, "figure=requests.new.total&groupBy=year");

        await page.GotoAsync("/stats.html?figure=requests.new.total&groupBy=year");

        await Expect(page.Locator("[data-testid=stats-table] tbody tr")).ToHaveCountAsync(api.Count);
        var rows = await TableAsync(page);
        Assert.Equal(["年份", "报告数", "有数据的报告数", "合计", "平均", "最小", "最大"], rows[0]);
        foreach (var row in rows.Skip(1).SkipLast(1))
        {
            var expected = api.Single(g => GroupName(g, "year") == row[0]);
            Assert.Equal((decimal)expected["sum"]!, decimal.Parse(row[3], NumberStyles.Number, CultureInfo.InvariantCulture));
            Assert.Equal((int)expected["reports"]!, int.Parse(row[1], NumberStyles.AllowThousands, CultureInfo.InvariantCulture));
        }

        // the groups split the reports: a 合计 row adds up the counts and the sums
        var total = rows[^1];
        Assert.Equal("合计", total[0]);
        Assert.Equal(api.Sum(g => (int)g["reports"]!), int.Parse(total[1], NumberStyles.AllowThousands, CultureInfo.InvariantCulture));
        Assert.Equal(api.Sum(g => (decimal?)g["sum"] ?? 0), decimal.Parse(total[3], NumberStyles.Number, CultureInfo.InvariantCulture));
        var title = await page.Locator("[data-testid=chart-title]").TextContentAsync();
        Assert.Contains("本年新收政府信息公开申请数量", title, StringComparison.Ordinal);
        Assert.EndsWith("（合计，按年份分组）", title, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1400, 1000)]
    [InlineData(390, 844)]
    public async Task TheTablesCsv_IsTheTableOnScreen(int width, int height)
    {
        var page = await _session.NewPageAsync(new() { Width = width, Height = height });
        await page.GotoAsync("/stats.html?figure=rates.reviewCorrection&groupBy=level&year=2019..2022");
        await Expect(page.Locator("[data-testid=stats-table] tbody tr").First).ToBeVisibleAsync();

        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("[data-testid=table-csv]").ClickAsync());

        Assert.EndsWith(".csv", download.SuggestedFilename, StringComparison.Ordinal);
        Assert.StartsWith("统计-行政复议纠错率-按层级-2019至2022", download.SuggestedFilename, StringComparison.Ordinal);
        var path = await download.PathAsync();
        var bytes = await File.ReadAllBytesAsync(path);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var csv = ReadCsv(Encoding.UTF8.GetString(bytes.AsSpan(3)));
        var table = await TableAsync(page);
        Assert.Equal(table, csv);
        Assert.Contains(csv.Skip(1), row => PercentPattern().IsMatch(row[4]));
        Assert.All(csv.Skip(1), row => Assert.Contains(row[0], (string[])["中央", "省级", "市级", "县级", "乡镇", "（未知）"]));
    }

    [Theory]
    [InlineData(1400, 1000)]
    [InlineData(390, 844)]
    public async Task TheFilters_AreShownInChinese_ARegionByItsName_AndStayInTheUrl(int width, int height)
    {
        var page = await _session.NewPageAsync(new() { Width = width, Height = height });
        var (code, fullName) = await SomeCountyAsync(page);
        var query = $"figure=requests.new.total&groupBy=year&q={Uri.EscapeDataString("行政诉讼")}&level=county&region={code}";

        await page.GotoAsync("/stats.html?" + query);

        var chips = page.Locator("[data-testid=filter-chip]");
        await Expect(chips.Filter(new() { HasText = "地区：" })).ToHaveTextAsync($"地区：{fullName}×");
        await Expect(chips.Filter(new() { HasText = "层级：" })).ToHaveTextAsync("层级：县级×");
        await Expect(chips.Filter(new() { HasText = "检索词：" })).ToHaveTextAsync("检索词：行政诉讼×");
        Assert.DoesNotContain(code, await page.Locator("[data-testid=stats-filters]").InnerTextAsync(), StringComparison.Ordinal);
        await Expect(page.Locator("#q")).ToHaveValueAsync("行政诉讼");
        await Expect(page.Locator("#level")).ToHaveValueAsync("county");
        await Expect(page.Locator("#export-xlsx")).ToHaveAttributeAsync("href", new Regex($"format=xlsx.*region={code}"));

        await page.Locator("#groupBy").SelectOptionAsync("agencyType");

        await Expect(page).ToHaveURLAsync(new Regex($"groupBy=agencyType.*region={code}|region={code}.*groupBy=agencyType"));
        Assert.Contains("level=county", page.Url, StringComparison.Ordinal);
        await Expect(page.Locator("[data-testid=chart-title]")).ToContainTextAsync("按机构类型分组");
        await Expect(page.Locator("[data-testid=stats-total]")).ToHaveCountAsync(0); // a report counts in each of its types: no 合计 row
        await Expect(chips.Filter(new() { HasText = "地区：" })).ToHaveTextAsync($"地区：{fullName}×");

        await chips.Filter(new() { HasText = "层级：" }).GetByRole(AriaRole.Button).ClickAsync();
        await Expect(chips.Filter(new() { HasText = "层级：" })).ToHaveCountAsync(0);
        Assert.DoesNotContain("level=", page.Url, StringComparison.Ordinal);
        Assert.Contains($"region={code}", page.Url, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1400, 1000)]
    [InlineData(390, 844)]
    public async Task ABadParameter_IsSaidInChinese_AndABadYearIsStoppedInTheForm(int width, int height)
    {
        var page = await _session.NewPageAsync(new() { Width = width, Height = height });

        await page.GotoAsync("/stats.html?figure=requests.new.total&year=" + Uri.EscapeDataString("前年")); // the value is echoed: not ASCII, so any English word is the page's own

        var error = page.Locator("[data-testid=stats-error]");
        await Expect(error).ToBeVisibleAsync();
        Assert.StartsWith("无法统计：", await error.TextContentAsync(), StringComparison.Ordinal);
        Assert.Empty(EnglishWords(await error.TextContentAsync() ?? ""));

        await page.GotoAsync("/stats.html?figure=requests.new.total");
        await Expect(page.Locator("[data-testid=stats-table] tbody tr").First).ToBeVisibleAsync();
        var before = page.Url;
        await page.Locator("#year").FillAsync("去年");
        await page.Locator("#stats-form button[type=submit]").ClickAsync();
        Assert.Equal(before, page.Url);
        Assert.Contains("不是年份", await page.Locator("#year").EvaluateAsync<string>("e => e.validationMessage"), StringComparison.Ordinal);

        await page.Locator("#year").FillAsync("２０２１");
        await page.Locator("#stats-form button[type=submit]").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("year="));
        await Expect(page.Locator("[data-testid=filter-chip][data-filter=year]")).ToHaveTextAsync("年份：２０２１×");
        await Expect(page.Locator("[data-testid=stats-table] tbody tr")).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task ASlowEarlierAnswer_NeverReplacesTheLatestGrouping()
    {
        var page = await _session.NewPageAsync(new() { Width = 1400, Height = 1000 });
        var slowAnswered = new TaskCompletionSource();
        await page.RouteAsync("**/api/stats?*", async route =>
        {
            var slow = route.Request.Url.Contains("groupBy=province", StringComparison.Ordinal);
            if (slow)
            {
                await Task.Delay(2_000); // the province answer arrives after the agency type one
            }

            await route.ContinueAsync();
            if (slow)
            {
                slowAnswered.TrySetResult();
            }
        });
        await page.GotoAsync("/stats.html?figure=requests.new.total&groupBy=year");
        await Expect(page.Locator("[data-testid=stats-table] thead th").First).ToHaveTextAsync("年份");

        await page.Locator("#groupBy").SelectOptionAsync("province");
        await page.Locator("#groupBy").SelectOptionAsync("agencyType");
        await slowAnswered.Task.WaitAsync(TimeSpan.FromMilliseconds(BrowserSession.LoadTolerantTimeoutMs));
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        await Expect(page.Locator("[data-testid=stats-table] thead th").First).ToHaveTextAsync("机构类型");
        await Expect(page.Locator("[data-testid=chart-title]")).ToContainTextAsync("按机构类型分组");
        Assert.DoesNotContain("河南省", await page.Locator("[data-testid=stats-table]").InnerTextAsync(), StringComparison.Ordinal);
    }

    private static async Task<List<JsonNode>> StatsAsync(IPage page, string query)
    {
        var response = await page.APIRequest.GetAsync("/api/stats?" + query);
        Assert.True(response.Ok, await response.TextAsync());
        return JsonNode.Parse(await response.TextAsync())!.AsArray().Select(g => g!).ToList();
    }

    /// <summary>A county of the archive's region tree, by code and full name (province, city, county).</summary>
    private static async Task<(string Code, string FullName)> SomeCountyAsync(IPage page)
    {
        var response = await page.APIRequest.GetAsync("/api/regions?level=county");
        foreach (var province in JsonNode.Parse(await response.TextAsync())!.AsArray())
        {
            foreach (var city in province!["children"]?.AsArray() ?? [])
            {
                foreach (var county in city!["children"]?.AsArray() ?? [])
                {
                    if ((string?)county!["code"] is { Length: 6 } code)
                    {
                        return (code, $"{province["value"]}{city["value"]}{county["value"]}");
                    }
                }
            }
        }

        throw new InvalidOperationException("no county in the generated archive");
    }

    private static string GroupName(JsonNode group, string groupBy) => (string?)group["group"] is { } name
        ? groupBy == "year" ? $"{name} 年" : name
        : Unknown;

    private static string Percent(JsonNode? ratio) => ratio is null
        ? "—"
        : (Math.Round((decimal)ratio * 100, 1, MidpointRounding.AwayFromZero)).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    /// <summary>The table as shown: header and rows, each cell's text.</summary>
    private static async Task<List<List<string>>> TableAsync(IPage page) =>
        (await page.Locator("[data-testid=stats-table] tr").EvaluateAllAsync<string[][]>("rows => rows.map(r => [...r.children].map(c => c.textContent))"))
        .Select(r => r.ToList()).ToList();

    /// <summary>The values of the bars in their order, the bar of the reports without a group (always last) left out.</summary>
    /// <summary>The groups' rows (tbody), without the header and the 合计 row.</summary>
    private static async Task<List<List<string>>> BodyRowsAsync(IPage page) =>
        (await page.Locator("[data-testid=stats-table] tbody tr").EvaluateAllAsync<string[][]>("rows => rows.map(r => [...r.children].map(c => c.textContent))"))
        .Select(r => r.ToList()).ToList();

    private static async Task<List<decimal>> BarValuesAsync(IPage page) =>
        (await page.Locator("svg.chart rect.bar:not([data-group=''])").EvaluateAllAsync<string[]>("bars => bars.map(b => b.dataset.value)"))
        .Select(v => decimal.Parse(v, NumberStyles.Float, CultureInfo.InvariantCulture)).ToList();

    private static async Task<List<string>> BarGroupsAsync(IPage page) =>
        (await page.Locator("svg.chart rect.bar").EvaluateAllAsync<string[]>("bars => bars.map(b => b.dataset.group || '（未知）')")).ToList();

    private static List<List<string>> ReadCsv(string text)
    {
        using var reader = CsvReader.FromText(text, null);
        var rows = new List<List<string>>();
        reader.ReadHeader();
        rows.Add(reader.Headers.ToList());
        while (reader.Read())
        {
            rows.Add(Enumerable.Range(0, rows[0].Count).Select(reader.GetString).ToList());
        }

        return rows;
    }

    [GeneratedRegex(@"^\d{1,3}\.\d%$")]
    private static partial Regex PercentPattern();

    /// <summary>The English words a reader would read: two letters or more, not a file extension (.csv) nor a name <see cref="VisibleEnglish.AllowedWords"/> allows (CSV).</summary>
    private static List<string> EnglishWords(string text)
        => [.. EnglishWordPattern().Matches(text).Select(m => m.Value).Where(w => !VisibleEnglish.AllowedWords.Contains(w))];

    [GeneratedRegex(@"(?<![.\w])[A-Za-z]{2,}")]
    private static partial Regex EnglishWordPattern();

    [GeneratedRegex(@"\b0\.\d{4,}")]
    private static partial Regex RawRatioPattern();
}
