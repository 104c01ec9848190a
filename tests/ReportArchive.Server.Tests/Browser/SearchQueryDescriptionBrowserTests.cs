using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ReportArchive.Server.Tests.Browser;

/// <summary>
/// The search page says what was searched, on the 2,000 generated reports at a desktop and a phone width: the synonyms
/// searched too, an excluded term the template's own wording has, examples that find something, and on zero results
/// suggestions that each lead to results.
/// </summary>
public sealed partial class SearchQueryDescriptionBrowserTests(GeneratedArchiveSession archive) : IClassFixture<GeneratedArchiveSession>
{
    private async Task<IPage> OpenAsync(int width, int height, string url)
    {
        var page = await archive.Session.NewPageAsync(new() { Width = width, Height = height });
        await page.GotoAsync(url);
        await Expect(page.Locator("#summary")).Not.ToBeEmptyAsync();
        return page;
    }

    private static async Task<int> TotalAsync(IPage page, string query) =>
        JsonDocument.Parse(await page.EvaluateAsync<string>("async query => JSON.stringify(await (await fetch('/api/search?pageSize=1&' + query)).json())", query))
            .RootElement.GetProperty("total").GetInt32();

    private static string Q(string q) => "q=" + Uri.EscapeDataString(q);

    [Theory]
    [InlineData(1400, 1000)]
    [InlineData(390, 844)]
    public async Task ASynonym_IsSaidToBeSearchedToo(int width, int height)
    {
        var page = await OpenAsync(width, height, "/?" + Q("工信局"));
        await Expect(page.Locator("[data-testid=also-searched]")).ToHaveTextAsync("也检索了：工业和信息化局");
        await Expect(page.Locator("#summary")).ToContainTextAsync($"共 {await TotalAsync(page, Q("工信局"))} 份报告");

        var plain = await OpenAsync(width, height, "/?" + Q("依申请公开"));
        await Expect(plain.Locator("[data-testid=also-searched]")).ToHaveCountAsync(0);
    }

    [Theory]
    [InlineData(1400, 1000)]
    [InlineData(390, 844)]
    public async Task AnExcludedTemplateWord_IsExplained_AndDroppingItIsSuggested(int width, int height)
    {
        var page = await OpenAsync(width, height, "/?" + Q("行政诉讼 \"依申请公开\" -复议"));
        await Expect(page.Locator("#results")).ToContainTextAsync("没有找到匹配的报告");
        await Expect(page.Locator("[data-testid=excluded-note]")).ToContainTextAsync("排除词“复议”出现在模板固定文字中，几乎所有报告都含有它（全部 2000 份报告中有 2000 份）");

        var without = await TotalAsync(page, Q("行政诉讼 \"依申请公开\""));
        Assert.True(without > 0);
        var suggestion = page.Locator("[data-testid=suggestion]");
        await Expect(suggestion).ToHaveTextAsync([$"不排除“复议”（{without} 份）"]); // 去掉引号 keeps -复议: nothing, so not offered
        await suggestion.ClickAsync();
        await Expect(page.Locator("#summary")).ToContainTextAsync($"共 {without} 份报告");
        await Expect(page.Locator("#q")).ToHaveValueAsync("行政诉讼 \"依申请公开\"");

        // an excluded word that only some reports have is not remarked on
        var some = await OpenAsync(width, height, "/?" + Q("依申请公开 -工业和信息化"));
        await Expect(some.Locator("[data-testid=hit]").First).ToBeVisibleAsync();
        await Expect(some.Locator("[data-testid=excluded-note]")).ToHaveCountAsync(0);
    }

    [Theory]
    [InlineData(1400, 1000)]
    [InlineData(390, 844)]
    public async Task ZeroResults_SuggestDroppingAFilterOrTheQuotes_EachWithItsCount(int width, int height)
    {
        // a condition no report meets
        var page = await OpenAsync(width, height, "/?" + Q("工信局") + "&year=2021&figure=" + Uri.EscapeDataString("requests.new.total<0"));
        await Expect(page.Locator("#results")).ToContainTextAsync("没有找到匹配的报告");
        var withoutFigure = await TotalAsync(page, Q("工信局") + "&year=2021");
        await Expect(page.Locator("[data-testid=suggestion]")).ToHaveTextAsync([$"去掉筛选“数字条件：一、本年新收政府信息公开申请数量 × 总计 ＜ 0”（{withoutFigure} 份）"]);
        await page.Locator("[data-testid=suggestion]").ClickAsync();
        await Expect(page.Locator("#summary")).ToContainTextAsync($"共 {withoutFigure} 份报告");
        Assert.DoesNotContain("figure=", page.Url, StringComparison.Ordinal);
        Assert.Contains("year=2021", page.Url, StringComparison.Ordinal);

        // a quoted string no report has word for word
        var quoted = await OpenAsync(width, height, "/?" + Q("\"工信局依申请公开\""));
        var unquoted = await TotalAsync(quoted, Q("工信局依申请公开"));
        Assert.True(unquoted > 0);
        await Expect(quoted.Locator("[data-testid=suggestion]")).ToHaveTextAsync([$"去掉引号（{unquoted} 份）"]);
        await quoted.Locator("[data-testid=suggestion]").ClickAsync();
        await Expect(quoted.Locator("#summary")).ToContainTextAsync($"共 {unquoted} 份报告");
    }

    [Theory]
    [InlineData(1400, 1000)]
    [InlineData(390, 844)]
    public async Task ThePlaceholderAndTheHelpExamples_FindReports(int width, int height)
    {
        var page = await OpenAsync(width, height, "/");
        var placeholder = await page.Locator("#q").GetAttributeAsync("placeholder");
        var example = placeholder!.Replace("例如：", "", StringComparison.Ordinal);
        await page.FillAsync("#q", example);
        await page.ClickAsync("#search-form button[type=submit]");
        var total = await TotalAsync(page, Q(example));
        Assert.True(total > 0, $"the placeholder's {example} finds nothing");
        await Expect(page.Locator("#summary")).ToContainTextAsync($"“{example}”：共 {total} 份报告");

        var examples = await page.Locator("[data-example]").EvaluateAllAsync<string[]>("links => links.map(a => a.dataset.example)");
        Assert.True(examples.Length >= 5);
        foreach (var q in examples)
        {
            await page.ClickAsync(".help-button");
            await page.Locator($"[data-example='{q.Replace("'", "\\'", StringComparison.Ordinal)}']").ClickAsync();
            var found = await TotalAsync(page, Q(q));
            Assert.True(found > 0, $"the help's example {q} finds nothing");
            await Expect(page.Locator("#summary")).ToContainTextAsync($"“{q}”：共 {found} 份报告");
            await Expect(page.Locator("#q")).ToHaveValueAsync(q);
            Assert.Matches(ReportCount(), await page.Locator("#summary").TextContentAsync() ?? "");
        }
    }

    [GeneratedRegex(@"共 [1-9]\d* 份报告")]
    private static partial Regex ReportCount();
}
