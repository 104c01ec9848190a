using System.Text;

namespace ReportArchive.Corpus.Reports;

/// <summary>Writes the narrative parts of a report from many sentence patterns, with counts that vary.</summary>
internal static class NarrativeWriter
{
    private static readonly string[] OverviewPatterns =
    [
        "{year}年，{short}认真贯彻落实《中华人民共和国政府信息公开条例》，坚持“以公开为常态、不公开为例外”，进一步完善政府信息公开指南。",
        "全年在政府网站公开各类信息{n}余条，其中机构设置、三定方案{m}条，政策文件及相关解读{k}条。",
        "{year}年共收到政府信息公开申请{m}件，均已按时办结，未发生因政府信息公开引起的行政复议、行政诉讼。",
        "持续加强政务新媒体管理，通过微信公众号发布信息{n}条，回应网民留言{k}条。",
        "严格落实信息发布审核制度，做到先审后发，确保信息发布的时效性、保密性、安全性和合规性。",
        "办理人大代表建议{k}件、政协委员提案{m}件，办结答复率100%。",
        "组织召开新闻发布会{k}次，发布政策解读信息{m}条，开展征集调查{k}期。",
        "依申请公开工作方面，明确受理、审查、处理、答复各环节流程，规范办理依申请公开事项。",
        "建立健全政府信息公开保密审查制度，按照“谁公开、谁审查、谁负责”的原则审核后公开。",
        "维护专栏专题{k}个，对网站主动公开目录进行及时更新和调整。",
        "收到12345政务服务便民热线转办件{n}件、网站信箱来信{m}件。",
        "加强政府信息管理，梳理规范性文件{m}件，清理废止{k}件。",
        "本年度共收取信息处理费0元，无减免情况。",
        "全面推进政务公开标准化规范化建设，梳理公开事项目录{k}项。",
    ];

    private static readonly string[] ProblemPatterns =
    [
        "一是政府信息公开工作重要性认识还不够，信息公开不够规范；二是信息公开的内容不够充实，网上信息更新不够及时。",
        "政务公开相关政策、知识掌握不够，业务水平有待提高，公开信息宣传力度不够，社会知晓度不高。",
        "个别政策文件征集社会公众意见时长不够，政策解读形式较为单一。",
        "下一步，将进一步拓宽信息公开渠道，加大政策解读力度，提升政府信息公开工作水平。",
        "加强业务培训，提升工作人员的政治素养和业务能力，杜绝严重表述错误的情况出现。",
        "将政府信息公开工作更好地融入日常业务工作，确保政务信息及时、准确、规范的对外公开。",
    ];

    public static string Preamble(SampleAgency agency, int year, Random random) =>
        $"本年度报告是根据《中华人民共和国政府信息公开条例》要求，由{agency.Name}编制。本年度报告中所列数据统计期限为 {year} 年 1 月 1 日至 {year} 年 12 月 31 日。" +
        $"如对本报告有疑问，请联系{agency.Name}办公室，联系电话：{agency.PhoneAreaCode}-{random.Next(2000000, 8999999)}。";

    public static string Overview(SampleAgency agency, int year, Random random) => Paragraphs(OverviewPatterns, agency, year, random, 3, 7);

    public static string ProblemsAndImprovements(SampleAgency agency, int year, Random random) => Paragraphs(ProblemPatterns, agency, year, random, 1, 3);

    private static string Paragraphs(string[] patterns, SampleAgency agency, int year, Random random, int min, int max)
    {
        var text = new StringBuilder();
        var count = random.Next(min, max + 1);
        for (var i = 0; i < count; i++)
        {
            text.Append(patterns[random.Next(patterns.Length)]
                .Replace("{year}", year.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
                .Replace("{short}", "我局", StringComparison.Ordinal)
                .Replace("{n}", random.Next(10, 2000).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
                .Replace("{m}", random.Next(0, 60).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
                .Replace("{k}", random.Next(0, 12).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
            text.Append(random.NextDouble() < 0.4 ? "\n\n" : "");
        }

        return text.ToString();
    }
}
