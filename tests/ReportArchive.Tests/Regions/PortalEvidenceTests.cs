using ReportArchive.Ingestion;
using ReportArchive.Regions;

namespace ReportArchive.Tests.Regions;

/// <summary>
/// County and city portals are named by the place's pinyin (www.huichang.gov.cn is 会昌县's): a portal the text names,
/// or the address an upload came from, is evidence of the region when the words do not give it.
/// </summary>
public sealed class PortalEvidenceTests
{
    private static readonly RegionResolver Resolver = RegionResolver.Default;

    private static (string? Province, string? City, string? County, string? Code) Where(RegionResolution resolution) =>
        (resolution.Region.Province, resolution.Region.City, resolution.Region.County, resolution.Region.Code);

    private const string TownshipText = "中村乡全面贯彻落实《条例》，认真落实省、市、县有关文件和会议精神。";

    [Fact]
    public void TownshipOfFiveCounties_SourceUrlOfOnesPortal_GivesThatCounty()
    {
        var resolution = Resolver.Resolve("中村乡人民政府", TownshipText,
            "http://www.huichang.gov.cn/hcxxxgk/hc1554/202101/157a95c3e64f41039bb3beb14dbc7638.shtml");

        Assert.Equal(("江西省", "赣州市", "会昌县", "360733"), Where(resolution));
        Assert.Equal(RegionLevels.Township, resolution.Level);
        Assert.Contains(resolution.Evidence, e => e.Contains("www.huichang.gov.cn", StringComparison.Ordinal));
    }

    [Fact]
    public void TownshipOfFiveCounties_PortalNamedInTheText_GivesThatCounty()
    {
        var resolution = Resolver.Resolve("中村乡人民政府", TownshipText + "本报告可在会昌县人民政府门户网站（www.huichang.gov.cn）查阅。");

        Assert.Equal("360733", resolution.Region.Code);
    }

    [Fact]
    public void NoDivisionInWords_PortalOfACity_GivesTheCity()
    {
        var resolution = Resolver.Resolve("市教育局", "我局认真落实《条例》。本报告电子版可在市政府门户网站（www.yinchuan.gov.cn）下载。");

        Assert.Equal(("宁夏回族自治区", "银川市", null, "6401"), Where(resolution));
    }

    [Fact]
    public void PortalSpelledLikeTwoDistricts_StaysAmbiguous()
    {
        // www.hedong.gov.cn is the spelling of 天津市河东区 and of 临沂市河东区 alike
        var resolution = Resolver.Resolve("区教育局", "我局认真落实《条例》。详见 www.hedong.gov.cn。");

        Assert.True(resolution.Region.Ambiguous);
        Assert.Equal(["120102", "371312"], resolution.Region.Candidates.Select(c => c.Code).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void WordsNamingTheDivision_OutweighAPortalNamedElsewhere()
    {
        // the text names 抚远市 in words; the national portal and a provincial one are no county's
        var resolution = Resolver.Resolve("抚远市鸭南乡人民政府", "鸭南乡认真落实《条例》，见 www.gov.cn 与 www.hlj.gov.cn。");

        Assert.Equal("230883", resolution.Region.Code);
    }

    [Fact]
    public void Parser_SourceUrl_IsTheReportsSourceAndItsRegionEvidence()
    {
        const string text = "中村乡2020年政府信息公开工作年度报告\n\n一、总体情况\n中村乡全面贯彻落实《条例》，认真落实省、市、县有关文件和会议精神。";
        const string url = "http://www.huichang.gov.cn/hcxxxgk/hc1554/202101/157a95c3e64f41039bb3beb14dbc7638.shtml";

        var withUrl = new ReportParser().Parse(text, url).Metadata;
        var without = new ReportParser().Parse(text).Metadata;

        Assert.Equal(url, withUrl.SourceUrl);
        Assert.Equal("会昌县", withUrl.Region.County);
        Assert.Null(without.Region.County);
        Assert.True(without.Region.Ambiguous);
    }
}
