using System.Text.Json.Nodes;
using ReportArchive.Cli.Tests.Support;

namespace ReportArchive.Cli.Tests;

public sealed class ParseCommandTests
{
    [Theory]
    [InlineData("000", "河东区工信局", 2021, "山东省", "临沂市", "河东区", "county", new[] { "工业和信息化" }, "2021")]
    [InlineData("001", "萝北县工业信息科技局", 2020, "黑龙江省", "鹤岗市", "萝北县", "county", new[] { "工业和信息化", "科技" }, "2019")]
    [InlineData("002", "灋河回族区科技和工业信息化局", 2023, "河南省", "洛阳市", "瀍河回族区", "county", new[] { "科技", "工业和信息化" }, "2021")]
    [InlineData("003", "海原县工业信息化和商务局", 2021, "宁夏回族自治区", "中卫市", "海原县", "county", new[] { "工业和信息化", "商务" }, "2021")]
    [InlineData("004", "郑州市工业和信息化局", 2021, "河南省", "郑州市", null, "city", new[] { "工业和信息化" }, "2021")]
    public async Task Seed_ParsesToItsMetadataRegionAndTemplate(
        string seed, string agency, int year, string province, string city, string? county, string level, string[] types, string template)
    {
        var file = Directory.GetFiles(Path.Combine(CliRunner.RepositoryRoot, "seeds"), seed + "_*.txt").Single();
        var (exit, output, error) = await CliRunner.RunAsync("parse", file, "--json");
        Assert.True(exit == 0, error);
        var json = JsonNode.Parse(output)!;
        Assert.Equal(
            ["title", "agency", "year", "region", "level", "agencyTypes", "publishedAt", "sourceUrl", "template", "figures", "checks", "warnings", "figureSources"],
            json.AsObject().Select(p => p.Key).ToArray());
        Assert.Equal(agency, (string)json["agency"]!);
        Assert.Equal(year, (int)json["year"]!);
        Assert.Equal(province, (string?)json["region"]!["province"]);
        Assert.Equal(city, (string?)json["region"]!["city"]);
        Assert.Equal(county, (string?)json["region"]!["county"]);
        Assert.False((bool)json["region"]!["ambiguous"]!);
        Assert.Equal(level, (string)json["level"]!);
        Assert.Equal(types, json["agencyTypes"]!.AsArray().Select(t => (string)t!).ToArray());
        Assert.Equal(template, (string)json["template"]!);
        Assert.NotEmpty(json["figures"]!.AsObject());
    }

    [Fact]
    public async Task MissingFile_IsReportedWithItsName_AndExitCode1()
    {
        var (exit, _, error) = await CliRunner.RunAsync("parse", "/no/such/report.txt", "--json");
        Assert.Equal(1, exit);
        Assert.Contains("/no/such/report.txt", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SourceUrl_IsTheReportsSource_AndItsPortalPlacesATownshipOfSeveralCounties()
    {
        // real report 040: 中村乡 names no county, and five counties have a 中村乡; the page came from 会昌县's portal
        var file = Path.Combine(CliRunner.RepositoryRoot, "..", "shared", "real-reports", "reports", "040.txt");
        const string url = "http://www.huichang.gov.cn/hcxxxgk/hc1554/202101/157a95c3e64f41039bb3beb14dbc7638.shtml";

        var (exit, output, error) = await CliRunner.RunAsync("parse", file, "--source-url", url, "--json");
        var (_, withoutUrl, _) = await CliRunner.RunAsync("parse", file, "--json");

        Assert.True(exit == 0, error);
        var json = JsonNode.Parse(output)!;
        Assert.Equal(url, (string?)json["sourceUrl"]);
        Assert.Equal(("江西省", "赣州市", "会昌县", "township"),
            ((string?)json["region"]!["province"], (string?)json["region"]!["city"], (string?)json["region"]!["county"], (string?)json["level"]));
        Assert.Null((string?)JsonNode.Parse(withoutUrl)!["region"]!["county"]);
    }

    [Fact]
    public async Task SourceUrlThatIsNoWebAddress_IsAUsageError()
    {
        var file = Directory.GetFiles(Path.Combine(CliRunner.RepositoryRoot, "seeds"), "000_*.txt").Single();

        var (exit, _, error) = await CliRunner.RunAsync("parse", file, "--source-url", "ftp:/x", "--json");

        Assert.NotEqual(0, exit);
        Assert.Contains("--source-url must be an absolute http or https URL", error, StringComparison.Ordinal);
    }
}
