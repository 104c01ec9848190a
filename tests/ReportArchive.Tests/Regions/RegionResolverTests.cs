using ReportArchive.Regions;

namespace ReportArchive.Tests.Regions;

public sealed class RegionResolverTests
{
    private static readonly RegionResolver Resolver = RegionResolver.Default;

    private static (string? Province, string? City, string? County, string? Level) Where(RegionResolution resolution) =>
        (resolution.Region.Province, resolution.Region.City, resolution.Region.County, resolution.Level);

    [Fact]
    public void Resolve_HedongWithoutEvidence_StaysAmbiguousWithBothCandidates()
    {
        var resolution = Resolver.Resolve("河东区工信局", "本年度我局认真落实政府信息公开工作。");

        var region = resolution.Region;
        Assert.True(region.Ambiguous);
        Assert.Equal((null, null, null, null), (region.Province, region.City, region.County, region.Code));
        Assert.Equal(["120102", "371312"], region.Candidates.Select(c => c.Code).Order(StringComparer.Ordinal));
        Assert.Contains(region.Candidates, c => c is { Province: "天津市", City: null, County: "河东区" });
        Assert.Contains(region.Candidates, c => c is { Province: "山东省", City: "临沂市", County: "河东区" });
        Assert.Equal(RegionLevels.County, resolution.Level);
        Assert.Contains(resolution.Warnings, w => w.Contains("河东区", StringComparison.Ordinal));
    }

    [Fact]
    public void Resolve_HedongWithTianjinInTheText_GivesTianjin()
    {
        var resolution = Resolver.Resolve("河东区工业和信息化局", "根据天津市人民政府办公厅的通知要求，现公布本年度报告。");

        Assert.Equal(("天津市", null, "河东区", RegionLevels.County), Where(resolution));
        Assert.Equal("120102", resolution.Region.Code);
        Assert.False(resolution.Region.Ambiguous);
    }

    [Fact]
    public void Resolve_HedongWithLinyiShortNameAndShandong_GivesLinyi()
    {
        var resolution = Resolver.Resolve("河东区教育和体育局", "山东临沂河东区教育和体育局发布。");

        Assert.Equal(("山东省", "临沂市", "河东区", RegionLevels.County), Where(resolution));
    }

    [Theory]
    [InlineData("0539-2932177")]
    [InlineData("（0539）2932177")]
    [InlineData("0539－8301234")]
    [InlineData("05392932177")]
    public void Resolve_HedongWithLinyiPhoneNumber_GivesLinyi(string phone)
    {
        var resolution = Resolver.Resolve("河东区财政局", $"联系电话：{phone}。");

        Assert.Equal(("山东省", "临沂市", "河东区", RegionLevels.County), Where(resolution));
    }

    [Fact]
    public void Resolve_HedongWithTianjinPhoneNumber_GivesTianjin()
    {
        var resolution = Resolver.Resolve("河东区财政局", "联系电话：022-24101234");

        Assert.Equal(("天津市", null, "河东区", RegionLevels.County), Where(resolution));
    }

    [Fact]
    public void Resolve_ParentNamedInAgency_DecidesWithoutText()
    {
        Assert.Equal(("天津市", null, "河东区", RegionLevels.County), Where(Resolver.Resolve("天津市河东区民政局", "")));
        Assert.Equal(("山东省", "临沂市", "河东区", RegionLevels.County), Where(Resolver.Resolve("临沂市河东区民政局", "")));
        Assert.Equal(("山东省", "临沂市", "河东区", RegionLevels.County), Where(Resolver.Resolve("临沂河东区民政局", "")));
    }

    [Theory]
    [InlineData("教育部")]
    [InlineData("国家卫生健康委员会")]
    [InlineData("国务院办公厅")]
    [InlineData("海关总署")]
    [InlineData("中华人民共和国生态环境部")]
    public void Resolve_CentralBody_HasLevelCentralAndNoRegion(string agency)
    {
        var resolution = Resolver.Resolve(agency, "北京市西城区西单大木仓胡同37号，联系电话010-66096114。");

        Assert.Equal(RegionLevels.Central, resolution.Level);
        Assert.Equal(ResolvedRegion.None, resolution.Region);
    }

    [Fact]
    public void Resolve_VerticalBranchOfCentralBody_TakesTheRegionItNames()
    {
        var resolution = Resolver.Resolve("国家税务总局郑州市税务局", "");

        Assert.Equal(("河南省", "郑州市", null, RegionLevels.City), Where(resolution));
    }

    [Fact]
    public void Resolve_AgencyNamingItsCityOnlyByShortName_TakesTheCity()
    {
        var resolution = Resolver.Resolve("中国人民银行郑州中心支行", "");

        Assert.Equal(("河南省", "郑州市", null, RegionLevels.City), Where(resolution));
    }

    [Fact]
    public void Resolve_CityBody_HasProvinceAndCityButNoCounty()
    {
        var resolution = Resolver.Resolve("郑州市工业和信息化局", "");

        Assert.Equal(("河南省", "郑州市", null, RegionLevels.City), Where(resolution));
        Assert.Equal("4101", resolution.Region.Code);
    }

    [Fact]
    public void Resolve_ProvinceBody_HasLevelProvince()
    {
        Assert.Equal(("河南省", null, null, RegionLevels.Province), Where(Resolver.Resolve("河南省人民政府办公厅", "")));
        Assert.Equal(("天津市", null, null, RegionLevels.Province), Where(Resolver.Resolve("天津市教育委员会", "")));
    }

    [Fact]
    public void Resolve_TownshipNamingItsCounty_TakesTheCounty()
    {
        var resolution = Resolver.Resolve("萝北县名山镇人民政府", "");

        Assert.Equal(("黑龙江省", "鹤岗市", "萝北县", RegionLevels.Township), Where(resolution));
    }

    [Fact]
    public void Resolve_TownshipWithCountyOnlyInText_TakesTheCountyFromTheText()
    {
        var text = "名山镇人民政府2021年政府信息公开工作年度报告\n在萝北县委、萝北县人民政府的领导下，我镇……";

        var resolution = Resolver.Resolve("名山镇人民政府", text);

        Assert.Equal(("黑龙江省", "鹤岗市", "萝北县", RegionLevels.Township), Where(resolution));
    }

    [Fact]
    public void Resolve_SubdistrictOffice_HasLevelTownship()
    {
        var resolution = Resolver.Resolve("郑州市金水区经八路街道办事处", "");

        Assert.Equal(("河南省", "郑州市", "金水区", RegionLevels.Township), Where(resolution));
    }

    [Fact]
    public void Resolve_TownshipOfNoKnownCountyNamingNone_HasLevelTownshipAndNoRegion()
    {
        // 北岩镇 is in no county of the statistical division codes (名山镇, used here before, is one of 萝北县)
        var resolution = Resolver.Resolve("北岩镇人民政府", "我镇认真落实条例。");

        Assert.Equal(RegionLevels.Township, resolution.Level);
        Assert.Equal(ResolvedRegion.None, resolution.Region);
    }

    [Theory]
    [InlineData("天门市人民政府", "湖北省", "天门市", "429006")]
    [InlineData("仙桃市教育局", "湖北省", "仙桃市", "429004")]
    [InlineData("潜江市财政局", "湖北省", "潜江市", "429005")]
    [InlineData("济源市工业和信息化局", "河南省", "济源市", "419001")]
    [InlineData("神农架林区人民政府", "湖北省", "神农架林区", "429021")]
    public void Resolve_CountyLevelCityDirectlyUnderProvince_HasNoCity(string agency, string province, string county, string code)
    {
        var resolution = Resolver.Resolve(agency, "");

        Assert.Equal((province, null, county, RegionLevels.County), Where(resolution));
        Assert.Equal(code, resolution.Region.Code);
    }

    [Theory]
    [InlineData("延边朝鲜族自治州人民政府", "吉林省", "延边朝鲜族自治州", null, RegionLevels.City)]
    [InlineData("恩施州教育局", "湖北省", "恩施土家族苗族自治州", null, RegionLevels.City)]
    [InlineData("锡林郭勒盟行政公署", "内蒙古自治区", "锡林郭勒盟", null, RegionLevels.City)]
    [InlineData("阿拉善盟阿拉善左旗财政局", "内蒙古自治区", "阿拉善盟", "阿拉善左旗", RegionLevels.County)]
    [InlineData("科尔沁右翼前旗人民政府", "内蒙古自治区", "兴安盟", "科尔沁右翼前旗", RegionLevels.County)]
    [InlineData("长阳县农业农村局", "湖北省", "宜昌市", "长阳土家族自治县", RegionLevels.County)]
    [InlineData("长白朝鲜族自治县人民政府", "吉林省", "白山市", "长白朝鲜族自治县", RegionLevels.County)]
    [InlineData("大兴安岭地区行政公署", "黑龙江省", "大兴安岭地区", null, RegionLevels.City)]
    [InlineData("六枝特区人民政府", "贵州省", "六盘水市", "六枝特区", RegionLevels.County)]
    public void Resolve_AutonomousPrefectureLeagueAndBanner_AreFound(
        string agency, string province, string city, string? county, string level)
    {
        Assert.Equal((province, city, county, level), Where(Resolver.Resolve(agency, "")));
    }

    [Fact]
    public void Resolve_GarbledNameWithAContradictingPhone_IsNotRepaired()
    {
        // 灋河回族区 reads as 瀍河回族区 (洛阳, 0379) only when nothing points elsewhere: 0371 is 郑州.
        var resolution = Resolver.Resolve("灋河回族区科技和工业信息化局", "联系电话：0371-12345678");

        Assert.Null(resolution.Region.County);
        Assert.Contains(resolution.Warnings, w => w.Contains("灋河回族区", StringComparison.Ordinal));
    }

    [Fact]
    public void Resolve_GarbledNameUnderItsCity_IsRepaired()
    {
        var resolution = Resolver.Resolve("洛阳市灋河回族区人民政府", "");

        Assert.Equal(("河南省", "洛阳市", "瀍河回族区", RegionLevels.County), Where(resolution));
        Assert.Single(resolution.Warnings);
    }

    [Fact]
    public void Resolve_ShortWordOneCharacterFromADistrict_IsNotTakenForIt()
    {
        // 开发区 is one character from 开平区 (唐山市): three characters need support in the text.
        var resolution = Resolver.Resolve("开发区管委会", "");

        Assert.Equal(ResolvedRegion.None, resolution.Region);
        Assert.Empty(resolution.Warnings);
    }

    [Fact]
    public void Resolve_AgencyWithoutDivision_TakesTheMostMentionedDivisionOfItsLevel()
    {
        var text = "区工信局2021年政府信息公开工作年度报告\n根据临沂市河东区人民政府的部署，河东区工信局……河东区……";

        var resolution = Resolver.Resolve("区工信局", text);

        Assert.Equal(("山东省", "临沂市", "河东区", RegionLevels.County), Where(resolution));
    }

    [Fact]
    public void Resolve_CountyAgencyWhoseTextNamesOnlyItsCity_KeepsLevelCounty()
    {
        var resolution = Resolver.Resolve("区工信局", "在临沂市委、市政府的领导下，临沂市……");

        Assert.Equal(("山东省", "临沂市", null, RegionLevels.County), Where(resolution));
    }

    [Fact]
    public void Resolve_WholeTitleLinePassedAsAgency_ReadsOnlyTheName()
    {
        var resolution = Resolver.Resolve("# 海原县工业信息化和商务局 2021年政府信息公开工作年度报告", "");

        Assert.Equal(("宁夏回族自治区", "中卫市", "海原县", RegionLevels.County), Where(resolution));
    }

    [Fact]
    public void Resolve_UniqueNameWithPhoneElsewhere_KeepsTheNameAndWarns()
    {
        var resolution = Resolver.Resolve("萝北县财政局", "联系电话：0371-12345678");

        Assert.Equal("萝北县", resolution.Region.County);
        Assert.Contains(resolution.Warnings, w => w.Contains("0371", StringComparison.Ordinal));
    }

    [Fact]
    public void Resolve_SharedNameInOneProvince_KeepsTheSharedProvince()
    {
        // 城区 is a district of 阳泉市 and of 晋城市, both in 山西省.
        var resolution = Resolver.Resolve("山西省城区人民政府", "");

        Assert.True(resolution.Region.Ambiguous);
        Assert.Equal(("山西省", null, "14"), (resolution.Region.Province, resolution.Region.City, resolution.Region.Code));
        Assert.Equal(2, resolution.Region.Candidates.Count);
    }

    [Fact]
    public void Resolve_WordLikeDistrictNameAlone_IsNotARegion()
    {
        Assert.Equal(ResolvedRegion.None, Resolver.Resolve("城区管理局", "").Region);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("", "")]
    [InlineData("县", "区")]
    [InlineData("0539-", "0539")]
    [InlineData("市市市市市市市市市市市市市市", "（（（（）））")]
    [InlineData("\uD800河东区", "\uDFFF")]
    public void Resolve_OddInput_DoesNotThrow(string? agency, string? text)
    {
        var resolution = Resolver.Resolve(agency!, text!);

        Assert.NotNull(resolution.Region);
    }

    [Fact]
    public void Resolve_RandomInput_NeverThrows()
    {
        var random = new Random(2260);
        var alphabet = "河东区县市省洛阳灋瀍回族自治州盟旗镇乡街道人民政府办公室工信局0123456789-（）() .gov.cn临沂天津".ToCharArray();
        for (var i = 0; i < 2000; i++)
        {
            var agency = new string(Enumerable.Range(0, random.Next(0, 20)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
            var text = new string(Enumerable.Range(0, random.Next(0, 200)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());

            var resolution = Resolver.Resolve(agency, text);

            Assert.True(resolution.Level is null or "central" or "province" or "city" or "county" or "township");
            Assert.Equal(resolution.Region.Ambiguous, resolution.Region.Ambiguous && resolution.Region.Candidates.Count > 1);
        }
    }

    [Fact]
    public void Resolve_HugeInput_StaysFast()
    {
        var agency = string.Concat(Enumerable.Repeat("河东区临沂", 20_000));
        var text = string.Concat(Enumerable.Repeat("河东区0539-2932177临沂市", 50_000));
        var watch = System.Diagnostics.Stopwatch.StartNew();

        var resolution = Resolver.Resolve(agency, text);

        Assert.True(watch.ElapsedMilliseconds < 2_000, $"{watch.ElapsedMilliseconds} ms");
        Assert.Equal("河东区", resolution.Region.County);
    }

    [Fact]
    public void Default_IsOneSharedInstance()
    {
        Assert.Same(RegionResolver.Default, RegionResolver.Default);
    }

    [Theory]
    [InlineData("平潭综合实验区公安局", "福建省", "平潭综合实验区", null, "city")]
    [InlineData("平潭综合实验区金井片区管理局", "福建省", "平潭综合实验区", null, "township")]
    [InlineData("西咸新区底张街道办事处", "陕西省", "西咸新区", null, "township")]
    [InlineData("上海市长宁区周家桥街道办事处", "上海市", null, "长宁区", "township")]
    [InlineData("杭州市滨江区人民政府长河街道办事处", "浙江省", "杭州市", "滨江区", "township")]
    [InlineData("京山市卫生健康局", "湖北省", "荆门市", "京山市", "county")]
    [InlineData("国家税务总局芜湖市镜湖区税务局", "安徽省", "芜湖市", "镜湖区", "county")]
    [InlineData("国家税务总局", null, null, null, "central")]
    [InlineData("自然资源部", null, null, null, "central")]
    public void Resolve_ZonesMunicipalitiesTownshipsAndCentralBodies(string agency, string? province, string? city, string? county, string level)
    {
        // The text names Beijing (where a central body sits) and 福州市: neither outweighs the agency name.
        var resolution = Resolver.Resolve(agency, "地址：北京市海淀区。福州市、福州市。");
        Assert.Equal((province, city, county, level), Where(resolution));
    }

    [Fact]
    public void Resolve_NoAgency_TheOnlyPlaceNamedByItsShortNameTwice()
    {
        var resolution = Resolver.Resolve("", "特向社会公布我委年度报告。充分利用“健康朔州官微”微信公众号、“健康朔州官方”头条号宣传。");
        Assert.Equal(("山西省", "朔州市", null, RegionLevels.City), Where(resolution));
        Assert.Equal((null, null, null, null), Where(Resolver.Resolve("", "充分利用“健康朔州官微”微信公众号。")));
    }
}
