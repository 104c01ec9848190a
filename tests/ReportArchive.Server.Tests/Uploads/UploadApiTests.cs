using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using ReportArchive.Server.Tests.Support;
using ReportArchive.Storage;

namespace ReportArchive.Server.Tests.Uploads;

public sealed class UploadApiTests
{
    private static string Seed(string prefix) => Directory.GetFiles(RepositoryFiles.SeedsDirectory, prefix + "_*.txt").Single();

    /// <summary>A report no seed equals: seed 004 with its title moved to another year and agency.</summary>
    private static byte[] NewReport() => Encoding.UTF8.GetBytes(
        File.ReadAllText(Seed("004")).Replace("郑州市工业和信息化局2021年", "开封市工业和信息化局2022年", StringComparison.Ordinal) + "\n附记：玄武湖畔测试上传。\n");

    private static Task<HttpResponseMessage> PostRawAsync(HttpClient client, byte[] bytes, string name, string? extra = null) =>
        client.PostAsync(new Uri($"/api/reports?name={Uri.EscapeDataString(name)}{extra}", UriKind.Relative), new ByteArrayContent(bytes));

    private static async Task<JsonNode> JsonAsync(HttpResponseMessage response) => JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

    [Fact]
    public async Task NoKeysConfigured_WritesAre403_ReadsStayOpen()
    {
        await using var app = await KeyedArchiveApp.StartAsync(new Dictionary<string, string>());
        using var client = app.CreateKeyedClient();

        var post = await PostRawAsync(client, NewReport(), "new.txt");
        var delete = await client.DeleteAsync(new Uri("/api/reports/1", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Equal("application/problem+json", post.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.Forbidden, delete.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/api/reports/1", UriKind.Relative))).StatusCode);
        Assert.Equal(5, (int)(await SearchApiTests.GetJsonAsync(client, "/api/search"))["total"]!);
    }

    [Fact]
    public async Task MissingOrWrongKey_Is401_AndWritesNothing()
    {
        await using var app = await KeyedArchiveApp.WithKeyAsync();
        using var anonymous = app.CreateClient();
        using var wrong = app.CreateKeyedClient(KeyedArchiveApp.Key + "x");
        using var basic = app.CreateClient();
        basic.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", KeyedArchiveApp.Key);

        foreach (var client in new[] { anonymous, wrong, basic })
        {
            var post = await PostRawAsync(client, NewReport(), "new.txt");
            Assert.Equal(HttpStatusCode.Unauthorized, post.StatusCode);
            Assert.Equal("Bearer", post.Headers.WwwAuthenticate.Single().Scheme);
            Assert.DoesNotContain(KeyedArchiveApp.Key, await post.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.DeleteAsync(new Uri("/api/reports/1", UriKind.Relative))).StatusCode);
        }

        Assert.Equal(5, (int)(await SearchApiTests.GetJsonAsync(anonymous, "/api/search"))["total"]!);
    }

    [Fact]
    public async Task KeysFromTheEnvironmentVariable_AreCommaSeparated()
    {
        await using var app = await KeyedArchiveApp.StartAsync(new Dictionary<string, string> { ["REPORTARCHIVE_API_KEYS"] = "first-key, second-key" });
        using var client = app.CreateKeyedClient("second-key");

        var response = await PostRawAsync(client, NewReport(), "new.txt");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task Upload_IsSearchableAtOnce_AndTheSameFileAgainGivesTheSameId()
    {
        await using var app = await KeyedArchiveApp.WithKeyAsync();
        using var client = app.CreateKeyedClient();
        Assert.Equal(0, (int)(await SearchApiTests.GetJsonAsync(client, "/api/search?q=玄武湖畔"))["total"]!);

        var created = await PostRawAsync(client, NewReport(), "kaifeng-2022.txt", "&sourceUrl=" + Uri.EscapeDataString("https://example.org/r.txt"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (long)(await JsonAsync(created))["id"]!;
        Assert.Equal($"/api/reports/{id}", created.Headers.Location!.OriginalString);
        Assert.Equal("https://example.org/r.txt", (string)(await JsonAsync(created))["sourceUrl"]!);

        var hit = Assert.Single((await SearchApiTests.GetJsonAsync(client, "/api/search?q=玄武湖畔"))["hits"]!.AsArray());
        Assert.Equal(id, (long)hit!["id"]!);
        Assert.Equal("开封市工业和信息化局", (string)hit["agency"]!);

        var again = await PostRawAsync(client, NewReport(), "another-name.txt");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(id, (long)(await JsonAsync(again))["id"]!);
        Assert.False((bool)(await JsonAsync(again))["created"]!);
        Assert.Equal(6, (int)(await SearchApiTests.GetJsonAsync(client, "/api/search"))["total"]!);
    }

    /// <summary>A report as a crawler saves it: label lines with its title, publication date and address.</summary>
    private static byte[] CrawledReport(string agency) => Encoding.UTF8.GetBytes(
        $"标题: {agency}2022年政府信息公开工作年度报告\n发布时间: 2023-01-05 16:08\n原文链接: https://www.example.gov.cn/zfxxgknb/t20230105_1.htm\n"
        + "==================== 正文 ====================\n"
        + File.ReadAllText(Seed("004")).Replace("郑州市工业和信息化局2021年", agency + "2022年", StringComparison.Ordinal));

    [Fact]
    public async Task StoredReport_ShowsItsPublicationDateAndSource_TheUploadsAddressWinningOverThePages()
    {
        await using var app = await KeyedArchiveApp.WithKeyAsync();
        using var client = app.CreateKeyedClient();

        var fromText = await JsonAsync(await PostRawAsync(client, CrawledReport("洛阳市工业和信息化局"), "luoyang.txt"));
        var fromUpload = await JsonAsync(await PostRawAsync(
            client, CrawledReport("新乡市工业和信息化局"), "xinxiang.txt", "&sourceUrl=" + Uri.EscapeDataString("https://example.org/xinxiang.htm")));

        var first = await SearchApiTests.GetJsonAsync(client, $"/api/reports/{(long)fromText["id"]!}");
        Assert.Equal("洛阳市工业和信息化局", (string)first["agency"]!);
        Assert.Equal("2023-01-05", (string)first["publishedAt"]!);
        Assert.Equal("https://www.example.gov.cn/zfxxgknb/t20230105_1.htm", (string)first["sourceUrl"]!);
        var second = await SearchApiTests.GetJsonAsync(client, $"/api/reports/{(long)fromUpload["id"]!}");
        Assert.Equal("https://example.org/xinxiang.htm", (string)second["sourceUrl"]!);
        Assert.Equal("2023-01-05", (string)second["publishedAt"]!);
        var seed = await SearchApiTests.GetJsonAsync(client, "/api/reports/1");
        Assert.Null((string?)seed["sourceUrl"]);
        Assert.Null((string?)seed["publishedAt"]);
    }

    [Fact]
    public async Task UploadingASeedAgain_ReturnsItsId()
    {
        await using var app = await KeyedArchiveApp.WithKeyAsync();
        using var client = app.CreateKeyedClient();
        var seedId = (long)(await SearchApiTests.GetJsonAsync(client, "/api/search?q=郑州"))["hits"]![0]!["id"]!;

        var response = await PostRawAsync(client, await File.ReadAllBytesAsync(Seed("004")), "004.txt");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(seedId, (long)(await JsonAsync(response))["id"]!);
    }

    [Fact]
    public async Task MultipartUpload_KeepsTheOriginalBytesAndContentType()
    {
        await using var app = await KeyedArchiveApp.WithKeyAsync(seeds: false);
        using var client = app.CreateKeyedClient();
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var bytes = Encoding.GetEncoding("GB18030").GetBytes(Encoding.UTF8.GetString(NewReport()));
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/plain") { CharSet = "gb18030" };
        form.Add(file, "file", "kaifeng-gbk.txt");
        form.Add(new StringContent("http://example.org/gbk.txt"), "sourceUrl");

        var response = await client.PostAsync(new Uri("/api/reports", UriKind.Relative), form);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (long)(await JsonAsync(response))["id"]!;
        Assert.Equal("http://example.org/gbk.txt", (string)(await JsonAsync(response))["sourceUrl"]!);

        var source = await client.GetAsync(new Uri($"/api/reports/{id}/source", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, source.StatusCode);
        Assert.Equal(bytes, await source.Content.ReadAsByteArrayAsync());
        Assert.Equal("text/plain", source.Content.Headers.ContentType!.MediaType);
        Assert.Equal("gb18030", source.Content.Headers.ContentType.CharSet);
        var report = await SearchApiTests.GetJsonAsync(client, $"/api/reports/{id}");
        Assert.Equal("kaifeng-gbk.txt", (string)report["fileName"]!);
        Assert.Equal(2022, (int)report["year"]!);
    }

    [Fact]
    public async Task HtmlUploadOfASeed_GivesTheSeedsFigures()
    {
        await using var app = await KeyedArchiveApp.WithKeyAsync();
        using var client = app.CreateKeyedClient();
        var text = File.ReadAllText(Seed("004"));
        var html = new StringBuilder("<html><head><meta charset=\"utf-8\"></head><body>\n");
        foreach (var line in text.ReplaceLineEndings("\n").Split('\n').Where(l => l.Trim().Length > 0))
        {
            html.Append(line.Contains('\t', StringComparison.Ordinal)
                ? "<table><tr>" + string.Concat(line.Split('\t').Select(c => $"<td>{WebUtility.HtmlEncode(c)}</td>")) + "</tr></table>\n"
                : $"<p>{WebUtility.HtmlEncode(line)}</p>\n");
        }

        var response = await PostRawAsync(client, Encoding.UTF8.GetBytes(html.Append("</body></html>").ToString()), "zhengzhou-2021.html");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var uploaded = await SearchApiTests.GetJsonAsync(client, $"/api/reports/{(long)(await JsonAsync(response))["id"]!}");
        var seedId = (long)(await SearchApiTests.GetJsonAsync(client, "/api/search?q=郑州&year=2021"))["hits"]!.AsArray()
            .Single(h => (string)h!["fileName"]! != "zhengzhou-2021.html")!["id"]!;
        var seed = await SearchApiTests.GetJsonAsync(client, $"/api/reports/{seedId}");
        Assert.Equal(seed["figures"]!.ToJsonString(), uploaded["figures"]!.ToJsonString());
        Assert.Equal(seed["checks"]!.ToJsonString(), uploaded["checks"]!.ToJsonString());
        Assert.Equal("text/plain", (await client.GetAsync(new Uri($"/api/reports/{(long)uploaded["id"]!}/source", UriKind.Relative))).Content.Headers.ContentType!.MediaType);
    }

    /// <summary>
    /// Issue 23, finding 12: an uploaded HTML page with a script, declared text/html, used to be served inline as
    /// text/html from the archive's origin (stored XSS). Now it is an attachment under its own (Chinese) name, as
    /// plain text, not to be sniffed, and sandboxed should a browser render it anyway.
    /// </summary>
    [Theory]
    [InlineData("text/html")]
    [InlineData("image/svg+xml")]
    [InlineData("application/xhtml+xml")]
    public async Task Source_OfAnUploadedPageWithAScript_IsAPlainTextAttachment_NeverHtmlInline(string declaredType)
    {
        await using var app = await KeyedArchiveApp.WithKeyAsync(seeds: false);
        using var client = app.CreateKeyedClient();
        var html = Encoding.UTF8.GetBytes(
            "<html><head><meta charset=\"utf-8\"><script>fetch('/api/reports/1',{method:'DELETE'})</script></head>"
            + "<body><p>开封市工业和信息化局2022年政府信息公开工作年度报告</p><p>本年度主动公开政府信息12条。</p>"
            + "<img src=x onerror=alert(1)></body></html>");
        var content = new ByteArrayContent(html);
        content.Headers.ContentType = new MediaTypeHeaderValue(declaredType);
        var created = await client.PostAsync(new Uri("/api/reports?name=" + Uri.EscapeDataString("开封 2022.html"), UriKind.Relative), content);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        using var source = await client.GetAsync(new Uri($"/api/reports/{(long)(await JsonAsync(created))["id"]!}/source", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, source.StatusCode);
        Assert.Equal(html, await source.Content.ReadAsByteArrayAsync());
        Assert.Equal("text/plain", source.Content.Headers.ContentType!.MediaType);
        Assert.Equal("utf-8", source.Content.Headers.ContentType.CharSet);
        var disposition = source.Content.Headers.ContentDisposition!;
        Assert.Equal("attachment", disposition.DispositionType);
        Assert.Equal("开封 2022.html", disposition.FileNameStar);
        Assert.Contains("filename*=UTF-8''", source.Content.Headers.GetValues("Content-Disposition").Single(), StringComparison.Ordinal);
        Assert.Equal("nosniff", source.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.StartsWith("sandbox", source.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Source_OfABinaryUpload_IsAnOctetStreamAttachment()
    {
        await using var app = await KeyedArchiveApp.WithKeyAsync(seeds: false);
        using var client = app.CreateKeyedClient();
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var gbk = Encoding.GetEncoding("GB18030").GetBytes(Encoding.UTF8.GetString(NewReport()));
        var content = new ByteArrayContent(gbk);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/html"); // a lie, and no charset: not UTF-8 either

        var created = await client.PostAsync(new Uri("/api/reports?name=kaifeng.txt", UriKind.Relative), content);
        using var source = await client.GetAsync(new Uri($"/api/reports/{(long)(await JsonAsync(created))["id"]!}/source", UriKind.Relative));

        Assert.Equal("application/octet-stream", source.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", source.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal(gbk, await source.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Source_OfAnImportedSeedOrAnUnknownId_Is404ProblemJson()
    {
        await using var app = await KeyedArchiveApp.WithKeyAsync();
        using var client = app.CreateClient();

        var seed = await client.GetAsync(new Uri("/api/reports/1/source", UriKind.Relative));
        var unknown = await client.GetAsync(new Uri("/api/reports/999/source", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, seed.StatusCode);
        Assert.Equal("Original file not kept", (string)(await JsonAsync(seed))["title"]!);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType!.MediaType);
    }

    [Theory]
    [InlineData("empty.txt", "", "empty file")]
    [InlineData("english.txt", "just some English words, no report here", "no Chinese text")]
    public async Task FileThatCannotBeImported_Is400WithTheReason(string name, string content, string reason)
    {
        await using var app = await KeyedArchiveApp.WithKeyAsync(seeds: false);
        using var client = app.CreateKeyedClient();

        var response = await PostRawAsync(client, Encoding.UTF8.GetBytes(content), name);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains(reason, (string)(await JsonAsync(response))["detail"]!, StringComparison.Ordinal);
        Assert.Equal(0, (int)(await SearchApiTests.GetJsonAsync(client, "/api/search"))["total"]!);
    }

    [Fact]
    public async Task FileOfAnUnsupportedType_Is415WithTheReason()
    {
        await using var app = await KeyedArchiveApp.WithKeyAsync(seeds: false);
        using var client = app.CreateKeyedClient();

        var response = await PostRawAsync(client, Encoding.UTF8.GetBytes("某某局2021年政府信息公开工作年度报告"), "report.exe");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("unsupported file type '.exe'", (string)(await JsonAsync(response))["detail"]!, StringComparison.Ordinal);
        Assert.Equal(0, (int)(await SearchApiTests.GetJsonAsync(client, "/api/search"))["total"]!);
    }

    [Fact]
    public async Task SourceUrlThatIsNotHttp_Is400NamingTheParameter()
    {
        await using var app = await KeyedArchiveApp.WithKeyAsync(seeds: false);
        using var client = app.CreateKeyedClient();

        var response = await PostRawAsync(client, NewReport(), "new.txt", "&sourceUrl=" + Uri.EscapeDataString("file:///etc/passwd"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotEmpty((string)(await JsonAsync(response))["errors"]!["sourceUrl"]![0]!);
    }

    [Fact]
    public async Task RawBodyWithoutAName_Is400NamingTheParameter()
    {
        await using var app = await KeyedArchiveApp.WithKeyAsync(seeds: false);
        using var client = app.CreateKeyedClient();

        var response = await client.PostAsync(new Uri("/api/reports", UriKind.Relative), new ByteArrayContent(NewReport()));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotEmpty((string)(await JsonAsync(response))["errors"]!["name"]![0]!);
    }

    [Fact]
    public async Task Delete_RemovesTheReportEverywhere()
    {
        await using var app = await KeyedArchiveApp.WithKeyAsync();
        using var client = app.CreateKeyedClient();
        var store = app.Services.GetRequiredService<ReportStore>();
        var created = await PostRawAsync(client, NewReport(), "kaifeng-2022.txt");
        var id = (long)(await JsonAsync(created))["id"]!;
        Assert.Equal(1, (int)(await SearchApiTests.GetJsonAsync(client, "/api/search?q=玄武湖畔"))["total"]!);

        var delete = await client.DeleteAsync(new Uri($"/api/reports/{id}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri($"/api/reports/{id}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri($"/api/reports/{id}/source", UriKind.Relative))).StatusCode);
        Assert.Equal(0, (int)(await SearchApiTests.GetJsonAsync(client, "/api/search?q=玄武湖畔"))["total"]!);
        Assert.Equal(5, (int)(await SearchApiTests.GetJsonAsync(client, "/api/search"))["total"]!);
        using var connection = store.Database.OpenConnection();
        foreach (var table in new[] { "report_figures", "report_checks", "report_texts", "report_agency_types", "report_sources" })
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT count(*) FROM {table} WHERE report_id = {id}";
            Assert.Equal(0L, (long)command.ExecuteScalar()!);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await client.DeleteAsync(new Uri($"/api/reports/{id}", UriKind.Relative))).StatusCode);
        var reupload = await PostRawAsync(client, NewReport(), "kaifeng-2022.txt");
        Assert.Equal(HttpStatusCode.Created, reupload.StatusCode);
    }

    [Fact]
    public async Task Upload_SourceUrlOfACountyPortal_PlacesATownshipTheTextLeavesOpen()
    {
        // real report 040: 中村乡 names no county and five counties have a 中村乡; the page came from 会昌县's portal
        await using var app = await KeyedArchiveApp.WithKeyAsync(seeds: false);
        using var client = app.CreateKeyedClient();
        var text = await File.ReadAllBytesAsync(Path.Combine(RepositoryFiles.Root, "..", "shared", "real-reports", "reports", "040.txt"));
        const string url = "http://www.huichang.gov.cn/hcxxxgk/hc1554/202101/157a95c3e64f41039bb3beb14dbc7638.shtml";

        var created = await JsonAsync(await PostRawAsync(client, text, "040.txt", "&sourceUrl=" + Uri.EscapeDataString(url)));
        var report = await SearchApiTests.GetJsonAsync(client, $"/api/reports/{(long)created["id"]!}");

        Assert.Equal(url, (string?)report["sourceUrl"]);
        Assert.Equal(("江西省", "赣州市", "会昌县"),
            ((string?)report["region"]!["province"], (string?)report["region"]!["city"], (string?)report["region"]!["county"]));
    }

    [Fact]
    public async Task SourceFilter_SelectsReportsByTheSiteTheyCameFrom()
    {
        await using var app = await KeyedArchiveApp.WithKeyAsync();
        using var client = app.CreateKeyedClient();
        // one upload from a county portal, one crawled page whose 原文链接 is on another site, the seeds with no address
        var county = (long)(await JsonAsync(await PostRawAsync(client, NewReport(), "kaifeng.txt",
            "&sourceUrl=" + Uri.EscapeDataString("https://www.huichang.gov.cn/hcxxxgk/hc1554/202101/t1.shtml"))))["id"]!;
        var crawled = (long)(await JsonAsync(await PostRawAsync(client, CrawledReport("洛阳市工业和信息化局"), "luoyang.txt")))["id"]!;

        async Task<long[]> Found(string query) =>
            [.. (await SearchApiTests.GetJsonAsync(client, "/api/search?" + query))["hits"]!.AsArray().Select(h => (long)h!["id"]!).Order()];

        Assert.Equal([county], await Found("source=huichang.gov.cn"));
        Assert.Equal([county], await Found("source=www.huichang.gov.cn"));
        Assert.Equal([county], await Found("source=" + Uri.EscapeDataString("https://www.huichang.gov.cn/hcxxxgk/")));
        Assert.Equal([crawled], await Found("source=example.gov.cn"));
        Assert.Equal([county, crawled], await Found("source=huichang.gov.cn&source=example.gov.cn"));
        Assert.Empty(await Found("source=chang.gov.cn"));
        Assert.Empty(await Found("source=" + Uri.EscapeDataString("https://www.huichang.gov.cn/other/")));
    }
}
