using ReportArchive.Regions;

namespace ReportArchive.Tests.Regions;

public sealed class DivisionNameFormsTests
{
    private static readonly AdministrativeDivisions Divisions = RegionResolver.Default.Divisions;

    private static AdministrativeDivision Named(string name) => Divisions.FindByName(name)[0];

    [Theory]
    [InlineData("瀍河回族区", "瀍河区")]
    [InlineData("长阳土家族自治县", "长阳县")]
    [InlineData("长白朝鲜族自治县", "长白县")]
    [InlineData("围场满族蒙古族自治县", "围场县")]
    [InlineData("莫力达瓦达斡尔族自治旗", "莫力达瓦旗")]
    [InlineData("恩施土家族苗族自治州", "恩施州")]
    [InlineData("克孜勒苏柯尔克孜自治州", "克孜勒苏州")]
    public void AliasesOf_AutonomousDivision_DropsTheEthnicGroups(string name, string alias)
    {
        Assert.Equal([alias], DivisionNameForms.AliasesOf(Named(name)));
    }

    [Theory]
    [InlineData("鄂伦春自治旗")]
    [InlineData("河东区")]
    [InlineData("山东省")]
    public void AliasesOf_DivisionWithoutShorterForm_IsEmpty(string name)
    {
        Assert.Empty(DivisionNameForms.AliasesOf(Named(name)));
    }

    [Theory]
    [InlineData("临沂市", "临沂")]
    [InlineData("山东省", "山东")]
    [InlineData("宁夏回族自治区", "宁夏")]
    [InlineData("内蒙古自治区", "内蒙古")]
    [InlineData("新疆维吾尔自治区", "新疆")]
    [InlineData("广西壮族自治区", "广西")]
    [InlineData("天津市", "天津")]
    [InlineData("大兴安岭地区", "大兴安岭")]
    [InlineData("锡林郭勒盟", "锡林郭勒")]
    [InlineData("湘西土家族苗族自治州", "湘西")]
    public void ShortNamesOf_ProvinceOrPrefecture_DropsTheSuffix(string name, string shortName)
    {
        Assert.Equal([shortName], DivisionNameForms.ShortNamesOf(Named(name)));
    }

    [Fact]
    public void OneCharacterAway_FindsBothDistrictsAGarbledNameMayBe()
    {
        var index = new DivisionNameIndex(Divisions);

        var found = index.OneCharacterAway("灋河回族区").Select(d => d.Name).Order(StringComparer.Ordinal);

        Assert.Equal(["瀍河回族区", "顺河回族区"], found);
        Assert.DoesNotContain(index.OneCharacterAway("瀍河回族区"), d => d.Name == "瀍河回族区");
    }

    [Fact]
    public void GarbledCharacters_SameRadicalIsNear_UnrelatedIsNot()
    {
        Assert.True(GarbledCharacters.AreNear('灋', '瀍'));
        Assert.False(GarbledCharacters.AreNear('灋', '顺'));
    }
}
