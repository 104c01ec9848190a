using ReportArchive.Ingestion;
using ReportArchive.Tests.Fixtures;

namespace ReportArchive.Tests.Ingestion;

public sealed class TitleExtractorTests
{
    [Theory]
    [InlineData("000", "河东区工信局 2021 年政府信息公开工作 年度报告", "河东区工信局", 2021)]
    [InlineData("001", "萝北县工业信息科技局 关于 2020 年度政府信息公开工作的报告", "萝北县工业信息科技局", 2020)]
    [InlineData("002", "灋河回族区科技和工业信息化局 2023 年政府信息公开工作年度报告", "灋河回族区科技和工业信息化局", 2023)]
    [InlineData("003", "海原县工业信息化和商务局 2021年政府信息公开工作年度报告", "海原县工业信息化和商务局", 2021)]
    [InlineData("004", "郑州市工业和信息化局2021年政府信息公开工作年度报告", "郑州市工业和信息化局", 2021)]
    public void Seed_TitleAgencyAndYear(string seed, string title, string agency, int year)
    {
        var text = RepositoryFiles.SeedText(seed);
        var foundTitle = TitleExtractor.FindTitle(text);
        Assert.Equal(title, foundTitle);
        Assert.Equal(agency, TitleExtractor.FindAgency(foundTitle!));
        Assert.Equal(year, TitleExtractor.FindYear(foundTitle, text));
    }

    [Theory]
    [InlineData("2022年北京市海淀区人民政府政府信息公开工作年度报告", "北京市海淀区人民政府", 2022)]
    [InlineData("**《教育部2021年政府信息公开工作年度报告》**", "教育部", 2021)]
    [InlineData("某某镇人民政府关于2019年度政务公开工作的报告", "某某镇人民政府", 2019)]
    public void OtherTitleShapes_GiveTheAgencyAndYear(string title, string agency, int year)
    {
        Assert.Equal(agency, TitleExtractor.FindAgency(TitleExtractor.FindTitle(title)!));
        Assert.Equal(year, TitleExtractor.FindYear(TitleExtractor.FindTitle(title), title));
    }

    [Fact]
    public void TitleWithoutYear_TakesTheYearOfTheStatisticsPeriod()
    {
        const string text = "某局政府信息公开工作年度报告\n本报告所列数据统计期限为 2022 年 1 月 1 日至 2022 年 12 月 31 日。";
        Assert.Equal(2022, TitleExtractor.FindYear(TitleExtractor.FindTitle(text), text));
    }
}
