using System.Globalization;

namespace ReportArchive.Testing;

/// <summary>
/// A small corpus where district names repeat, as they do in GB/T 2260: 鼓楼区 in 徐州市 (3 reports), 南京市 (2),
/// 福州市 (2) and 开封市 (1); 西湖区 in 杭州市 and 南昌市; beside them 徐州市's 云龙区, the city-level 徐州市教育局 and a
/// district of a municipality (北京市东城区). Each report is a short but well-formed annual report whose agency name
/// places it (the resolver gives the codes listed in <see cref="Reports"/>).
/// </summary>
internal static class RepeatedDistrictReports
{
    /// <summary>The reports: agency, year and the division code the archive records for it.</summary>
    public static IReadOnlyList<(string Agency, int Year, string Code)> Reports { get; } =
    [
        ("徐州市鼓楼区教育局", 2021, "320302"),
        ("徐州市鼓楼区财政局", 2022, "320302"),
        ("徐州市鼓楼区民政局", 2021, "320302"),
        ("南京市鼓楼区教育局", 2021, "320106"),
        ("南京市鼓楼区司法局", 2022, "320106"),
        ("福州市鼓楼区教育局", 2021, "350102"),
        ("福州市鼓楼区民政局", 2022, "350102"),
        ("开封市鼓楼区教育局", 2021, "410204"),
        ("徐州市云龙区教育局", 2021, "320303"),
        ("徐州市教育局", 2022, "3203"),
        ("杭州市西湖区教育局", 2021, "330106"),
        ("南昌市西湖区教育局", 2022, "360103"),
        ("北京市东城区教育委员会", 2021, "110101"),
    ];

    /// <summary>How many reports lie within a division code (the code itself or below it).</summary>
    public static int CountWithin(string code) => Reports.Count(r => r.Code.StartsWith(code, StringComparison.Ordinal));

    /// <summary>Writes one text file per report into <paramref name="directory"/> (created) and returns it.</summary>
    public static string WriteTo(string directory)
    {
        Directory.CreateDirectory(directory);
        for (var i = 0; i < Reports.Count; i++)
        {
            var (agency, year, _) = Reports[i];
            var text = string.Create(CultureInfo.InvariantCulture, $"""
                {agency}{year}年政府信息公开工作年度报告

                一、总体情况

                {year}年，{agency}认真贯彻落实《中华人民共和国政府信息公开条例》，全年主动公开政府信息{100 + i}条，
                办理政府信息公开申请{i + 1}件，未发生行政复议和行政诉讼。

                六、其他需要报告的事项

                无。

                """);
            File.WriteAllText(Path.Combine(directory, string.Create(CultureInfo.InvariantCulture, $"district-{i:D2}.txt")), text);
        }

        return directory;
    }
}
