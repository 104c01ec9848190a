using ReportArchive.Regions;

namespace ReportArchive.Tests.Regions;

/// <summary>The acceptance cases: the five seed reports with their agency names as the title lines write them.</summary>
public sealed class RegionResolverSeedTests
{
    [Theory]
    [InlineData("000", "河东区工信局", "山东省", "临沂市", "河东区", "371312")]
    [InlineData("001", "萝北县工业信息科技局", "黑龙江省", "鹤岗市", "萝北县", "230421")]
    [InlineData("002", "灋河回族区科技和工业信息化局", "河南省", "洛阳市", "瀍河回族区", "410304")]
    [InlineData("003", "海原县工业信息化和商务局", "宁夏回族自治区", "中卫市", "海原县", "640522")]
    [InlineData("004", "郑州市工业和信息化局", "河南省", "郑州市", null, "4101")]
    public void Resolve_SeedReport_GivesItsRegion(string seed, string agency, string province, string city, string? county, string code)
    {
        var resolution = RegionResolver.Default.Resolve(agency, SeedReports.Read(seed));

        var region = resolution.Region;
        Assert.Equal((province, city, county, code, false), (region.Province, region.City, region.County, region.Code, region.Ambiguous));
        Assert.Equal(county is null ? RegionLevels.City : RegionLevels.County, resolution.Level);
    }

    [Fact]
    public void Resolve_Seed000_DecidesHedongByPhoneAreaCode0539()
    {
        var resolution = RegionResolver.Default.Resolve("河东区工信局", SeedReports.Read("000"));

        Assert.Contains(resolution.Evidence, e => e.Contains("0539", StringComparison.Ordinal));
        Assert.Equal(2, resolution.Region.Candidates.Count);
        Assert.Empty(resolution.Warnings);
    }

    [Fact]
    public void Resolve_Seed002_WarnsThatTheGarbledNameWasRepaired()
    {
        var resolution = RegionResolver.Default.Resolve("灋河回族区科技和工业信息化局", SeedReports.Read("002"));

        var warning = Assert.Single(resolution.Warnings);
        Assert.Contains("灋河回族区", warning, StringComparison.Ordinal);
        Assert.Contains("瀍河回族区", warning, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("001")]
    [InlineData("003")]
    [InlineData("004")]
    public void Resolve_UniqueNamesInSeeds_GiveNoWarning(string seed)
    {
        var agency = seed switch { "001" => "萝北县工业信息科技局", "003" => "海原县工业信息化和商务局", _ => "郑州市工业和信息化局" };

        Assert.Empty(RegionResolver.Default.Resolve(agency, SeedReports.Read(seed)).Warnings);
    }
}
