using ReportArchive.Agencies;

namespace ReportArchive.Tests.Agencies;

public sealed class AgencyTypeClassifierTests
{
    private static readonly AgencyTypeClassifier Classifier = AgencyTypeClassifier.Default;

    [Theory]
    [InlineData("河东区工信局", new[] { "工业和信息化" })]
    [InlineData("萝北县工业信息科技局", new[] { "工业和信息化", "科技" })]
    [InlineData("灋河回族区科技和工业信息化局", new[] { "科技", "工业和信息化" })]
    [InlineData("海原县工业信息化和商务局", new[] { "工业和信息化", "商务" })]
    [InlineData("郑州市工业和信息化局", new[] { "工业和信息化" })]
    public void Classify_SeedAgencies_GiveTheirLabelsInOrder(string agency, string[] expected)
    {
        Assert.Equal(expected, Classifier.Classify(agency));
    }

    [Theory]
    [InlineData("某县卫健委", "卫生健康")]
    [InlineData("某市发改委", "发展和改革")]
    [InlineData("某区人社局", "人力资源和社会保障")]
    [InlineData("某县住建局", "住房和城乡建设")]
    [InlineData("某市市监局", "市场监督管理")]
    [InlineData("某县医保局", "医疗保障")]
    [InlineData("某县民宗局", "民族宗教")]
    [InlineData("某市国资委", "国有资产监督管理")]
    [InlineData("某县退役军人事务局", "退役军人事务")]
    [InlineData("某区应急管理局", "应急管理")]
    [InlineData("某县林业和草原局", "林业和草原")]
    [InlineData("某市信访局", "信访")]
    [InlineData("某市政务服务和数据管理局", "政务服务和数据管理")]
    [InlineData("某市行政审批服务局", "政务服务和数据管理")]
    [InlineData("某县统计局", "统计")]
    [InlineData("某县审计局", "审计")]
    [InlineData("某县水务局", "水利")]
    [InlineData("某县生态环境分局", "生态环境")]
    [InlineData("某县自然资源局", "自然资源")]
    [InlineData("某县交通运输局", "交通运输")]
    [InlineData("某县司法局", "司法")]
    [InlineData("某县民政局", "民政")]
    [InlineData("某县财政局", "财政")]
    [InlineData("某县公安局", "公安")]
    [InlineData("某县农业农村局", "农业农村")]
    [InlineData("某县文化和旅游局", "文化和旅游")]
    [InlineData("教育部", "教育")]
    [InlineData("国家卫生健康委员会", "卫生健康")]
    public void Classify_DepartmentOrAbbreviation_GivesItsCanonicalLabel(string agency, string label)
    {
        Assert.Equal([label], Classifier.Classify(agency));
    }

    [Theory]
    [InlineData("某县教育和体育局", new[] { "教育", "体育" })]
    [InlineData("某县教体局", new[] { "教育", "体育" })]
    [InlineData("某县文化广电体育和旅游局", new[] { "文化和旅游", "体育" })]
    [InlineData("某县农业农村和水利局", new[] { "农业农村", "水利" })]
    [InlineData("某县科技和工业信息化局", new[] { "科技", "工业和信息化" })]
    [InlineData("某县发展和改革局（统计局）", new[] { "发展和改革", "统计" })]
    public void Classify_MergedBureau_CarriesEveryLabelInOrder(string agency, string[] expected)
    {
        Assert.Equal(expected, Classifier.Classify(agency));
    }

    [Theory]
    [InlineData("河东区人民政府", "人民政府")]
    [InlineData("某县政府", "人民政府")]
    [InlineData("河南省人民政府办公厅", "人民政府办公室")]
    [InlineData("某县人民政府办公室", "人民政府办公室")]
    [InlineData("某区政府办", "人民政府办公室")]
    [InlineData("国务院办公厅", "人民政府办公室")]
    [InlineData("汤河镇人民政府", "乡镇")]
    [InlineData("某某民族乡人民政府", "乡镇")]
    [InlineData("某镇", "乡镇")]
    [InlineData("经八路街道办事处", "街道办事处")]
    [InlineData("某某街道", "街道办事处")]
    public void Classify_GovernmentsOfficesTownshipsAndSubdistricts(string agency, string label)
    {
        Assert.Equal([label], Classifier.Classify(agency));
    }

    [Fact]
    public void Classify_PlaceNameThatLooksLikeADepartment_IsNotTakenForIt()
    {
        Assert.Equal(["人民政府"], Classifier.Classify("公安县人民政府"));
        Assert.Equal(["公安"], Classifier.Classify("公安县公安局"));
    }

    [Fact]
    public void Classify_WholeTitleLine_IgnoresThe政府OfTheTitle()
    {
        Assert.Equal(["工业和信息化"], Classifier.Classify("河东区工信局 2021 年政府信息公开工作 年度报告"));
        Assert.Equal(["工业和信息化", "科技"], Classifier.Classify("萝北县工业信息科技局 关于 2020 年度政府信息公开工作的报告"));
    }

    [Theory]
    [InlineData("某县党群工作部")]
    [InlineData("")]
    [InlineData(null)]
    public void Classify_NoKnownDepartment_GivesOther(string? agency)
    {
        Assert.Equal(["其他"], Classifier.Classify(agency!));
    }

    [Fact]
    public void Labels_AreTheDocumentedTaxonomyInOrder()
    {
        Assert.Equal("人民政府", AgencyTypeClassifier.Labels[0]);
        Assert.Equal("其他", AgencyTypeClassifier.Labels[^1]);
        Assert.Equal(89, AgencyTypeClassifier.Labels.Count);
        Assert.Equal(AgencyTypeClassifier.Labels.Count, AgencyTypeClassifier.Labels.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Forms_OnlyNameLabelsOfTheTaxonomy()
    {
        Assert.All(AgencyTypes.Forms.SelectMany(f => f.Labels), label => Assert.Contains(label, AgencyTypeClassifier.Labels));
        Assert.All(AgencyTypes.Endings, e => Assert.Contains(e.Label, AgencyTypeClassifier.Labels));
    }

    [Theory]
    [InlineData("平潭综合实验区管委会", new[] { "人民政府" })]
    [InlineData("某某开发区管委会办公室", new[] { "人民政府办公室" })]
    [InlineData("上海市", new[] { "人民政府" })]
    [InlineData("平潭综合实验区", new[] { "人民政府" })]
    [InlineData("某某高新区管理委员会", new[] { "人民政府" })]
    [InlineData("国家税务总局芜湖市镜湖区税务局", new[] { "税务" })]
    [InlineData("平潭综合实验区地方税务局", new[] { "税务" })]
    [InlineData("某区社会事业局", new[] { "社会事业" })]
    [InlineData("某区投资促进局", new[] { "投资促进" })]
    [InlineData("贵州省机关事务管理局", new[] { "机关事务" })]
    [InlineData("广元市人民政府以工代赈办公室", new[] { "以工代赈" })]
    [InlineData("某省人民政府参事室", new[] { "参事室" })]
    [InlineData("平潭综合实验区君山片区管理局", new[] { "片区管理局" })]
    [InlineData("某区经济发展局", new[] { "发展和改革" })]
    [InlineData("杭州市滨江区人民政府长河街道办事处", new[] { "街道办事处" })]
    [InlineData("某省公安厅", new[] { "公安" })]
    [InlineData("重庆市江北区教育委员会", new[] { "教育" })]
    [InlineData("朔州市卫生健康委员会", new[] { "卫生健康" })]
    public void Classify_ZoneCommitteesGovernmentsByPlaceAndDepartmentsUnderAGovernment(string agency, string[] expected)
    {
        Assert.Equal(expected, Classifier.Classify(agency));
    }

    /// <summary>Real bodies of every level that a national archive holds beside the core departments; each came out as 其他 before.</summary>
    [Theory]
    [InlineData("郑州市城市管理局", new[] { "城市管理" })]
    [InlineData("北京市城市管理委员会", new[] { "城市管理" })]
    [InlineData("某县城市管理和综合执法局", new[] { "城市管理", "综合行政执法" })]
    [InlineData("平潭综合实验区综合执法与应急管理局", new[] { "综合行政执法", "应急管理" })]
    [InlineData("上海市绿化和市容管理局", new[] { "园林绿化", "城市管理" })]
    [InlineData("济南市人民防空办公室", new[] { "人民防空" })]
    [InlineData("安徽省粮食和物资储备局", new[] { "粮食和物资储备" })]
    [InlineData("贵州省扶贫开发办公室", new[] { "乡村振兴" })]
    [InlineData("长沙市人民政府金融工作办公室", new[] { "地方金融监督管理" })]
    [InlineData("平潭综合实验区财政金融局", new[] { "财政", "地方金融监督管理" })]
    [InlineData("浙江省人民政府外事办公室", new[] { "外事" })]
    [InlineData("平潭综合实验区台湾事务办公室", new[] { "台湾事务" })]
    [InlineData("湖南省人民政府研究室", new[] { "研究室" })]
    [InlineData("成都市住房公积金管理中心", new[] { "住房公积金" })]
    [InlineData("天津市机构编制委员会办公室", new[] { "机构编制" })]
    [InlineData("江西省药品监督管理局", new[] { "药品监督管理" })]
    [InlineData("某县食品药品监督管理局", new[] { "市场监督管理" })]
    [InlineData("平潭综合实验区城乡规划局", new[] { "自然资源" })]
    [InlineData("海关总署", new[] { "海关" })]
    [InlineData("中国人民银行", new[] { "人民银行" })]
    [InlineData("国家知识产权局", new[] { "知识产权" })]
    [InlineData("国家中医药管理局", new[] { "中医药" })]
    [InlineData("某市残疾人联合会", new[] { "残疾人联合会" })]
    [InlineData("某省科学技术协会", new[] { "科学技术协会" })]
    [InlineData("阿拉善盟行政公署", new[] { "人民政府" })]
    public void Classify_BodiesBesideTheCoreDepartments_GetTheirOwnLabel(string agency, string[] expected)
    {
        Assert.Equal(expected, Classifier.Classify(agency));
    }

    /// <summary>A body under a government that no form names is not the government itself.</summary>
    [Theory]
    [InlineData("北京市人民政府驻上海办事处")]
    [InlineData("平潭综合实验区管委会党群工作部")]
    public void Classify_AnUnnamedBodyUnderAGovernment_IsOther(string agency)
    {
        Assert.Equal(["其他"], Classifier.Classify(agency));
    }

    /// <summary>A report that never names its body: the type is inferred only when it speaks as a department and one stands out.</summary>
    [Theory]
    [InlineData("特向社会公布我委政府信息公开工作年度报告。医疗卫生256篇。增加卫生健康重点领域公开力度。公共卫生安全。财政信息18篇。", new[] { "卫生健康" })]
    [InlineData("我区认真落实。医疗卫生256篇。卫生健康重点领域。公共卫生安全。", new string[0])] // a government speaks as 我区
    [InlineData("我局认真落实。财政信息3篇，财政预算，财政决算；教育信息2篇，教育收费。", new string[0])] // 3 against 2: none stands out
    [InlineData("我局认真落实《条例》。", new string[0])]
    public void InferFromProse_NamesTheDepartmentTheReportSpeaksFor_OnlyWhenOneStandsOut(string text, string[] expected)
    {
        Assert.Equal(expected, Classifier.InferFromProse(text));
    }

    [Fact]
    public void Labels_AreAllDocumentedInDocsAgencyTypes()
    {
        var doc = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "agency-types.md"));

        Assert.All(AgencyTypeClassifier.Labels, label => Assert.Contains($"| {label} |", doc, StringComparison.Ordinal));
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ReportArchive.sln")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException("ReportArchive.sln not found");
    }
}
