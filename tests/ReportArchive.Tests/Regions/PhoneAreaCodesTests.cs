using ReportArchive.Regions;

namespace ReportArchive.Tests.Regions;

public sealed class PhoneAreaCodesTests
{
    private static readonly PhoneAreaCodes AreaCodes = RegionResolver.Default.AreaCodes;
    private static readonly AdministrativeDivisions Divisions = RegionResolver.Default.Divisions;

    [Theory]
    [InlineData("539", "临沂市")]
    [InlineData("955", "中卫市")]
    [InlineData("468", "鹤岗市")]
    [InlineData("379", "洛阳市")]
    [InlineData("371", "郑州市")]
    [InlineData("22", "天津市")]
    [InlineData("10", "北京市")]
    public void DivisionsFor_KnownAreaCode_GivesItsCity(string areaCode, string city)
    {
        var codes = AreaCodes.DivisionsFor(areaCode);

        Assert.Contains(codes, code => Divisions.FindByCode(code)?.Name == city);
    }

    [Fact]
    public void EveryPrefecture_HasAnAreaCode()
    {
        var covered = Divisions.All
            .Where(d => d.Level == DivisionLevel.Prefecture && AdministrativeDivisions.IsStandard(d))
            .Where(d => !Enumerable.Range(10, 990).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture))
                .Any(code => AreaCodes.DivisionsFor(code).Any(p => AdministrativeDivisions.IsWithin(d.Code, p))))
            .Select(d => d.Name);

        Assert.Empty(covered);
    }

    [Fact]
    public void DivisionsFor_SharedAreaCode_GivesEveryCity()
    {
        var names = AreaCodes.DivisionsFor("728").Select(code => Divisions.FindByCode(code)!.Name);

        Assert.Equal(["仙桃市", "天门市", "潜江市"], names.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("5392932177", "539")]
    [InlineData("2224101234", "22")]
    [InlineData("1112345678", null)]
    [InlineData("", null)]
    public void MatchAreaCode_TakesTheLongestKnownPrefix(string digits, string? expected)
    {
        Assert.Equal(expected, AreaCodes.MatchAreaCode(digits));
    }

    [Theory]
    [InlineData("联系电话：0539-2932177。", "539")]
    [InlineData("电话：（0539）2932177", "539")]
    [InlineData("电话:0955－4014469", "955")]
    [InlineData("电话 022 24101234", "22")]
    [InlineData("电话05392932177", "539")]
    public void FindAreaCodes_ReadsTheUsualWritings(string text, string expected)
    {
        Assert.Equal([expected], PhoneNumberScanner.FindAreaCodes(text, AreaCodes));
    }

    [Theory]
    [InlineData("统计期限为 2021 年 1 月 1 日至 2021-12-31")]
    [InlineData("邮编：755200，共 0.539 万元")]
    [InlineData("文号 20210539 号，编号 1053922")]
    [InlineData("0539")]
    public void FindAreaCodes_IgnoresNumbersThatAreNoPhone(string text)
    {
        Assert.Empty(PhoneNumberScanner.FindAreaCodes(text, AreaCodes));
    }
}
