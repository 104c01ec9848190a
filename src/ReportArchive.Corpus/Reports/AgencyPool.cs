namespace ReportArchive.Corpus.Reports;

/// <summary>
/// The bodies generated reports are written by: places across provinces (河东区 twice, in 天津市 and 临沂市), combined
/// with department names of the national taxonomy, merged bureaus and abbreviations included.
/// </summary>
public static class AgencyPool
{
    private static readonly (string Province, string? City, string? County, string Phone)[] Places =
    [
        ("山东省", "临沂市", "河东区", "0539"), ("天津市", "天津市", "河东区", "022"), ("黑龙江省", "鹤岗市", "萝北县", "0468"),
        ("河南省", "洛阳市", "瀍河回族区", "0379"), ("宁夏回族自治区", "中卫市", "海原县", "0955"), ("河南省", "郑州市", null, "0371"),
        ("广东省", "广州市", "天河区", "020"), ("浙江省", "杭州市", "西湖区", "0571"), ("四川省", "成都市", "武侯区", "028"),
        ("湖北省", "武汉市", "江岸区", "027"), ("湖北省", "天门市", null, "0728"), ("江苏省", "苏州市", "吴中区", "0512"),
        ("北京市", "北京市", "海淀区", "010"), ("上海市", "上海市", "浦东新区", "021"), ("云南省", "昆明市", "五华区", "0871"),
        ("内蒙古自治区", "锡林郭勒盟", "正蓝旗", "0479"), ("吉林省", "延边朝鲜族自治州", "延吉市", "0433"), ("甘肃省", "兰州市", null, "0931"),
        ("福建省", "厦门市", "思明区", "0592"), ("陕西省", "西安市", "雁塔区", "029"), ("贵州省", "遵义市", "汇川区", "0851"),
        ("江西省", "南昌市", null, "0791"), ("湖南省", "长沙市", "岳麓区", "0731"), ("辽宁省", "大连市", "甘井子区", "0411"),
    ];

    private static readonly string[] Departments =
    [
        "工业和信息化局", "工信局", "科技和工业信息化局", "工业信息化和商务局", "人民政府", "人民政府办公室", "发展和改革委员会",
        "教育局", "公安局", "民政局", "司法局", "财政局", "人力资源和社会保障局", "自然资源局", "生态环境局", "住房和城乡建设局",
        "交通运输局", "水利局", "农业农村局", "商务局", "文化和旅游局", "卫生健康委员会", "卫健委", "退役军人事务局", "应急管理局",
        "审计局", "市场监督管理局", "统计局", "医疗保障局", "林业和草原局", "体育局", "信访局", "政务服务和数据管理局",
    ];

    public static SampleAgency Pick(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var (province, city, county, phone) = Places[random.Next(Places.Length)];
        var department = Departments[random.Next(Departments.Length)];
        var place = county ?? city ?? province;
        return new SampleAgency(place + department, province, city, county, county is null ? "city" : "county", phone);
    }
}
