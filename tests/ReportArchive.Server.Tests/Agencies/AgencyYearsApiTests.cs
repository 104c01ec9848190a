using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using ReportArchive.Server.Tests.Support;
using ReportArchive.Server.Tests.Uploads;

namespace ReportArchive.Server.Tests.Agencies;

/// <summary>
/// GET /api/agencies/years through the real host: seed 004 (郑州市工业和信息化局, 2021) uploaded as 2020 and as 2021,
/// the 2021 text with one number changed, one sentence added and one left out in part 五: the figures with their
/// changes, the cross-year check, and part 五's sentences marked similar, new and copied, the left-out one counted.
/// </summary>
public sealed class AgencyYearsApiTests
{
    private const string Agency = "郑州市工业和信息化局";
    private const string Added = "下一步将开通政府信息公开申请网上办理系统，方便群众申请。";
    private const string LeftOut = "三是努力克服个别政策文件起草周期不足等问题";

    private static string Report(int year, int carriedOver, int carriedForward, bool edited)
    {
        var text = File.ReadAllText(Directory.GetFiles(RepositoryFiles.SeedsDirectory, "004_*.txt").Single())
            .Replace("2021年", $"{year}年", StringComparison.Ordinal);
        var lines = text.Split('\n');
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
            else if (edited && lines[i].StartsWith("一是加强信息发布", StringComparison.Ordinal))
            {
                var third = lines[i].IndexOf(LeftOut, StringComparison.Ordinal);
                Assert.True(third > 0);
                lines[i] = lines[i][..third].Replace("1507条", "1800条", StringComparison.Ordinal) + Added;
            }
        }

        return string.Join('\n', lines);
    }

    private static async Task<long> UploadAsync(HttpClient client, string text, string name)
    {
        var response = await client.PostAsync(new Uri($"/api/reports?name={name}", UriKind.Relative), new ByteArrayContent(Encoding.UTF8.GetBytes(text)));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (long)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["id"]!;
    }

    [Fact]
    public async Task TwoYears_AreComparedFigureByFigure_AndSentenceBySentence()
    {
        await using var app = await KeyedArchiveApp.WithKeyAsync(seeds: false);
        using var client = app.CreateKeyedClient();
        var y2020 = await UploadAsync(client, Report(2020, 0, 2, edited: false), "2020.txt");
        var y2021 = await UploadAsync(client, Report(2021, 2, 0, edited: true), "2021.txt");

        var comparison = await SearchApiTests.GetJsonAsync(client, "/api/agencies/years?agency=" + Uri.EscapeDataString(Agency));

        Assert.Equal(Agency, (string)comparison["agency"]!);
        var labels = comparison["figureLabels"]!.AsArray();
        Assert.Equal("requests.new.total", (string)labels[0]!["key"]!);
        Assert.Equal("一、本年新收政府信息公开申请数量 × 总计", (string)labels[0]!["label"]!);
        var years = comparison["years"]!.AsArray();
        Assert.Equal([y2020, y2021], years.Select(y => (long)y!["id"]!));
        Assert.Null(years[0]!["comparedWith"]);
        Assert.Equal(2020, (int)years[1]!["comparedWith"]!["year"]!);
        Assert.Equal(2m, (decimal)years[1]!["figures"]!["requests.carriedOver.total"]!);
        Assert.Equal(2m, (decimal)years[1]!["changes"]!["requests.carriedOver.total"]!);
        Assert.Equal(-2m, (decimal)years[1]!["changes"]!["requests.carriedForward.total"]!);
        Assert.Equal(0m, (decimal)years[1]!["changes"]!["requests.new.total"]!);
        Assert.Null(years[0]!["changes"]!["requests.new.total"]);
        var check = Assert.Single(comparison["crossYearChecks"]!.AsArray())!;
        Assert.True((bool)check["ok"]!);

        var parts = years[1]!["parts"]!.AsArray();
        Assert.Equal(["一", "二", "三", "四", "五", "六"], parts.Select(p => (string)p!["number"]!));
        Assert.All(parts, p => Assert.True((bool)p!["found"]!));
        var five = parts[4]!;
        Assert.Equal("存在的主要问题及改进情况", (string)five["heading"]!);
        var sentences = five["sentences"]!.AsArray().ToDictionary(s => (string)s!["text"]!, s => (string)s!["status"]!);
        Assert.Equal("new", sentences[Added]);
        Assert.Equal("similar", sentences.Single(s => s.Key.Contains("1800条", StringComparison.Ordinal)).Value);
        Assert.Equal("copied", sentences.Single(s => s.Key.StartsWith("二是正在谋划实施网站改版", StringComparison.Ordinal)).Value);
        Assert.Equal(1, (int)five["new"]!);
        Assert.Equal(1, (int)five["dropped"]!);
        Assert.DoesNotContain(sentences.Keys, s => s.Contains(LeftOut, StringComparison.Ordinal));
        Assert.All(years[0]!["parts"]!.AsArray().SelectMany(p => p!["sentences"]!.AsArray()), s => Assert.Equal("first", (string)s!["status"]!));
        Assert.All(parts.Where(p => (string)p!["number"]! is "一" or "六").SelectMany(p => p!["sentences"]!.AsArray()),
            s => Assert.Contains((string)s!["status"]!, new[] { "copied", "similar" }));
    }

    [Theory]
    [InlineData("", HttpStatusCode.BadRequest)]
    [InlineData("?agency=%20", HttpStatusCode.BadRequest)]
    [InlineData("?agency=%E6%B2%A1%E6%9C%89%E8%BF%99%E4%B8%AA%E6%9C%BA%E5%85%B3", HttpStatusCode.NotFound)]
    public async Task AMissingOrUnknownAgency_IsAProblem(string query, HttpStatusCode expected)
    {
        await using var app = await KeyedArchiveApp.WithKeyAsync();
        using var client = app.CreateClient();

        var response = await client.GetAsync(new Uri("/api/agencies/years" + query, UriKind.Relative));

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
