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
    [InlineData("苏州市人民政府办公室关于苏州市2022年政府信息公开工作年度报告", "苏州市人民政府办公室", 2022)]
    [InlineData("关于印发《某市财政局2021年政府信息公开工作年度报告》的通知", "某市财政局", 2021)]
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

    [Fact]
    public void CrawlerHeader_GivesTitleDateAndAddress_NeverALabelAsAgency()
    {
        const string text = """
            标题: 平潭综合实验区市场监督管理局2022年度政府信息公开工作年度报告
            发布时间: 2023-01-05 16:08
            文号: 
            发布机构: 
            栏目: 政府信息公开年报
            原文链接: https://www.pingtan.gov.cn/zwgk/zfxxgknb/202301/t20230105_80615.htm
            本地目录: zwgk/zfxxgknb/202301/80615_平潭综合实验区市场监督管理局2022年度政府信息公开工作年度报告
            ==================== 正文 ====================
            根据新修订的《中华人民共和国政府信息公开条例》……
            """;
        var title = TitleExtractor.FindTitle(text);
        Assert.Equal("平潭综合实验区市场监督管理局2022年度政府信息公开工作年度报告", title);
        Assert.Equal("平潭综合实验区市场监督管理局", TitleExtractor.FindAgency(title!));
        Assert.Equal(new DateOnly(2023, 1, 5), PageFurniture.PublishedAt(text));
        Assert.Equal("https://www.pingtan.gov.cn/zwgk/zfxxgknb/202301/t20230105_80615.htm", PageFurniture.SourceUrl(text));
    }

    [Theory]
    [InlineData("当前位置: 首页>政府信息公开>银川市自然资源局>政府信息公开年报\n\n银川市自然资源局2022年政府信息公开工作年度报告\n根据……", "银川市自然资源局", 2022)]
    [InlineData("关怀版 无障碍\n您当前所在位置: 首页 > 乡镇信息公开 > 中村乡 > 政务信息公开年报\n中村乡2020年政府信息公开工作年度报告\n访问量:\n", "中村乡", 2020)]
    [InlineData("明升体育\n图片\n鸭南乡2021年政府信息公开工作年度报告\n打印\n一、总体情况", "鸭南乡", 2021)]
    [InlineData("【字体：大 中 小】 打印 关闭\n文件名称: | |||\n邵阳市人民政府办公室\n2020年政府信息公开工作年度报告\n根据……", "邵阳市人民政府办公室", 2020)]
    [InlineData("千金乡人民政府2021年信息公开年度报告\n浏览:3320次", "千金乡人民政府", 2021)]
    [InlineData("2022年上海市政府信息公开工作年度报告\n字号:\n", "上海市", 2022)]
    [InlineData("政府信息公开工作年度报告（2023年）——沭阳县教育局\n一、总体情况\n", "沭阳县教育局", 2023)]
    [InlineData("宿迁市自然资源和规划局——2023年政府信息公开工作年度报告\n一、总体情况\n", "宿迁市自然资源和规划局", 2023)]
    public void PageFurniture_IsSkipped_AndATitleOverTwoLinesJoined(string text, string agency, int year)
    {
        var title = TitleExtractor.FindTitle(text);
        Assert.NotNull(title);
        Assert.Equal(agency, TitleExtractor.FindAgency(title));
        Assert.Equal(year, TitleExtractor.FindYear(title, text));
    }

    [Theory]
    [InlineData("根据《条例》(2007年4月5日国务院令第492号公布),特向社会公布国家税务总局佛山市税务局(以下简称“佛山市税务局”)2021年政府信息公开工作年度报告。", "国家税务总局佛山市税务局", 2021)]
    [InlineData("根据《条例》相关要求,现公布朝阳市自然资源局2025年度政府信息公开工作报告。本报告所列数据", "朝阳市自然资源局", 2025)]
    [InlineData("根据《条例》,特向社会公布2017年国家税务总局政府信息公开年度报告。", "国家税务总局", 2017)]
    public void TitleAnnouncedInTheProse_GivesAgencyAndYear_NotAYearOfTheCitedRegulation(string text, string agency, int year)
    {
        var title = TitleExtractor.FindTitle(text);
        Assert.NotNull(title);
        Assert.Equal(agency, TitleExtractor.FindAgency(title));
        Assert.Equal(year, TitleExtractor.FindYear(title, text));
    }

    [Theory]
    [InlineData("本年度报告根据《条例》要求,由上海市长宁区周家桥街道办事处编制,全文包括总体情况。", "上海市长宁区周家桥街道办事处")]
    [InlineData("本报告依据《条例》要求,结合国家税务总局芜湖市镜湖区税务局(以下简称“镜湖区税务局”)政府信息公开工作有关统计数据撰写。", "国家税务总局芜湖市镜湖区税务局")]
    [InlineData("结合2023年杭州市滨江区长河街道各科室的信息公开工作实际情况编制本报告。如对本年度报告有疑问,请联系:杭州市滨江区人民政府长河街道办事处;联系电话", "杭州市滨江区人民政府长河街道办事处")]
    [InlineData("现将我委2024年政府信息公开工作情况汇报如下。如对本报告有疑问,请联系重庆市江北区教育委员会办公室,地址:重庆市江北区金港新区16号", "重庆市江北区教育委员会")]
    public void NoTitle_TheAgencyComesFromTheProse(string text, string agency)
    {
        Assert.Equal(agency, TitleExtractor.FindAgencyInProse(text));
    }

    [Fact]
    public void AReportStartingWithItsFirstHeading_HasNoTitle()
    {
        Assert.Null(TitleExtractor.FindTitle("一、总体情况\n为贯彻落实好《条例》,现将我委2024年政府信息公开工作情况汇报如下:"));
    }

    [Fact]
    public void ProseThatOnlySaysWe_NamesNoAgency()
    {
        Assert.Null(TitleExtractor.FindAgencyInProse("根据《条例》要求,特向社会公布我委政府信息公开工作年度报告。"));
    }

    [Theory]
    [InlineData("2022年政府信息公开工作年度报告\n东营市河口区人民政府\n一、总体情况\n本年度我区认真落实《条例》。", "东营市河口区人民政府")]
    [InlineData("政府信息公开工作年度报告（2022年）\n单位：桐乡市发展和改革局\n一、总体情况", "桐乡市发展和改革局")]
    [InlineData("标题: 2023年度政府信息公开工作年度报告\n发布机构: 平潭综合实验区教育局\n==== 正文 ====\n一、总体情况", "平潭综合实验区教育局")]
    [InlineData("2022年政府信息公开工作年度报告\n一、总体情况\n本年度我区认真落实《条例》。\n六、其他需要报告的事项\n无。\n东营市河口区人民政府\n2023年1月20日", "东营市河口区人民政府")]
    public void TitleWithoutAgency_TheAuthorComesFromTheLineUnderIt_ALabelOrTheSignature(string text, string agency)
    {
        Assert.Equal(agency, TitleExtractor.FindAgencyBesideTitle(text, TitleExtractor.FindTitle(text)));
    }

    [Theory]
    [InlineData("2022年政府信息公开工作年度报告\n一、总体情况\n我局认真落实《条例》。\n2023年1月20日")]
    [InlineData("标题: 2023年度政府信息公开工作年度报告\n发布机构: 桌面\n一、总体情况\n本年度我局认真落实《条例》。")]
    public void NoAuthorLineLabelOrSignature_NamesNoAgency(string text)
    {
        Assert.Null(TitleExtractor.FindAgencyBesideTitle(text, TitleExtractor.FindTitle(text)));
    }
}
