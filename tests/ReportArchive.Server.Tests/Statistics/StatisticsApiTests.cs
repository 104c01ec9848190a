using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using ReportArchive.Server.Tests.Support;

namespace ReportArchive.Server.Tests.Statistics;

/// <summary>
/// /api/stats over the five seeds. Expected numbers read by hand from the seed texts: only 004 (郑州市工业和信息化局,
/// 2021) received requests: 一、本年新收 3 (all natural persons), （一）予以公开 1, （四）1 不掌握 2, （七）总计 3; the
/// other four print zeros everywhere in table B. Years: 000, 003, 004 are 2021, 001 is 2020, 002 is 2023.
/// </summary>
public sealed class StatisticsApiTests(ArchiveApplication app) : IClassFixture<ArchiveApplication>
{
    [Fact]
    public async Task Stats_SumsNewRequestsByYear()
    {
        var groups = await GetArrayAsync("/api/stats?figure=requests.new.total&groupBy=year");

        Assert.Equal(
            """
            [{"group":"2020","reports":1,"reportsWithFigure":1,"zeroDenominator":0,"sum":0,"mean":0,"min":0,"max":0},{"group":"2021","reports":3,"reportsWithFigure":3,"zeroDenominator":0,"sum":3,"mean":1,"min":0,"max":3},{"group":"2023","reports":1,"reportsWithFigure":1,"zeroDenominator":0,"sum":0,"mean":0,"min":0,"max":0}]
            """,
            groups.ToJsonString());
    }

    [Fact]
    public async Task Stats_GroupByYearIsTheDefault()
    {
        var explicitYear = await GetArrayAsync("/api/stats?figure=requests.new.total&groupBy=year");
        var byDefault = await GetArrayAsync("/api/stats?figure=requests.new.total");

        Assert.Equal(explicitYear.ToJsonString(), byDefault.ToJsonString());
    }

    [Fact]
    public async Task Stats_AppliesQueryAndFilters()
    {
        var filtered = await GetArrayAsync("/api/stats?figure=requests.new.total&groupBy=year&year=2021&checks=failed");
        var queried = await GetArrayAsync("/api/stats?figure=requests.new.total&groupBy=year&q=" + Uri.EscapeDataString("郑州市工业和信息化局"));

        var expected = """[{"group":"2021","reports":1,"reportsWithFigure":1,"zeroDenominator":0,"sum":3,"mean":3,"min":3,"max":3}]""";
        Assert.Equal(expected, filtered.ToJsonString());
        Assert.Equal(expected, queried.ToJsonString());
    }

    [Fact]
    public async Task Stats_DisclosureRate_LeavesOutAndCountsZeroDenominators()
    {
        var groups = await GetArrayAsync("/api/stats?figure=rates.disclosure&groupBy=year");

        // 004: (1 + 0) / 3; the other reports processed 0 requests.
        Assert.Equal(
            """
            [{"group":"2020","reports":1,"reportsWithFigure":0,"zeroDenominator":1,"sum":null,"mean":null,"min":null,"max":null},{"group":"2021","reports":3,"reportsWithFigure":1,"zeroDenominator":2,"sum":0.333333,"mean":0.333333,"min":0.333333,"max":0.333333},{"group":"2023","reports":1,"reportsWithFigure":0,"zeroDenominator":1,"sum":null,"mean":null,"min":null,"max":null}]
            """,
            groups.ToJsonString());
    }

    [Theory]
    [InlineData("rates.unable", "0.666667")] // 2 not held / 3 processed
    [InlineData("rates.withheld", "0")]
    [InlineData("rates.litigationDirectCorrection", "0")] // table C of 004 as read: 9 upheld, 0 corrected
    public async Task Stats_RatesOfTheOnlyReportWithADenominator(string rate, string mean)
    {
        var groups = await GetArrayAsync($"/api/stats?figure={rate}&groupBy=year&year=2021");

        var group = Assert.Single(groups)!;
        Assert.Equal(1, group["reportsWithFigure"]!.GetValue<int>());
        Assert.Equal(2, group["zeroDenominator"]!.GetValue<int>());
        Assert.Equal(mean, group["mean"]!.ToJsonString());
    }

    [Fact]
    public async Task Stats_ReviewCorrection_AllDenominatorsZero()
    {
        var groups = await GetArrayAsync("/api/stats?figure=rates.reviewCorrection&groupBy=year");

        Assert.All(groups, g => Assert.Equal(0, g!["reportsWithFigure"]!.GetValue<int>()));
        Assert.Equal(5, groups.Sum(g => g!["zeroDenominator"]!.GetValue<int>()));
    }

    [Fact]
    public async Task Stats_ByProvince_GroupsTheResolvedProvinces()
    {
        var groups = await GetArrayAsync("/api/stats?figure=requests.new.total&groupBy=province");

        Assert.Equal(5, groups.Sum(g => g!["reports"]!.GetValue<int>()));
        var henan = groups.Single(g => g!["group"]!.GetValue<string>() == "河南省")!;
        Assert.Equal(2, henan["reports"]!.GetValue<int>());
        Assert.Equal(3m, henan["sum"]!.GetValue<decimal>());
        Assert.Equal(3m, groups.Sum(g => g!["sum"]!.GetValue<decimal>()));
    }

    [Theory]
    [InlineData("/api/stats?figure=requests.nope.total", "figure")]
    [InlineData("/api/stats", "figure")]
    [InlineData("/api/stats?figure=requests.new.total&groupBy=county", "groupBy")]
    [InlineData("/api/stats?figure=requests.new.total&year=20x1", "year")]
    [InlineData("/api/stats?figure=requests.new.total&checks=maybe", "checks")]
    public async Task Stats_InvalidParameters_Return400ProblemJson(string url, string parameter)
    {
        var client = await app.CreateReadyClientAsync();

        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.NotNull(problem["errors"]![parameter]);
    }

    [Fact]
    public async Task FigureKeys_ListsEveryKeyWithTemplateTableAndChineseLabel()
    {
        var keys = await GetArrayAsync("/api/figures/keys");

        Assert.Equal(ReportArchive.Figures.FigureKeys.All.Count, keys.Count);
        var newTotal = keys.Single(k => k!["key"]!.GetValue<string>() == "requests.new.total" && k["template"]!.GetValue<string>() == "2021")!;
        Assert.Equal("B", newTotal["table"]!.GetValue<string>());
        Assert.Equal("一、本年新收政府信息公开申请数量 × 总计", newTotal["chineseLabel"]!.GetValue<string>());
    }

    [Fact]
    public async Task Rates_ListsFormulas()
    {
        var rates = await GetArrayAsync("/api/figures/rates");

        var disclosure = rates.Single(r => r!["key"]!.GetValue<string>() == "rates.disclosure")!;
        Assert.Equal("(requests.granted.total + requests.partiallyGranted.total) / requests.processed.total", disclosure["formula"]!.GetValue<string>());
        Assert.Equal(
            ["rates.disclosure", "rates.withheld", "rates.unable", "rates.reviewCorrection", "rates.litigationDirectCorrection", "rates.litigationAfterReviewCorrection"],
            rates.Select(r => r!["key"]!.GetValue<string>()));
    }

    private async Task<JsonArray> GetArrayAsync(string url)
    {
        var client = await app.CreateReadyClientAsync();
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{url}: {(int)response.StatusCode} {body}");
        return JsonNode.Parse(body, documentOptions: new JsonDocumentOptions())!.AsArray();
    }
}
