using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using ReportArchive.Server.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace ReportArchive.Server.Tests.Browser;

/// <summary>
/// The report page on the 2,000 generated reports, at 1400×1000 and 390×844: failed checks first and in Chinese,
/// only the cells they name emphasised, the passed ones folded; the agency's years told apart, the cross-year
/// checks and keywords shown, a readable permalink, and a header and SHA-256 that fit a phone.
/// </summary>
public sealed class ReportPageBrowserTests : IAsyncLifetime
{
    private BrowserSession _session = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _session = await BrowserSession.StartAsync(generatedReports: true);
        _client = await _session.App.CreateReadyClientAsync();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _session.DisposeAsync();
    }

    [Theory]
    [InlineData(1400, 1000)]
    [InlineData(390, 844)]
    public async Task FailedChecks_ComeFirstInChinese_AndOnlyTheCellsTheyNameAreEmphasised(int width, int height)
    {
        // seed 004 with one wrong total: （一）予以公开 printed 1 0 0 0 0 0 10 (its six columns add up to 1)
        var seed = await File.ReadAllTextAsync(Directory.GetFiles(RepositoryFiles.SeedsDirectory, "004_*.txt").Single());
        var wrong = seed.Replace("(一) 予以公开\t\t1\t0\t0\t0\t0\t0\t1", "(一) 予以公开\t\t1\t0\t0\t0\t0\t0\t10", StringComparison.Ordinal);
        Assert.NotEqual(seed, wrong);
        var file = Path.Combine(_session.App.DataDirectory, $"wrong-total-{width}.txt");
        await File.WriteAllTextAsync(file, wrong);
        var importer = _session.App.Services.GetRequiredService<ReportArchive.Ingestion.ReportImporter>();
        var id = Assert.Single((await importer.ImportAsync([file], null, CancellationToken.None)).Imported).Id;
        var report = await JsonAsync($"/api/reports/{id}");
        var checks = report["checks"]!.AsArray();
        var failed = checks.Where(c => !(bool)c!["ok"]!).ToList();
        var named = failed.SelectMany(c => c!["cells"]!.AsArray().Select(k => (string)k!)).ToHashSet();
        // the wrong total, the （七）总计 its column no longer adds up to, and (the seed's own failure: the prose says
        // no litigation) the two litigation totals — not the 27 other cells of the two sums
        Assert.Equal(["litigationAfterReview.total", "litigationDirect.total", "requests.granted.total", "requests.processed.total"], named.Order(StringComparer.Ordinal));
        var page = await _session.NewPageAsync(new() { Width = width, Height = height });

        await page.GotoAsync($"/report.html?id={report["id"]}");

        // the failed checks come first, each in Chinese, saying by how much
        var failedItems = page.Locator("[data-testid=checks] [data-testid=check-failed]");
        await Expect(failedItems).ToHaveCountAsync(failed.Count);
        await Expect(failedItems.First).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=checks] .checks-summary")).ToHaveTextAsync($"{failed.Count} 项未通过：");
        for (var i = 0; i < failed.Count; i++)
        {
            await Expect(failedItems.Nth(i)).ToContainTextAsync("✗ " + (string)failed[i]!["detailZh"]!);
            await Expect(failedItems.Nth(i)).ToContainTextAsync("相差");
        }

        // the checks precede the tables, the passed ones folded below the failed ones
        var checksTop = (await page.Locator("[data-testid=checks]").BoundingBoxAsync())!.Y;
        var tableTop = (await page.Locator("table.figure-table").First.BoundingBoxAsync())!.Y;
        Assert.True(checksTop < tableTop, "the checks come before the tables");
        await Expect(page.Locator("[data-testid=passed-checks] summary")).ToHaveTextAsync($"{checks.Count - failed.Count} 项通过");
        await Expect(page.Locator("[data-testid=check-passed]").First).ToBeHiddenAsync();

        // only the cells a failed check names are emphasised — a handful, not the whole column of a sum
        var emphasised = page.Locator("td.check-failed");
        await Expect(emphasised).ToHaveCountAsync(named.Count);
        var keys = await emphasised.EvaluateAllAsync<string[]>("cells => cells.map(c => c.dataset.key)");
        Assert.Equal(named.Order(StringComparer.Ordinal), keys.Order(StringComparer.Ordinal));
        await Expect(page.Locator("td[data-key='requests.granted.total']")).ToHaveAttributeAsync("title", new Regex("未通过：（一）予以公开：自然人至其他六列之和为 1，“总计”列印为 10，相差 9"));
        await Expect(page.Locator("td[data-key='requests.granted.commercial']")).Not.ToHaveClassAsync(new Regex("check-failed"));
        await Expect(page.Locator("[data-testid=check-failed][data-rule='requests.rowTotal.granted']"))
            .ToContainTextAsync("✗ （一）予以公开：自然人至其他六列之和为 1，“总计”列印为 10，相差 9");
    }

    [Theory]
    [InlineData(1400, 1000)]
    [InlineData(390, 844)]
    public async Task TwoReportsOfOneYear_AreToldApart_AndCrossYearChecksAndKeywordsAreShown(int width, int height)
    {
        // seed 004 (郑州市工业和信息化局, 2021), a second copy of 2021 (another file, one figure changed) and one moved to 2020
        var seed = await File.ReadAllTextAsync(Directory.GetFiles(RepositoryFiles.SeedsDirectory, "004_*.txt").Single());
        var folder = Directory.CreateDirectory(Path.Combine(_session.App.DataDirectory, $"agency-{width}")).FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, "a-2021.txt"), seed);
        await File.WriteAllTextAsync(Path.Combine(folder, "b-2021.txt"), seed.Replace("网站共发布信息1507条", "网站共发布信息1508条", StringComparison.Ordinal));
        await File.WriteAllTextAsync(Path.Combine(folder, "c-2020.txt"), seed.Replace("2021年", "2020年", StringComparison.Ordinal));
        var importer = _session.App.Services.GetRequiredService<ReportArchive.Ingestion.ReportImporter>();
        var imported = (await importer.ImportAsync([folder], null, CancellationToken.None)).Imported;
        var later = imported.Single(r => Path.GetFileName(r.Path) == "a-2021.txt").Id;
        var twin = imported.Single(r => Path.GetFileName(r.Path) == "b-2021.txt").Id;
        var report = await JsonAsync($"/api/reports/{later}");
        Assert.NotEmpty(report["crossYearChecks"]!.AsArray());
        Assert.NotEmpty(report["keywords"]!.AsArray());
        var page = await _session.NewPageAsync(new() { Width = width, Height = height });

        await page.GotoAsync($"/report.html?id={later}&q={Uri.EscapeDataString("行政诉讼")}");

        var years = page.Locator("[data-testid=years]");
        await Expect(years).ToContainTextAsync($"2021（编号 {later}）");
        await Expect(years).ToContainTextAsync($"2021（编号 {twin}）");
        await Expect(years.Locator("[data-testid=other-year]", new() { HasText = "2020" })).ToHaveCountAsync(1);
        var crossYear = page.Locator("[data-testid=cross-year-checks]");
        await Expect(crossYear).ToContainTextAsync("2021 年“上年结转”");
        await Expect(crossYear).ToContainTextAsync("2020 年“结转下年度继续办理”");
        await Expect(crossYear.Locator("a", new() { HasText = "2020 年报告" }).First).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=keywords] a.keyword")).ToHaveCountAsync(report["keywords"]!.AsArray().Count);
        await Expect(page.Locator("[data-testid=keywords] a.keyword").First).ToHaveTextAsync((string)report["keywords"]![0]!["word"]!);

        // the permalink reads in Chinese; the link itself is the encoded address and opens this report
        await Expect(page.Locator("[data-testid=permalink]")).ToHaveValueAsync(new Regex($@"/report\.html\?id={later}&q=行政诉讼$"));
        var href = await page.Locator("[data-testid=permalink-link]").GetAttributeAsync("href");
        Assert.Contains("q=%E8%A1%8C%E6%94%BF%E8%AF%89%E8%AE%BC", href, StringComparison.Ordinal);
        Assert.Equal(later.ToString(System.Globalization.CultureInfo.InvariantCulture), System.Web.HttpUtility.ParseQueryString(new Uri(href!).Query)["id"]);
    }

    [Fact]
    public async Task OnAPhone_TheHeaderKeepsItsWordsWhole_AndTheSha256StaysOnScreen()
    {
        var id = (long)(await JsonAsync("/api/search?pageSize=1"))["hits"]![0]!["id"]!;
        var page = await _session.NewPageAsync(new() { Width = 390, Height = 844 });

        await page.GotoAsync($"/report.html?id={id}");

        var sha = page.Locator("[data-testid=sha256]");
        await Expect(sha).ToBeVisibleAsync();
        var full = (string)(await JsonAsync($"/api/reports/{id}"))["sha256"]!;
        await Expect(sha).ToHaveTextAsync(full);
        await Expect(sha).ToHaveAttributeAsync("title", full);
        var box = (await sha.BoundingBoxAsync())!;
        Assert.True(box.X + box.Width <= 390, $"the SHA-256 ends at {box.X + box.Width} px, past the 390 px screen");
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= 390"), "the page scrolls sideways");

        // the brand and each link on one line (a line of the header is under 2 lines of text high)
        foreach (var locator in new[] { page.Locator(".top .brand"), page.Locator(".top nav a").First, page.Locator(".top nav a").Last })
        {
            var lines = await locator.EvaluateAsync<double>("e => e.getClientRects().length");
            Assert.Equal(1, lines);
        }

        var header = (await page.Locator(".top").BoundingBoxAsync())!;
        Assert.True(header.Height < 100, $"the header is {header.Height} px high");
    }

    [Theory]
    [InlineData(1400, 1000)]
    [InlineData(390, 844)]
    public async Task AnUnknownReport_SaysSoInChinese(int width, int height)
    {
        var page = await _session.NewPageAsync(new() { Width = width, Height = height });

        await page.GotoAsync("/report.html?id=999999");

        await Expect(page.Locator("#report [role=alert]")).ToHaveTextAsync("出错了：没有编号为 999999 的报告");
    }

    private async Task<JsonNode> JsonAsync(string path) =>
        JsonNode.Parse(await _client.GetStringAsync(new Uri(path, UriKind.Relative)))!;
}
