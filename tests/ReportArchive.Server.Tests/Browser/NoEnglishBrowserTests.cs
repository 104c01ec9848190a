using System.Text.Json.Nodes;
using Microsoft.Playwright;
using ReportArchive.Server.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace ReportArchive.Server.Tests.Browser;

/// <summary>
/// Every page of the site, on the 2,000 generated reports, at 1400×1000 and 390×844, shows no English word to a
/// reader (<see cref="VisibleEnglish"/>: visible text and title/placeholder/aria-label/alt; codes inside &lt;code&gt;,
/// numbers, addresses, digests and file names aside).
/// </summary>
public sealed class NoEnglishBrowserTests : IAsyncLifetime
{
    private BrowserSession _session = null!;

    public async Task InitializeAsync() => _session = await BrowserSession.StartAsync(generatedReports: true);

    public async Task DisposeAsync() => await _session.DisposeAsync();

    /// <summary>The pages a reader reaches, by name (a report is chosen from the archive when the test runs).</summary>
    public static TheoryData<string, int, int> Pages()
    {
        var pages = new List<string>
        {
            "search", "search-results", "search-filtered", "search-no-results", "search-error",
            "report-failed-checks", "report-warnings", "report-with-query", "report-unknown",
            "statistics", "statistics-by-province",
        };
        if (File.Exists(Path.Combine(ReportArchiveApp.RepositoryRoot, "src", "ReportArchive.Server", "wwwroot", "agency.html")))
        {
            pages.Add("agency");
        }

        var data = new TheoryData<string, int, int>();
        foreach (var page in pages)
        {
            data.Add(page, 1400, 1000);
            data.Add(page, 390, 844);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task APage_ShowsNoEnglishWord(string name, int width, int height)
    {
        var path = await PathOfAsync(name);
        var page = await _session.NewPageAsync(new() { Width = width, Height = height });

        await page.GotoAsync(path);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await Expect(page.Locator("[aria-busy=true]")).ToHaveCountAsync(0);
        if (name == "search-no-results")
        {
            await Expect(page.Locator("[data-testid=hit]")).ToHaveCountAsync(0);
        }

        var findings = await VisibleEnglish.FindAsync(page);

        Assert.True(findings.Count == 0, $"{path} at {width} px: {VisibleEnglish.Describe(findings)}");
    }

    /// <summary>The walker itself: it sees English in text, in attributes and in folded details, and lets codes, addresses and digests pass.</summary>
    [Fact]
    public async Task TheWalker_FindsEnglishWhereAReaderSeesIt_AndNotInCodes()
    {
        var page = await _session.NewPageAsync();
        await page.SetContentAsync("""
            <title>报告 report</title>
            <p>共 3 件 pending</p>
            <p>键 <code>requests.new.total</code>，地址 https://example.org/a?b=c 和 /report.html?id=3&amp;q=复议，文件 a-2021.txt，
               SHA-256 <span>9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08</span>，GB/T 2260，编码 UTF-8</p>
            <details><summary>更多</summary><p>folded</p></details>
            <input placeholder="type here"> <button aria-label="search">检索</button>
            <p hidden>never shown</p><p data-note="english in data">数据</p>
            """);

        var words = (await VisibleEnglish.FindAsync(page)).Select(f => f.Word).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(["folded", "here", "pending", "report", "search", "type"], words);
    }

    private async Task<string> PathOfAsync(string name)
    {
        using var client = await _session.App.CreateReadyClientAsync();
        switch (name)
        {
            case "search": return "/";
            case "search-results": return "/?q=" + Uri.EscapeDataString("行政诉讼");
            case "search-filtered": return "/?q=" + Uri.EscapeDataString("复议") + "&year=2021&level=city&checks=failed";
            case "report-with-query":
                var first = JsonNode.Parse(await client.GetStringAsync(new Uri("/api/search?q=" + Uri.EscapeDataString("行政诉讼") + "&pageSize=1", UriKind.Relative)))!;
                return $"/report.html?id={first["hits"]![0]!["id"]}&q={Uri.EscapeDataString("行政诉讼")}";
            case "search-no-results": return "/?q=" + Uri.EscapeDataString("\"量子纠缠态\"");
            case "search-error": return "/?q=" + Uri.EscapeDataString("复议") + "&year=" + Uri.EscapeDataString("去年");
            case "report-unknown": return "/report.html?id=999999";
            case "statistics": return "/stats.html";
            case "statistics-by-province": return "/stats.html?figure=requests.new.total&groupBy=province";
            case "report-failed-checks":
                var failed = JsonNode.Parse(await client.GetStringAsync(new Uri("/api/search?checks=failed&pageSize=1", UriKind.Relative)))!;
                return $"/report.html?id={failed["hits"]![0]!["id"]}";
            case "report-warnings":
                var hits = JsonNode.Parse(await client.GetStringAsync(new Uri("/api/search?pageSize=100", UriKind.Relative)))!["hits"]!.AsArray();
                foreach (var hit in hits)
                {
                    var report = JsonNode.Parse(await client.GetStringAsync(new Uri($"/api/reports/{hit!["id"]}", UriKind.Relative)))!;
                    if (report["warnings"]!.AsArray().Count > 0)
                    {
                        return $"/report.html?id={hit["id"]}";
                    }
                }

                throw new InvalidOperationException("no report with warnings among the first 100");
            case "agency":
                var any = JsonNode.Parse(await client.GetStringAsync(new Uri("/api/search?pageSize=1", UriKind.Relative)))!["hits"]![0]!;
                return $"/agency.html?agency={Uri.EscapeDataString((string)any["agency"]!)}";
            default: throw new ArgumentOutOfRangeException(nameof(name), name, "no such page");
        }
    }
}
