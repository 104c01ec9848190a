using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using ReportArchive.Server.Tests.Support;
using ReportArchive.Server.Tests.Uploads;

namespace ReportArchive.Server.Tests.Agencies;

public sealed class AgencyHistoryApiTests
{
    private const string Agency = "郑州市工业和信息化局";

    /// <summary>Seed 004 moved to another year, with the given 上年结转 and 结转下年度继续办理 totals (natural persons).</summary>
    private static byte[] Report(int year, int carriedOver, int carriedForward)
    {
        var lines = File.ReadAllText(Directory.GetFiles(RepositoryFiles.SeedsDirectory, "004_*.txt").Single())
            .Replace("2021年", $"{year}年", StringComparison.Ordinal)
            .Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].StartsWith("二、上年结转政府信息公开申请数量\t", StringComparison.Ordinal))
            {
                lines[i] = $"二、上年结转政府信息公开申请数量\t{carriedOver}\t0\t0\t0\t0\t0\t{carriedOver}";
            }
            else if (lines[i].StartsWith("四、结转下年度继续办理\t", StringComparison.Ordinal))
            {
                lines[i] = $"四、结转下年度继续办理\t\t{carriedForward}\t0\t0\t0\t0\t0\t{carriedForward}\t";
            }
        }

        return Encoding.UTF8.GetBytes(string.Join('\n', lines));
    }

    private static async Task<long> UploadAsync(HttpClient client, byte[] bytes, string name)
    {
        var response = await client.PostAsync(new Uri($"/api/reports?name={name}", UriKind.Relative), new ByteArrayContent(bytes));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (long)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["id"]!;
    }

    [Fact]
    public async Task ConsecutiveYears_AreLinked_AndCarriedOverIsCheckedAgainstThePreviousYear()
    {
        await using var app = await KeyedArchiveApp.WithKeyAsync(seeds: false);
        using var client = app.CreateKeyedClient();
        var y2020 = await UploadAsync(client, Report(2020, 0, 2), "2020.txt");
        var y2021 = await UploadAsync(client, Report(2021, 2, 0), "2021.txt");
        var y2022 = await UploadAsync(client, Report(2022, 1, 0), "2022.txt");
        var other = await UploadAsync(client, Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(Report(2021, 0, 0)).Replace(Agency, "开封市工业和信息化局", StringComparison.Ordinal)), "other.txt");

        var middle = await SearchApiTests.GetJsonAsync(client, $"/api/reports/{y2021}");
        Assert.Equal($"[{{\"id\":{y2020},\"year\":2020}},{{\"id\":{y2021},\"year\":2021}},{{\"id\":{y2022},\"year\":2022}}]", middle["years"]!.ToJsonString());
        var checks = middle["crossYearChecks"]!.AsArray();
        Assert.Equal(2, checks.Count);
        Assert.True((bool)checks[0]!["ok"]!);
        Assert.Equal(y2020, (long)checks[0]!["previous"]!["id"]!);
        Assert.Equal("crossYear.requests.carriedOver", (string)checks[0]!["rule"]!);
        Assert.False((bool)checks[1]!["ok"]!);
        Assert.Contains("2022 上年结转 1 ≠ 2021 结转下年度继续办理 0", (string)checks[1]!["detail"]!, StringComparison.Ordinal);

        var first = await SearchApiTests.GetJsonAsync(client, $"/api/reports/{y2020}");
        Assert.Equal(3, first["years"]!.AsArray().Count);
        Assert.True((bool)Assert.Single(first["crossYearChecks"]!.AsArray())!["ok"]!);
        var last = await SearchApiTests.GetJsonAsync(client, $"/api/reports/{y2022}");
        Assert.False((bool)Assert.Single(last["crossYearChecks"]!.AsArray())!["ok"]!);
        var unrelated = await SearchApiTests.GetJsonAsync(client, $"/api/reports/{other}");
        Assert.Equal($"[{{\"id\":{other},\"year\":2021}}]", unrelated["years"]!.ToJsonString());
        Assert.Empty(unrelated["crossYearChecks"]!.AsArray());
    }

    [Fact]
    public async Task AgencyReports_ListTheSeriesWithKeyFigures()
    {
        await using var app = await KeyedArchiveApp.WithKeyAsync(seeds: false);
        using var client = app.CreateKeyedClient();
        var y2021 = await UploadAsync(client, Report(2021, 2, 0), "2021.txt");
        var y2020 = await UploadAsync(client, Report(2020, 0, 2), "2020.txt");
        var regionCode = (string?)(await SearchApiTests.GetJsonAsync(client, $"/api/reports/{y2021}"))["region"]!["code"];

        var series = await SearchApiTests.GetJsonAsync(client,
            $"/api/agencies/reports?agency={Uri.EscapeDataString(Agency)}" + (regionCode is null ? "" : $"&regionCode={regionCode}"));

        Assert.Equal(Agency, (string)series["agency"]!);
        var reports = series["reports"]!.AsArray();
        Assert.Equal([y2020, y2021], reports.Select(r => (long)r!["id"]!).ToArray());
        Assert.Equal([2020, 2021], reports.Select(r => (int)r!["year"]!).ToArray());
        Assert.Equal(2m, (decimal)reports[0]!["figures"]!["requests.carriedForward.total"]!);
        Assert.Equal(2m, (decimal)reports[1]!["figures"]!["requests.carriedOver.total"]!);
        Assert.Equal(3m, (decimal)reports[1]!["figures"]!["requests.new.total"]!);
        Assert.True((bool)Assert.Single(series["crossYearChecks"]!.AsArray())!["ok"]!);

        var delete = await client.DeleteAsync(new Uri($"/api/reports/{y2020}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        var after = await SearchApiTests.GetJsonAsync(client, $"/api/reports/{y2021}");
        Assert.Single(after["years"]!.AsArray());
        Assert.Empty(after["crossYearChecks"]!.AsArray());
    }

    [Theory]
    [InlineData("/api/agencies/reports", HttpStatusCode.BadRequest)]
    [InlineData("/api/agencies/reports?agency=%E6%97%A0%E6%AD%A4%E6%9C%BA%E5%85%B3", HttpStatusCode.NotFound)]
    public async Task AgencyReports_WithoutAnAgencyOrForAnUnknownOne_IsProblemJson(string url, HttpStatusCode status)
    {
        await using var app = await KeyedArchiveApp.WithKeyAsync(seeds: false);
        using var client = app.CreateClient();

        var response = await client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task AgencyReports_WithoutARegionCode_FindTheAgencysOneCode_AndAWrongCodeNamesTheRightOne()
    {
        await using var app = await KeyedArchiveApp.WithKeyAsync(seeds: false);
        using var client = app.CreateKeyedClient();
        var y2020 = await UploadAsync(client, Report(2020, 0, 2), "2020.txt");
        var y2021 = await UploadAsync(client, Report(2021, 2, 0), "2021.txt");

        var series = await SearchApiTests.GetJsonAsync(client, "/api/agencies/reports?agency=" + Uri.EscapeDataString(Agency));
        using var wrong = await client.GetAsync(new Uri("/api/agencies/reports?regionCode=4103&agency=" + Uri.EscapeDataString(Agency), UriKind.Relative));

        Assert.Equal("4101", (string)series["regionCode"]!);
        Assert.Equal([y2020, y2021], series["reports"]!.AsArray().Select(r => (long)r!["id"]!));
        Assert.Equal(HttpStatusCode.NotFound, wrong.StatusCode);
        Assert.Equal("application/problem+json", wrong.Content.Headers.ContentType!.MediaType);
        Assert.Contains("4101", (string)JsonNode.Parse(await wrong.Content.ReadAsStringAsync())!["detail"]!, StringComparison.Ordinal);
    }
}
