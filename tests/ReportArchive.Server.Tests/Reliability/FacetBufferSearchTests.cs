using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using ReportArchive.Server.Tests.Uploads;

namespace ReportArchive.Server.Tests.Reliability;

/// <summary>
/// Issue 23, finding 7: a search matching more than half the archive counts its facets over the reports it does not
/// match; when those numbered exactly 16 (32, 64 …) and the newest report matched, the count wrote past a pooled
/// buffer and the README's own <c>q=行政诉讼</c> answered 500 to everyone. Here three uploads bring an archive there.
/// </summary>
public sealed class FacetBufferSearchTests
{
    [Fact]
    public async Task ThreeUploads_LeavingSixteenReportsUnmatched_AndTheNewestMatching_StillSearch()
    {
        await using var app = await KeyedArchiveApp.WithKeyAsync(); // the 5 seeds, every one with 行政诉讼
        using var client = app.CreateKeyedClient();
        for (var i = 0; i < 15; i++)
        {
            await UploadAsync(client, $"unmatched-{i}.txt", Report(i, litigation: false));
        }

        for (var i = 0; i < 10; i++)
        {
            await UploadAsync(client, $"matched-{i}.txt", Report(100 + i, litigation: true));
        }

        // 30 reports, 15 matching: the facets are counted over the matches
        Assert.Equal(15, (int)(await SearchAsync(client))["total"]!);

        await UploadAsync(client, "unmatched-15.txt", Report(15, litigation: false));
        await UploadAsync(client, "matched-10.txt", Report(110, litigation: true));
        await UploadAsync(client, "matched-11.txt", Report(111, litigation: true));

        // 33 reports, 17 matching (more than half), 16 not, the newest matching
        var body = await SearchAsync(client);
        Assert.Equal(17, (int)body["total"]!);
        Assert.Equal(17, body["facets"]!["checks"]!.AsArray().Sum(c => (int)c!["count"]!));
        var years = body["facets"]!["year"]!.AsArray().ToDictionary(y => (string)y!["value"]!, y => (int)y!["count"]!);
        Assert.Equal(12, years["2022"]); // the uploads' year
        Assert.Equal(33, (int)(await SearchAsync(client, "/api/search"))["total"]!);
    }

    /// <summary>A small report of 2022 of its own agency; with or without 行政诉讼 in it.</summary>
    private static byte[] Report(int number, bool litigation) => Encoding.UTF8.GetBytes(
        $"测试第{number}局2022年政府信息公开工作年度报告\n\n一、总体情况\n本年度主动公开政府信息{number + 7}条，编号{number}。\n"
        + (litigation ? "本年度未发生行政诉讼。\n" : "本年度未发生行政复议。\n"));

    private static async Task UploadAsync(HttpClient client, string name, byte[] bytes)
    {
        using var response = await client.PostAsync(new Uri($"/api/reports?name={name}", UriKind.Relative), new ByteArrayContent(bytes));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    private static async Task<JsonNode> SearchAsync(HttpClient client, string path = "/api/search?q=行政诉讼")
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }
}
