using ReportArchive.Regions;

namespace ReportArchive.Tests.Regions;

/// <summary>
/// A township body's report often names only itself (鸭南乡2021年政府信息公开工作年度报告): the statistical division codes'
/// townships give its county when the name is unique, tell apart counties of one name, and leave several candidates
/// when the text does not decide.
/// </summary>
public sealed class TownshipRegionTests
{
    private static readonly RegionResolver Resolver = RegionResolver.Default;

    private static (string? Province, string? City, string? County, string? Code, string? Level) Where(RegionResolution resolution) =>
        (resolution.Region.Province, resolution.Region.City, resolution.Region.County, resolution.Region.Code, resolution.Level);

    [Fact]
    public void UniqueTownshipName_NoDivisionInTheText_GivesItsCounty()
    {
        var resolution = Resolver.Resolve("鸭南乡人民政府", "2021年以来,鸭南乡乡人民政府在市委、市政府的正确领导下,认真贯彻落实《条例》。");

        Assert.Equal(("黑龙江省", "佳木斯市", "抚远市", "230883", RegionLevels.Township), Where(resolution));
        Assert.Contains(resolution.Evidence, e => e.Contains("鸭南乡", StringComparison.Ordinal) && e.Contains("抚远市", StringComparison.Ordinal));
    }

    [Fact]
    public void TownshipNameOfFiveCounties_TextNamingOne_GivesThatOne()
    {
        var resolution = Resolver.Resolve("中村乡人民政府", "中村乡全面贯彻落实《条例》，认真落实会昌县有关文件和会议精神。");

        Assert.Equal(("江西省", "赣州市", "会昌县", "360733", RegionLevels.Township), Where(resolution));
    }

    [Fact]
    public void TownshipNameOfFiveCounties_TextNamingNone_StaysAmbiguousWithTheFive()
    {
        var resolution = Resolver.Resolve("中村乡人民政府", "中村乡全面贯彻落实《条例》，认真落实省、市、县有关文件和会议精神。");

        Assert.True(resolution.Region.Ambiguous);
        Assert.Null(resolution.Region.Code);
        Assert.Equal(5, resolution.Region.Candidates.Count);
        Assert.Contains(resolution.Region.Candidates, c => c is { Province: "江西省", City: "赣州市", County: "会昌县" });
        Assert.Equal(RegionLevels.Township, resolution.Level);
    }

    [Fact]
    public void CityWithoutCounties_TownshipOfNinePlaces_KeepsTheCityItNames()
    {
        // nine 石龙镇 in the data, one directly under 东莞市 (which has no counties): the agency names the city
        var resolution = Resolver.Resolve("东莞市石龙镇人民政府", "石龙镇人民政府认真落实《条例》。");

        Assert.Equal(("广东省", "东莞市", null, "4419", RegionLevels.Township), Where(resolution));
        Assert.False(resolution.Region.Ambiguous);
    }

    [Fact]
    public void CountyNameOfTwoPlaces_StreetOfOnlyOne_GivesThatOne()
    {
        // 河东区 is in 天津市 and in 临沂市; 九曲街道 only in 临沂's
        var linyi = Resolver.Resolve("河东区九曲街道办事处", "九曲街道办事处认真落实《条例》。");
        var tianjin = Resolver.Resolve("河东区大王庄街道办事处", "大王庄街道办事处认真落实《条例》。");

        Assert.Equal(("山东省", "临沂市", "河东区", "371312", RegionLevels.Township), Where(linyi));
        Assert.Equal(("天津市", null, "河东区", "120102", RegionLevels.Township), Where(tianjin));
    }

    [Fact]
    public void CityAndTownship_TownshipOfOneCountyUnderIt_GivesTheCounty()
    {
        // 临沂市 names the city; 八湖镇 lies in its 河东区 only
        var resolution = Resolver.Resolve("临沂市八湖镇人民政府", "八湖镇人民政府认真落实《条例》。");

        Assert.Equal(("山东省", "临沂市", "河东区", "371312", RegionLevels.Township), Where(resolution));
    }

    [Fact]
    public void UniqueTownshipName_PhoneAreaCodeOfAnotherPlace_IsNotTrusted()
    {
        // 0539 is 临沂市, nowhere near 抚远市: the township name alone does not outweigh it
        var resolution = Resolver.Resolve("鸭南乡人民政府", "鸭南乡人民政府认真落实《条例》。联系电话：0539-8123456。");

        Assert.NotEqual("230883", resolution.Region.Code);
    }
}
