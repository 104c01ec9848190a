using ReportArchive.Regions;

namespace ReportArchive.Tests.Regions;

public sealed class AdministrativeDivisionsTests
{
    private static readonly AdministrativeDivisions Divisions = RegionResolver.Default.Divisions;

    [Fact]
    public void LoadEmbedded_HasEveryTierOfTheMainland()
    {
        Assert.Equal(31, Divisions.Provinces.Count);
        Assert.Equal(333, Divisions.All.Count(d => d.Level == DivisionLevel.Prefecture && AdministrativeDivisions.IsStandard(d)));
        Assert.True(Divisions.All.Count(d => d.Level == DivisionLevel.County) > 2800);
    }

    [Fact]
    public void LoadEmbedded_EveryParentExistsAndIsOneTierUp()
    {
        Assert.All(Divisions.All.Where(d => d.ParentCode is not null), d =>
        {
            var parent = Divisions.ParentOf(d);
            Assert.NotNull(parent);
            Assert.True(parent.Level < d.Level);
            Assert.StartsWith(parent.Code, d.Code, StringComparison.Ordinal);
        });
    }

    [Theory]
    [InlineData("天门市", "42")]
    [InlineData("仙桃市", "42")]
    [InlineData("潜江市", "42")]
    [InlineData("神农架林区", "42")]
    [InlineData("济源市", "41")]
    [InlineData("石河子市", "65")]
    public void CountyLevelCityDirectlyUnderProvince_HangsFromTheProvince(string name, string province)
    {
        var division = Assert.Single(Divisions.FindByName(name));

        Assert.Equal(DivisionLevel.County, division.Level);
        Assert.Equal(province, division.ParentCode);
        Assert.Null(Divisions.ToCandidate(division).City);
    }

    [Fact]
    public void MunicipalityDistricts_HangFromTheMunicipality()
    {
        var hedong = Divisions.FindByName("河东区").Single(d => d.Code.StartsWith("12", StringComparison.Ordinal));

        Assert.Equal("12", hedong.ParentCode);
        Assert.Equal(new RegionCandidate("120102", "天津市", null, "河东区"), Divisions.ToCandidate(hedong));
        Assert.Contains(Divisions.ChildrenOf("50"), d => d.Name == "渝中区");
        Assert.Contains(Divisions.ChildrenOf("50"), d => d.Name == "石柱土家族自治县");
    }

    [Fact]
    public void PrefectureWithoutCounties_HasNoChildRepeatingItself()
    {
        var dongguan = Assert.Single(Divisions.FindByName("东莞市"));

        Assert.Equal(DivisionLevel.Prefecture, dongguan.Level);
        Assert.Empty(Divisions.ChildrenOf(dongguan.Code));
    }

    [Fact]
    public void FindByName_SharedName_GivesEveryDivision()
    {
        Assert.Equal(["120102", "371312"], Divisions.FindByName("河东区").Select(d => d.Code));
        Assert.Empty(Divisions.FindByName("灋河回族区"));
    }

    [Fact]
    public void PathOf_GoesFromProvinceDownToTheDivision()
    {
        var chanhe = Divisions.FindByCode("410304")!;

        Assert.Equal(["河南省", "洛阳市", "瀍河回族区"], Divisions.PathOf(chanhe).Select(d => d.Name));
        Assert.Equal(new RegionCandidate("410304", "河南省", "洛阳市", "瀍河回族区"), Divisions.ToCandidate(chanhe));
    }

    [Fact]
    public void ChildrenOf_CodeSelectsTheSubtree()
    {
        var luoyang = Divisions.ChildrenOf("4103");

        Assert.Contains(luoyang, d => d.Name == "瀍河回族区");
        Assert.All(luoyang, d => Assert.True(AdministrativeDivisions.IsWithin(d.Code, "4103")));
        Assert.Equal(31, Divisions.ChildrenOf(null).Count);
    }

    [Theory]
    [InlineData("延边朝鲜族自治州", DivisionLevel.Prefecture)]
    [InlineData("锡林郭勒盟", DivisionLevel.Prefecture)]
    [InlineData("大兴安岭地区", DivisionLevel.Prefecture)]
    [InlineData("鄂伦春自治旗", DivisionLevel.County)]
    [InlineData("六枝特区", DivisionLevel.County)]
    [InlineData("萝北县", DivisionLevel.County)]
    public void FindByName_FindsEveryKindOfUnit(string name, DivisionLevel level)
    {
        Assert.Equal(level, Assert.Single(Divisions.FindByName(name)).Level);
    }

    [Fact]
    public void Parse_RejectsAMalformedLine()
    {
        Assert.Throws<FormatException>(() => AdministrativeDivisions.Parse(new StringReader("41\t河南省\n410\t半截\t41\n")));
    }

    [Fact]
    public void LoadEmbedded_HoldsTheFunctionalAreasGovernedLikeAPrefecture_WithCodesNoStandardDivisionHas()
    {
        var pingtan = Assert.Single(Divisions.FindByName("平潭综合实验区"));
        Assert.Equal(("35A1", "35", DivisionLevel.Prefecture), (pingtan.Code, pingtan.ParentCode, pingtan.Level));
        Assert.False(AdministrativeDivisions.IsStandard(pingtan));
        Assert.True(AdministrativeDivisions.IsStandard(Assert.Single(Divisions.FindByName("平潭县"))));
    }
}
