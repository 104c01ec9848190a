using Microsoft.Playwright;
using Microsoft.Extensions.DependencyInjection;
using ReportArchive.Server.Tests.Support;
using ReportArchive.Testing;
using static Microsoft.Playwright.Assertions;

namespace ReportArchive.Server.Tests.Browser;

/// <summary>
/// The web page in a real browser: Microsoft.Playwright (its driver and Node.js come in the NuGet package) driving
/// Debian's chromium, against the server listening on a loopback port through Kestrel. Fails, never skips, when the
/// browser is missing: <c>apt-get install -y chromium</c> (or set REPORTARCHIVE_CHROMIUM to another executable).
/// </summary>
public sealed class BrowserTests : IAsyncLifetime
{
    private const int LoadTolerantTimeoutMs = BrowserSession.LoadTolerantTimeoutMs;

    private BrowserSession _session = null!;

    public async Task InitializeAsync() => _session = await BrowserSession.StartAsync();

    public async Task DisposeAsync() => await _session.DisposeAsync();

    [Fact]
    public async Task SearchFacetReportAndStatistics_InARealBrowser()
    {
        var page = await _session.NewPageAsync();
        var consoleErrors = new List<string>();
        page.Console += (_, message) => { if (message.Type == "error") consoleErrors.Add($"{message.Text} ({message.Location})"); };
        page.PageError += (_, error) => consoleErrors.Add(error);

        // Search: five seeds mention 行政诉讼; snippets show the matches in <mark>.
        await page.GotoAsync("/");
        await page.FillAsync("#q", "行政诉讼");
        await page.ClickAsync("#search-form button[type=submit]");
        var hits = page.Locator("[data-testid=hit]");
        await Expect(hits).ToHaveCountAsync(5);
        await Expect(page.Locator(".snippet mark").First).ToHaveTextAsync("行政诉讼");
        Assert.Contains("q=" + Uri.EscapeDataString("行政诉讼"), page.Url, StringComparison.OrdinalIgnoreCase);

        // A facet: 2021 narrows to three reports, and the URL holds the filter.
        await page.Locator("[data-facet=year] input[value='2021']").CheckAsync();
        await Expect(hits).ToHaveCountAsync(3);
        Assert.Contains("year=2021", page.Url, StringComparison.Ordinal);
        await Expect(page.Locator("[data-facet=year] input[value='2021']")).ToBeCheckedAsync();

        // The badge marks the report whose checks failed (郑州: the prose says no litigation, table C gives 9).
        var failedHit = hits.Filter(new LocatorFilterOptions { Has = page.Locator("[data-testid=checks-failed]") });
        await Expect(failedHit).ToHaveCountAsync(1);

        // The report page: figure tables, the failed check on its cells, highlighted full text, permalink.
        // the facet's search must have finished rendering, or the click can land on a list about to be replaced
        // (seen once in CI: no navigation, the wait below timed out)
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await failedHit.Locator("h2 a").ClickAsync();
        await page.WaitForURLAsync("**/report.html?id=*");
        await Expect(page.Locator("table.figure-table[data-table=B]")).ToBeVisibleAsync();
        await Expect(page.Locator("table.figure-table[data-table=A]").First).ToBeVisibleAsync();
        await Expect(page.Locator("table.figure-table[data-table=C]")).ToBeVisibleAsync();
        await Expect(page.Locator("td[data-key='requests.new.total']")).ToHaveTextAsync("3");
        await Expect(page.Locator("td[data-key='requests.new.total']")).ToHaveAttributeAsync("title", new System.Text.RegularExpressions.Regex("本年新收"));
        await Expect(page.Locator("td[data-key='litigationDirect.total']")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("check-failed"));
        var marks = page.Locator("[data-testid=fulltext] mark");
        Assert.True(await marks.CountAsync() >= 2, "the full text marks the query's matches");
        Assert.All(await marks.AllTextContentsAsync(), text => Assert.Equal("行政诉讼", text));
        await Expect(page.Locator("[data-testid=permalink]")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex(@"/report\.html\?id=\d+&q="));

        // Back to the results: the URL restores the search and the facet.
        await page.GoBackAsync();
        await Expect(hits).ToHaveCountAsync(3);
        await Expect(page.Locator("#q")).ToHaveValueAsync("行政诉讼");

        // Statistics: requests.new.total by year over the filtered search, as a chart and a table.
        await page.ClickAsync("#stats-link");
        await page.WaitForURLAsync("**/stats.html?*");
        await Expect(page.Locator("[data-testid=stats-table] tbody tr")).ToHaveCountAsync(1);
        await Expect(page.Locator("[data-testid=stats-table] tbody tr td").Nth(3)).ToHaveTextAsync("3");
        await Expect(page.Locator("svg.chart rect.bar")).ToHaveCountAsync(1);
        var exportHref = await page.Locator("#export-csv").GetAttributeAsync("href");
        Assert.Equal("/api/export?format=csv&q=" + Uri.EscapeDataString("行政诉讼").Replace("%20", "+", StringComparison.Ordinal) + "&year=2021", exportHref);

        Assert.True(consoleErrors.Count == 0, string.Join("\n", consoleErrors));
    }

    [Fact]
    public async Task ASlowEarlierAnswer_NeverReplacesTheResultsOfTheLatestSearch()
    {
        var page = await _session.NewPageAsync();
        var slowAnswered = new TaskCompletionSource();
        await page.RouteAsync("**/api/search?*", async route =>
        {
            var slow = route.Request.Url.Contains("q=" + Uri.EscapeDataString("行政诉讼"), StringComparison.OrdinalIgnoreCase);
            if (slow)
            {
                await Task.Delay(2_000); // the first search's answer arrives after the second's
            }

            await route.ContinueAsync();
            if (slow)
            {
                slowAnswered.TrySetResult();
            }
        });
        await page.GotoAsync("/");
        var hits = page.Locator("[data-testid=hit]");

        await page.FillAsync("#q", "行政诉讼");
        await page.ClickAsync("#search-form button[type=submit]");
        await page.FillAsync("#q", "郑州");
        await page.ClickAsync("#search-form button[type=submit]");
        await Expect(hits).ToHaveCountAsync(1); // 郑州: one seed
        await slowAnswered.Task.WaitAsync(TimeSpan.FromMilliseconds(LoadTolerantTimeoutMs));
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        await Expect(hits).ToHaveCountAsync(1); // not the five of 行政诉讼
        await Expect(page.Locator("#summary")).ToContainTextAsync("郑州");
        await Expect(page.Locator("#q")).ToHaveValueAsync("郑州");
    }

    /// <summary>
    /// Ticking a district selects only that district, where district names repeat (鼓楼区 in 徐州市, 南京市, 福州市 and
    /// 开封市): the tick sends its code, the tree keeps listing the other provinces, the chip names it in full, and the
    /// URL brings it back after a reload.
    /// </summary>
    [Fact]
    public async Task TickingADistrict_SelectsOnlyThatDistrict_WhereDistrictNamesRepeat()
    {
        var corpus = RepeatedDistrictReports.WriteTo(Path.Combine(_session.App.DataDirectory, "districts"));
        var importer = _session.App.Services.GetRequiredService<ReportArchive.Ingestion.ReportImporter>();
        Assert.Equal(RepeatedDistrictReports.Reports.Count, (await importer.ImportAsync([corpus], null, CancellationToken.None)).Imported.Count);
        var page = await _session.NewPageAsync();
        var consoleErrors = new List<string>();
        page.PageError += (_, error) => consoleErrors.Add(error);
        var hits = page.Locator("[data-testid=hit]");
        var tree = page.Locator("[data-facet=region]");

        await page.GotoAsync("/");
        await Expect(hits).ToHaveCountAsync(RepeatedDistrictReports.Reports.Count + 5); // with the five seeds
        await RegionTreeNavigation.OpenToAsync(tree, "320302"); // the tree is collapsed to its provinces
        await tree.Locator("input[value='320302']").CheckAsync();

        await Expect(hits).ToHaveCountAsync(3);
        Assert.All(await hits.Locator(".meta").AllTextContentsAsync(), meta => Assert.Contains("江苏省 徐州市 鼓楼区", meta, StringComparison.Ordinal));
        Assert.Contains("region=320302", page.Url, StringComparison.Ordinal);
        await Expect(tree.Locator("[data-testid=region-chip]")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^江苏省徐州市鼓楼区"));
        await Expect(tree.Locator("input[value='35']")).ToBeVisibleAsync(); // 福建省 and the seeds' 河南省 are still listed
        await Expect(tree.Locator("input[value='41']")).ToBeVisibleAsync();
        await Expect(tree.Locator("input[value='350102']")).Not.ToBeCheckedAsync();

        await page.ReloadAsync();
        await Expect(hits).ToHaveCountAsync(3);
        await Expect(tree.Locator("input[value='320302']")).ToBeCheckedAsync();
        await Expect(tree.Locator("[data-testid=region-chip]")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^江苏省徐州市鼓楼区"));

        // the chip takes the selection away again
        await tree.Locator("[data-testid=region-chip] button").ClickAsync();
        await Expect(hits).ToHaveCountAsync(RepeatedDistrictReports.Reports.Count + 5);
        Assert.DoesNotContain("region=", page.Url, StringComparison.Ordinal);

        // every district of the tree, each ticked on its own, selects exactly the reports counted beside it, all in it
        var districts = await tree.Locator("input[name=region]").EvaluateAllAsync<string[][]>(
            "inputs => inputs.filter(i => i.value.length === 6).map(i => [i.value, i.dataset.name, i.parentElement.querySelector('.count').textContent])");
        Assert.True(districts.Length >= 9, $"only {districts.Length} districts in the tree");
        foreach (var district in districts)
        {
            var (code, name, count) = (district[0], district[1], int.Parse(district[2], System.Globalization.CultureInfo.InvariantCulture));
            await page.GotoAsync("/");
            await RegionTreeNavigation.OpenToAsync(tree, code);
            await tree.Locator($"input[value='{code}']").CheckAsync();
            await Expect(hits).ToHaveCountAsync(count);
            Assert.All(await hits.Locator(".meta").AllTextContentsAsync(), meta => Assert.Contains(name, meta.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal));
            Assert.EndsWith("region=" + code, page.Url, StringComparison.Ordinal);
        }

        Assert.True(consoleErrors.Count == 0, string.Join("\n", consoleErrors));
    }

    [Fact]
    public async Task BookmarkedUrl_RestoresQueryAndFilters()
    {
        var page = await _session.NewPageAsync();

        await page.GotoAsync("/?q=" + Uri.EscapeDataString("行政诉讼") + "&year=2020");

        await Expect(page.Locator("[data-testid=hit]")).ToHaveCountAsync(1);
        await Expect(page.Locator("#q")).ToHaveValueAsync("行政诉讼");
        await Expect(page.Locator("[data-facet=year] input[value='2020']")).ToBeCheckedAsync();
    }

    [Fact]
    public async Task ReportPage_ClickingAFigureMarksTheSentenceItWasReadFrom()
    {
        // a real page that stops before the tables: its figures come from the prose
        var importer = _session.App.Services.GetRequiredService<ReportArchive.Ingestion.ReportImporter>();
        var id = Assert.Single((await importer.ImportAsync([Reports.FigureSourcesApiTests.ExcerptPath], null, CancellationToken.None)).Imported).Id;
        var page = await _session.NewPageAsync(new ViewportSize { Width = 1000, Height = 500 });
        await page.GotoAsync($"/report.html?id={id}");
        var marked = page.Locator("[data-testid=fulltext] mark.figure-source");
        await Expect(marked).ToHaveCountAsync(0);

        var review = page.Locator("td[data-key='review.total']");
        await Expect(review).ToHaveTextAsync("2");
        await review.ClickAsync();

        await Expect(marked).ToHaveCountAsync(1);
        await Expect(marked).ToContainTextAsync("行政复议2件");
        await Expect(marked).ToBeInViewportAsync();
        var requests = page.Locator("td[data-key='requests.new.total']");
        await Expect(requests).ToHaveTextAsync("12");
        await requests.HoverAsync();
        await Expect(marked).ToHaveCountAsync(1);
        await Expect(marked).ToContainTextAsync("共收到12件");
        await Expect(requests).ToHaveAttributeAsync("title", new System.Text.RegularExpressions.Regex("来源：正文"));
    }

    [Fact]
    public async Task ReportPage_LinksTheSameAgencysOtherYears()
    {
        // seed 004 (郑州市工业和信息化局, 2021) moved to 2020: the same agency and region code in the year before
        var seed = Directory.GetFiles(RepositoryFiles.SeedsDirectory, "004_*.txt").Single();
        var earlier = Path.Combine(_session.App.DataDirectory, "earlier-year.txt");
        await File.WriteAllTextAsync(earlier, (await File.ReadAllTextAsync(seed)).Replace("2021年", "2020年", StringComparison.Ordinal));
        var importer = _session.App.Services.GetRequiredService<ReportArchive.Ingestion.ReportImporter>();
        var earlierId = Assert.Single((await importer.ImportAsync([earlier], null, CancellationToken.None)).Imported).Id;
        using var client = await _session.App.CreateReadyClientAsync();
        var search = await SearchApiTests.GetJsonAsync(client, "/api/search?q=" + Uri.EscapeDataString("郑州市工业和信息化局") + "&year=2021");
        var laterId = (long)search["hits"]![0]!["id"]!;
        var page = await _session.NewPageAsync();

        await page.GotoAsync($"/report.html?id={laterId}");

        var other = page.Locator("[data-testid=other-year]");
        await Expect(other).ToHaveCountAsync(1);
        await Expect(other).ToHaveTextAsync("2020");
        await other.ClickAsync();
        await page.WaitForURLAsync($"**/report.html?id={earlierId}");
        await Expect(page.Locator("h1")).ToContainTextAsync("2020");
        await Expect(page.Locator("[data-testid=other-year]")).ToHaveTextAsync("2021");
    }
}
