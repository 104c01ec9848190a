using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using ReportArchive.Server.Tests.Support;

namespace ReportArchive.Server.Tests;

public sealed class SearchApiTests
{
    [Fact]
    public async Task Litigation_ReturnsEverySeed_WithTheDocumentedShape()
    {
        await using var app = await ReportArchiveApp.StartAsync();
        using var client = app.CreateClient();
        var body = await GetJsonAsync(client, "/api/search?q=行政诉讼");

        Assert.Equal(5, (int)body["total"]!);
        Assert.Equal(1, (int)body["page"]!);
        Assert.Equal(20, (int)body["pageSize"]!);
        Assert.NotNull(body["tookMs"]);
        var hits = body["hits"]!.AsArray();
        Assert.Equal(5, hits.Count);
        Assert.Equal(
            ["id", "fileName", "title", "agency", "year", "province", "city", "county", "agencyTypes", "level", "score", "checksFailed", "snippets"],
            hits[0]!.AsObject().Select(p => p.Key).ToArray());
        Assert.All(hits, hit => Assert.Contains(hit!["snippets"]!.AsArray(), s => ((string)s!).Contains("<mark>行政诉讼</mark>", StringComparison.Ordinal)));
        Assert.Equal(["year", "province", "city", "agencyType", "level", "checks", "regions"], body["facets"]!.AsObject().Select(p => p.Key).ToArray());
    }

    [Fact]
    public async Task AcceptanceSearches_GiveTheExpectedCounts()
    {
        await using var app = await ReportArchiveApp.StartAsync();
        using var client = app.CreateClient();

        var zhengzhou = await GetJsonAsync(client, "/api/search?q=郑州");
        Assert.Equal(1, (int)zhengzhou["total"]!);
        Assert.Equal(2021, (int)zhengzhou["hits"]![0]!["year"]!);

        Assert.Equal(3, (int)(await GetJsonAsync(client, "/api/search?q=公开&year=2021"))["total"]!);
        var facets = (await GetJsonAsync(client, "/api/search?q=公开"))["facets"]!["year"]!.ToJsonString();
        Assert.Equal("""[{"value":"2021","count":3},{"value":"2020","count":1},{"value":"2023","count":1}]""", facets);
        Assert.Equal(2, (int)(await GetJsonAsync(client, "/api/search?q=行政诉讼&year=2020&year=2023"))["total"]!);
        Assert.Equal(4, (int)(await GetJsonAsync(client, "/api/search?q=行政诉讼&year=2020..2021"))["total"]!);
        var sued = await GetJsonAsync(client, "/api/search?figure=" + Uri.EscapeDataString("litigationDirect.total>0") + "&checks=failed");
        Assert.Equal("郑州市工业和信息化局", (string)Assert.Single(sued["hits"]!.AsArray())!["agency"]!);
    }

    [Theory]
    [InlineData("year=abc", "year")]
    [InlineData("year=2021..2019", "year")]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("pageSize=1000", "pageSize")]
    [InlineData("page=0", "page")]
    [InlineData("page=x", "page")]
    [InlineData("checks=maybe", "checks")]
    [InlineData("figure=review.total", "figure")]
    [InlineData("figure=nope.total>1", "figure")]
    [InlineData("sort=newest", "sort")]
    [InlineData("after=bm90IGEgdG9rZW4", "after")]
    public async Task InvalidParameter_Is400ProblemJson_NamingTheParameter(string query, string parameter)
    {
        await using var app = await ReportArchiveApp.StartAsync();
        using var client = app.CreateClient();
        var response = await client.GetAsync(new Uri("/api/search?q=公开&" + query, UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(400, (int)problem["status"]!);
        Assert.NotEmpty((string)problem["errors"]![parameter]![0]!);
    }

    [Fact]
    public async Task OddQueries_NeverGiveA5xx()
    {
        await using var app = await ReportArchiveApp.StartAsync();
        using var client = app.CreateClient();
        string[] queries = ["%22", "*", "(", "NEAR(", "a:b", "^", "-", "OR", "%F0%9F%98%80", "%00", "%22%E8%A1%8C", "))((", "AND", "NOT x",
            "col:行政", "行政*", "%E8%A1", "%ZZ", "-%22%22", new string('(', 500), "q" + new string('"', 99)];
        foreach (var query in queries)
        {
            var response = await client.GetAsync(new Uri("/api/search?q=" + query, UriKind.Relative));
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"q={query}: {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task Report_IsReturnedWithFiguresChecksAndText_AndAnUnknownIdIs404()
    {
        await using var app = await ReportArchiveApp.StartAsync();
        using var client = app.CreateClient();
        var id = (long)(await GetJsonAsync(client, "/api/search?q=郑州"))["hits"]![0]!["id"]!;
        var report = await GetJsonAsync(client, $"/api/reports/{id}");
        Assert.Equal("郑州市工业和信息化局", (string)report["agency"]!);
        Assert.Equal("2021", (string)report["template"]!);
        Assert.Equal(3, (int)report["figures"]!["requests.new.total"]!);
        Assert.Equal(9, (int)report["figures"]!["litigationDirect.upheld"]!);
        Assert.Contains(report["checks"]!.AsArray(), c => !(bool)c!["ok"]!);
        Assert.Contains(report["keywords"]!.AsArray(), k => (string)k!["word"]! == "郑州市");
        Assert.StartsWith("\n\n郑州市工业和信息化局2021年", (string)report["text"]!, StringComparison.Ordinal);

        var missing = await client.GetAsync(new Uri("/api/reports/999999", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri("/api/reports/abc", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Regions_IsTheTreeOfRegionsPresent_AndFiltersByCodePrefix()
    {
        await using var app = await ReportArchiveApp.StartAsync();
        using var client = app.CreateClient();
        var tree = (await GetJsonAsync(client, "/api/regions")).AsArray();
        Assert.Equal("""{"value":"河南省","code":"41","count":2,"children":[{"value":"洛阳市","code":"4103","count":1,"children":[{"value":"瀍河回族区","code":"410304","count":1,"children":[]}]},{"value":"郑州市","code":"4101","count":1,"children":[]}]}""",
            tree[0]!.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
        Assert.Equal(4, tree.Count);
        var luoyang = await GetJsonAsync(client, "/api/search?region=4103");
        Assert.Equal("002_03dce372dd454866.txt", (string)Assert.Single(luoyang["hits"]!.AsArray())!["fileName"]!);
        Assert.Equal(2, (int)(await GetJsonAsync(client, "/api/search?province=河南省"))["total"]!);
    }

    [Fact]
    public async Task OpenApiDocument_DescribesEveryEndpoint()
    {
        await using var app = await ReportArchiveApp.StartAsync();
        using var client = app.CreateClient();
        var document = await GetJsonAsync(client, "/openapi/v1.json");
        var paths = document["paths"]!.AsObject();
        Assert.Contains("/api/search", paths.Select(p => p.Key));
        Assert.Contains("/api/reports/{id}", paths.Select(p => p.Key));
        var parameters = paths["/api/search"]!["get"]!["parameters"]!.AsArray().Select(p => (string)p!["name"]!).ToArray();
        Assert.Equal(["q", "year", "province", "city", "county", "agencyType", "level", "checks", "region", "figure", "page", "pageSize", "published", "source", "sort", "after"], parameters);
    }

    [Fact]
    public async Task Readme_DocumentsEveryEndpoint()
    {
        await using var app = await ReportArchiveApp.StartAsync();
        using var client = app.CreateClient();
        var document = await GetJsonAsync(client, "/openapi/v1.json");
        var readme = await File.ReadAllTextAsync(Path.Combine(ReportArchiveApp.RepositoryRoot, "README.md"));
        foreach (var path in document["paths"]!.AsObject().Select(p => p.Key))
        {
            Assert.Contains(path, readme, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task FirstStart_ImportsTheSeeds_SecondStartKeepsThemWithoutImportingAgain()
    {
        var data = Path.Combine(Path.GetTempPath(), "reportarchive-server-tests", Guid.NewGuid().ToString("N"));
        var seeds = Directory.CreateDirectory(Path.Combine(data + "-seeds")).FullName;
        File.Copy(Directory.GetFiles(Path.Combine(ReportArchiveApp.RepositoryRoot, "seeds"), "004_*.txt")[0], Path.Combine(seeds, "004.txt"));
        await using (var first = await ReportArchiveApp.StartAsync(seeds, data))
        {
            using var client = first.CreateClient();
            Assert.Equal(1, (int)(await GetJsonAsync(client, "/api/search"))["total"]!);
            // the archive (its -wal and -shm while a connection is open) and the lock the server holds against a restore
            var files = Directory.GetFiles(data).Select(f => Path.GetFileName(f)).ToArray();
            Assert.Contains("archive.db", files);
            Assert.Contains("archive.lock", files);
            Assert.All(files, f => Assert.Contains(f, (string[])["archive.db", "archive.db-shm", "archive.db-wal", "archive.lock"]));
        }

        File.Copy(Directory.GetFiles(Path.Combine(ReportArchiveApp.RepositoryRoot, "seeds"), "000_*.txt")[0], Path.Combine(seeds, "000.txt"));
        await using (var second = await ReportArchiveApp.StartAsync(seeds, data))
        {
            using var client = second.CreateClient();
            Assert.Equal(1, (int)(await GetJsonAsync(client, "/api/search"))["total"]!); // not empty: no seed import
        }

        Directory.Delete(data, recursive: true);
        Directory.Delete(seeds, recursive: true);
    }

    internal static async Task<JsonNode> GetJsonAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.True(response.IsSuccessStatusCode, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return JsonNode.Parse(await response.Content.ReadAsStringAsync(), documentOptions: new JsonDocumentOptions())!;
    }
}
