using ReportArchive.Regions;

namespace ReportArchive.Tests.Regions;

/// <summary>
/// Division names misread by OCR or text extraction (沐阳 for 沭阳): the reading the text supports, the shared part of
/// several equally supported readings, or nothing — never a guess.
/// </summary>
public sealed class OcrMisreadTests
{
    private static readonly RegionResolver Resolver = RegionResolver.Default;

    [Fact]
    public void MisreadTitle_BodyNamingTheDivision_ReadsThatDivision()
    {
        var resolution = Resolver.Resolve("沐阳县市场监督管理局", "沐阳县市场监督管理局2023年政府信息公开工作年度报告\n2023年，沭阳县市场监督管理局认真落实《条例》。");

        Assert.Equal(("江苏省", "宿迁市", "沭阳县", "321322", RegionLevels.County),
            (resolution.Region.Province, resolution.Region.City, resolution.Region.County, resolution.Region.Code, resolution.Level));
        Assert.Contains(resolution.Warnings, w => w.Contains("沐阳县", StringComparison.Ordinal) && w.Contains("沭阳县", StringComparison.Ordinal));
    }

    [Fact]
    public void MisreadEverywhere_TextNamingTheCity_KeepsTheCityAndTheLevelOfTheCandidatesItHolds()
    {
        // 沭阳县 and 泗阳县 both lie in 宿迁市 and are one character from 沐阳县: the city and the level are known, the county is not
        var resolution = Resolver.Resolve("沐阳县市场监督管理局", "2023年，在宿迁市委市政府领导下，我局认真落实《条例》。联系电话：0527-83561234。");

        Assert.Equal(("江苏省", "宿迁市", null, "3213", RegionLevels.County),
            (resolution.Region.Province, resolution.Region.City, resolution.Region.County, resolution.Region.Code, resolution.Level));
        Assert.True(resolution.Region.Ambiguous);
        Assert.Equal(["321322", "321323"], resolution.Region.Candidates.Select(c => c.Code).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void MisreadEverywhere_NoOtherEvidence_GivesNoRegion()
    {
        var resolution = Resolver.Resolve("沐阳县市场监督管理局", "2023年，我局认真落实《条例》。");

        Assert.Null(resolution.Region.Code);
        Assert.Null(resolution.Region.County);
    }
}
