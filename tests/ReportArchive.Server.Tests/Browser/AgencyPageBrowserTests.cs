using System.Net;
using System.Text.Json.Nodes;
using ReportArchive.Corpus.Reports;
using ReportArchive.Server.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace ReportArchive.Server.Tests.Browser;

/// <summary>
/// The agency page (agency.html) on the 2,000 generated reports, at a desktop and a phone width: reached from the
/// report page's 历年对比 link of the generated agency with the most years, it shows the figures year by year with
/// the API's values and changes, the cross-year checks, the six parts compared with the year before — all in Chinese,
/// and never wider than the screen.
/// </summary>
public sealed class AgencyPageBrowserTests : IAsyncLifetime
{
    private BrowserSession _session = null!;

    public async Task InitializeAsync() => _session = await BrowserSession.StartAsync(generatedReports: true);

    public async Task DisposeAsync() => await _session.DisposeAsync();

    [Theory]
    [InlineData(1400, 1000)]
    [InlineData(390, 844)]
    public async Task ReportPage_LinksToTheAgencyOverTheYears_WithFiguresChangesAndParts(int width, int height)
    {
        var (agency, comparison) = await AgencyWithMostYearsAsync();
        var years = comparison["years"]!.AsArray();
        var latest = years[^1]!;
        var page = await _session.NewPageAsync(new() { Width = width, Height = height });

        await page.GotoAsync($"/report.html?id={(long)latest["id"]!}");
        await page.Locator("[data-testid=agency-years]").ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/agency\.html\?")); // not WaitForURL: its wait for the load event timed out on a loaded CI machine

        await Expect(page.Locator("h1")).ToHaveTextAsync($"{agency}：历年报告对比");
        await Expect(page.Locator("[data-testid=agency-summary]")).ToContainTextAsync($"共 {years.Count} 份报告");
        var table = page.Locator("[data-testid=figure-table]");
        await Expect(table.Locator("tbody tr")).ToHaveCountAsync(comparison["figureLabels"]!.AsArray().Count);
        await Expect(table.Locator("thead th")).ToHaveCountAsync(years.Count + 1);
        await Expect(table.Locator("thead [data-testid=year-link]").Last).ToHaveTextAsync(YearName(years, (long)latest["id"]!));

        // the latest year's 本年新收 total and its change, as the API gives them
        var newTotal = latest["figures"]!["requests.new.total"];
        var cell = table.Locator("tr[data-key='requests.new.total'] td").Last;
        if (newTotal is not null)
        {
            await Expect(cell).ToContainTextAsync(((decimal)newTotal).ToString("#,##0.######", System.Globalization.CultureInfo.InvariantCulture));
        }

        var change = latest["changes"]!["requests.new.total"];
        if (change is not null)
        {
            var delta = (decimal)change;
            await Expect(cell.Locator("[data-testid=change]")).ToHaveTextAsync(delta > 0 ? $"+{delta:0.######}" : delta < 0 ? $"−{-delta:0.######}" : "持平");
        }

        await Expect(page.Locator("[data-testid=cross-year-check]")).ToHaveCountAsync(comparison["crossYearChecks"]!.AsArray().Count);
        await Expect(page.Locator("[data-testid=part]")).ToHaveCountAsync(6);
        var latestParts = latest["parts"]!.AsArray();
        var firstPart = latestParts[0]!;
        var summary = page.Locator("[data-testid=part]").First.Locator($".part-year[data-year='{(int)latest["year"]!}'] [data-testid=part-summary]");
        if ((bool)firstPart["found"]!)
        {
            await Expect(summary).ToHaveTextAsync(
                $"与{YearName(years, (long)latest["comparedWith"]!["id"]!)}相比：新增 {(int)firstPart["new"]!} 句，改写 {(int)firstPart["similar"]!} 句，沿用 {(int)firstPart["copied"]!} 句，删去 {(int)firstPart["dropped"]!} 句。");
        }

        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "the page is wider than the screen");
        var shown = await page.Locator("main").InnerTextAsync();
        Assert.DoesNotMatch("[A-Za-z]{2,}", shown);
    }

    [Fact]
    public async Task AnUnknownAgency_SaysSoInChinese()
    {
        var page = await _session.NewPageAsync();

        await page.GotoAsync("/agency.html?agency=" + Uri.EscapeDataString("没有这个机关"));

        await Expect(page.Locator("[role=alert]")).ToHaveTextAsync("出错了：没有找到“没有这个机关”标明年份的报告。");
    }

    /// <summary>How the page names a report's year: 2023年, or 2023年（第2份） for the second of two reports of 2023.</summary>
    private static string YearName(JsonArray years, long id)
    {
        var year = (int)years.Single(y => (long)y!["id"]! == id)!["year"]!;
        var sameYear = years.Where(y => (int)y!["year"]! == year).Select(y => (long)y!["id"]!).ToList();
        return sameYear.Count > 1 ? $"{year}年（第{sameYear.IndexOf(id) + 1}份）" : $"{year}年";
    }

    /// <summary>Of the generated agencies, the one whose series the archive links over the most years (at least three).</summary>
    private async Task<(string Agency, JsonNode Comparison)> AgencyWithMostYearsAsync()
    {
        using var client = await _session.App.CreateReadyClientAsync();
        var candidates = new ReportCorpusGenerator(seed: GeneratedArchive.Seed).Generate(GeneratedArchive.Reports)
            .GroupBy(r => r.Agency.Name)
            .OrderByDescending(g => g.Select(r => r.Year).Distinct().Count())
            .ThenBy(g => g.Key, StringComparer.Ordinal)
            .Take(10);
        foreach (var candidate in candidates)
        {
            var response = await client.GetAsync(new Uri("/api/agencies/years?agency=" + Uri.EscapeDataString(candidate.Key), UriKind.Relative));
            if (response.StatusCode == HttpStatusCode.OK)
            {
                var comparison = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
                if (comparison["years"]!.AsArray().Count >= 3)
                {
                    return (candidate.Key, comparison);
                }
            }
        }

        Assert.Fail("no generated agency has three years linked");
        return default;
    }
}
