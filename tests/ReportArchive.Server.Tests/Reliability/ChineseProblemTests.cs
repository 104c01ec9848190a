using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using ReportArchive.Server.Security;
using ReportArchive.Server.Tests.Support;
using ReportArchive.Server.Tests.Uploads;

namespace ReportArchive.Server.Tests.Reliability;

/// <summary>
/// Every problem+json the server returns keeps its English <c>title</c> for scripts and carries the Chinese the page
/// shows in <c>messageZh</c>; a bad parameter is named and explained in Chinese.
/// </summary>
public sealed class ChineseProblemTests
{
    [Theory]
    [InlineData("/api/search?page=0", "Invalid search parameters", "页码须为 1 到 100000 之间的整数（收到“0”）")]
    [InlineData("/api/search?pageSize=101", "Invalid search parameters", "每页条数须为 1 到 100 之间的整数（收到“101”）")]
    [InlineData("/api/search?year=去年", "Invalid search parameters", "年份的值“去年”无效：须为年份（如 2021）或年份范围（如 2019..2021）")]
    [InlineData("/api/search?checks=maybe", "Invalid search parameters", "校验结果的值“maybe”无效：须为 passed（校验通过）或 failed（校验未通过）")]
    [InlineData("/api/search?figure=nothing.here>0", "Invalid search parameters", "数据项的“nothing.here”不是数据项代码")]
    [InlineData("/api/search?page=2&after=abc", "Invalid search parameters", "翻页位置（after）不能与页码同时使用")]
    [InlineData("/api/stats?groupBy=weekday", "Invalid statistics parameters", "缺少数据项（figure）：须给出一个数据项或比率；分组的值“weekday”无效，可选：")]
    [InlineData("/api/export?format=doc", "Invalid export parameters", "导出格式的值“doc”无效，可选：")]
    [InlineData("/api/reports/999999", "Report not found", "没有编号为 999999 的报告")]
    [InlineData("/api/reports/999999/highlights?q=复议", "Report not found", "没有编号为 999999 的报告")]
    [InlineData("/api/agencies/reports", "Invalid parameter", "缺少机关名称（agency）")]
    public async Task BadRequests_KeepTheirEnglishTitle_AndSayWhatIsWrongInChinese(string path, string title, string chinese)
    {
        await using var app = await ReportArchiveApp.StartAsync();
        using var client = app.CreateClient();

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        var problem = await ProblemAsync(response);
        Assert.Equal(title, problem.GetProperty("title").GetString());
        Assert.Contains(chinese, problem.GetProperty(ChineseProblems.Field).GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SeveralBadParameters_AreEachNamedInChinese()
    {
        await using var app = await ReportArchiveApp.StartAsync();
        using var client = app.CreateClient();

        using var response = await client.GetAsync(new Uri("/api/search?page=x&level=国家级", UriKind.Relative));

        var message = (await ProblemAsync(response)).GetProperty(ChineseProblems.Field).GetString()!;
        Assert.Contains("页码须为 1 到 100000 之间的整数（收到“x”）", message, StringComparison.Ordinal);
        Assert.Contains("层级的值“国家级”无效，可选：central、province、city、county、township", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownAddress_Is404WithAChineseMessage()
    {
        await using var app = await ReportArchiveApp.StartAsync();
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/no-such-endpoint", UriKind.Relative));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("找不到该地址", (await ProblemAsync(response)).GetProperty(ChineseProblems.Field).GetString());
    }

    [Fact]
    public async Task WritesWithoutAKey_Are403_AndWithAWrongKey_401_BothInChinese()
    {
        await using (var open = await ReportArchiveApp.StartAsync())
        {
            using var client = open.CreateClient();
            using var response = await client.PostAsync(new Uri("/api/reports?name=a.txt", UriKind.Relative), new StringContent("政府信息公开"));
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Equal("本服务器未配置接口密钥，不接受上传和删除", (await ProblemAsync(response)).GetProperty(ChineseProblems.Field).GetString());
        }

        await using var keyed = await KeyedArchiveApp.WithKeyAsync();
        using var wrong = keyed.CreateKeyedClient("not-the-key");
        using var refused = await wrong.PostAsync(new Uri("/api/reports?name=a.txt", UriKind.Relative), new StringContent("政府信息公开"));
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("Unauthorized", (await ProblemAsync(refused)).GetProperty("title").GetString());
        Assert.StartsWith("缺少接口密钥或密钥无效", (await ProblemAsync(refused)).GetProperty(ChineseProblems.Field).GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUploadOfAnUnsupportedType_Is415InChinese()
    {
        await using var keyed = await KeyedArchiveApp.WithKeyAsync();
        using var client = keyed.CreateKeyedClient();

        using var response = await client.PostAsync(new Uri("/api/reports?name=report.xyz", UriKind.Relative), new StringContent("政府信息公开"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.StartsWith("不支持该文件类型", (await ProblemAsync(response)).GetProperty(ChineseProblems.Field).GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TooManyWrites_Are429InChinese_SayingWhenToRetry()
    {
        await using var keyed = await KeyedArchiveApp.StartAsync(new Dictionary<string, string>
        {
            ["ApiKeys:0"] = KeyedArchiveApp.Key,
            ["Limits:WritesPerWindow"] = "1",
            ["Limits:WritesWindow"] = "00:01:00",
        });
        using var client = keyed.CreateKeyedClient();

        using var first = await client.DeleteAsync(new Uri("/api/reports/999999", UriKind.Relative));
        using var second = await client.DeleteAsync(new Uri("/api/reports/999999", UriKind.Relative));

        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
        var problem = await ProblemAsync(second);
        Assert.Equal("Too many requests", problem.GetProperty("title").GetString());
        Assert.Matches(@"^写入过于频繁，请 \d+ 秒后重试$", problem.GetProperty(ChineseProblems.Field).GetString());
    }

    [Fact]
    public async Task ABodyOverTheLimit_Is413InChinese()
    {
        await using var app = await ReportArchiveApp.StartAsync();
        using var small = app.WithWebHostBuilder(b => b.UseSetting("Limits:MaxRequestBodyBytes", "1000"));
        using var client = small.CreateClient();

        using var response = await client.PostAsync(new Uri("/api/reports?name=a.txt", UriKind.Relative), new ByteArrayContent(new byte[5000]));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("请求内容过大：共 5000 字节，最多接受 1000 字节", (await ProblemAsync(response)).GetProperty(ChineseProblems.Field).GetString());
    }

    [Fact]
    public async Task ASearchPastTheTimeout_Is503InChinese()
    {
        await using var app = await ReportArchiveApp.StartAsync();
        using var slow = app.WithWebHostBuilder(b => b.UseSetting("Limits:SearchTimeout", "00:00:00"));
        using var client = slow.CreateClient();

        using var response = await client.GetAsync(new Uri("/api/search?q=行政复议", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.StartsWith("检索超过 0 秒仍未完成，已停止", (await ProblemAsync(response)).GetProperty(ChineseProblems.Field).GetString(), StringComparison.Ordinal);
    }

    /// <summary>The storage failures (507 a full disk, 503 read-only, failing or damaged) as the exception handler titles them.</summary>
    [Theory]
    [InlineData(507, "Insufficient storage", "存放档案的磁盘已满，未保存任何内容；腾出空间后重试")]
    [InlineData(503, "Archive read-only", "档案文件或磁盘为只读，未保存任何内容")]
    [InlineData(503, "Storage failure", "存放档案的磁盘读写出错，未保存任何内容")]
    [InlineData(503, "Archive damaged", "档案已损坏，请从备份恢复")]
    [InlineData(503, "Server busy", "服务器繁忙，请稍后重试")]
    [InlineData(405, "Method Not Allowed", "不支持该请求方法")]
    public void StorageAndOtherFailures_HaveTheirChineseMessage(int status, string title, string chinese) =>
        Assert.Equal(chinese, ChineseProblems.MessageOf(new ProblemDetails { Status = status, Title = title }));

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }
}
