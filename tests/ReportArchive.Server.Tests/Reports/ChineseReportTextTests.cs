using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using ReportArchive.Documents;
using ReportArchive.Server.Tests.Support;
using ReportArchive.Storage;

namespace ReportArchive.Server.Tests.Reports;

/// <summary>
/// <c>GET /api/reports/{id}</c> keeps each check's English <c>detail</c> and the English <c>warnings</c> for scripts,
/// and adds the Chinese a reader sees: <c>detailZh</c> and <c>cells</c> (the cells it names) on each check, and
/// <c>warningsZh</c> beside the warnings — for warnings stored in English by earlier versions too.
/// </summary>
public sealed partial class ChineseReportTextTests
{
    [Theory]
    [InlineData("no agency found in the title", "标题中未找到机关名称")]
    [InlineData("no report year found in the title or the statistics period", "标题和统计期间中均未找到报告年度")]
    [InlineData("table B: not found", "申请办理表：未找到该表")]
    [InlineData("table A: row 规章 not found", "主动公开表：未找到“规章”行")]
    [InlineData("table B: row （一）予以公开 has no values", "申请办理表：“（一）予以公开”行没有数值")]
    [InlineData("table B: row （二）部分公开: 8 values for 7 cells (1 0 0 0 0 0 1 1); read as 1 0 0 0 0 0 1, the only reading whose row total adds up",
        "申请办理表：“（二）部分公开”行：印有 8 个数值，应有 7 格（1 0 0 0 0 0 1 1）；读作 1 0 0 0 0 0 1（唯一使本行总计相符的读法）")]
    [InlineData("table C: cells run together ('1203'), no split into 15 cells satisfies the three group totals; left empty",
        "复议诉讼表：数字连在一起（“1203”），没有一种拆成 15 格的拆法满足三组总计，留空")]
    [InlineData("template: the tables do not tell the template apart; taken from the year 2020 in the title", "模板：表格无法区分模板，按标题中的年份 2020 确定")]
    [InlineData("figures: requests.new.total read from the prose: \"共收到政府信息公开申请12件\"", "数据：“一、本年新收政府信息公开申请数量：总计”取自正文：“共收到政府信息公开申请12件”")]
    [InlineData("phone area code 0371, 0372 does not belong to 河南省/开封市", "电话区号 0371、0372 不属于河南省/开封市")]
    [InlineData("鼓楼区 may be any of 江苏省/南京市/鼓楼区; 福建省/福州市/鼓楼区: the text does not decide", "“鼓楼区”可能是江苏省/南京市/鼓楼区、福建省/福州市/鼓楼区中的任一个，正文无法确定")]
    [InlineData("PDF: text read as letters in drawing order (figures whose identities hold: letters by position 190 of 200, letters in drawing order 200 of 200)",
        "PDF：正文按绘制顺序读取（勾稽关系成立的数据：字符位置 190/200，绘制顺序 200/200）")]
    [InlineData("encoding: UTF-8 with 1 invalid byte replaced", "编码：UTF-8，有 1 个无效字节被替换")]
    [InlineData("encoding: Big5 (detected)", "编码：检测为 Big5")]
    [InlineData("figures: no 2019/2021 table found; read the pre-2019 统计表 (2013年度 column, never 历年累计)", "数据：未找到 2019 或 2021 年版表格，按 2019 年以前的统计表读取（取“2013年度”列，不取历年累计）")]
    [InlineData("figures: requests.new.total: the 统计表 row '受理依申请公开信息总数条1234' does not split into one 2015年度 | 历年累计 pair; left null",
        "数据：“一、本年新收政府信息公开申请数量：总计”：统计表中“受理依申请公开信息总数条1234”一行拆不出“2015年度｜历年累计”一对数值，留空")]
    [InlineData("table C: 行政复议 read group by group as 0 0 2 0 2: the cells every split whose 行政复议 total holds agrees on", "复议诉讼表：行政复议按组读作 0 0 2 0 2（凡使行政复议总计成立的拆法都一致的格）")]
    [InlineData("table B: rows （一）予以公开, （二）部分公开: the six applicant columns do not add up to 总计 and no slide of a cell between adjacent rows makes the table hold; recorded as printed",
        "申请办理表：“（一）予以公开”“（二）部分公开”行：六类申请人之和与“总计”不符，也没有相邻行之间的错行读法能使全表成立，按原样记录")]
    [InlineData("table B: row （二）部分公开: cells run together ('100001'); read as 1 0 0 0 0 0 1, the only split that satisfies its row total",
        "申请办理表：“（二）部分公开”行：数字连在一起（“100001”）；读作 1 0 0 0 0 0 1（唯一满足本行总计的拆法）")]
    public void AStoredWarning_ReadsInChinese(string english, string chinese) => Assert.Equal(chinese, ChineseWarnings.Translate(english));

    [Fact]
    public async Task AWarningStoredInEnglishByAnEarlierVersion_IsShownInChinese_BesideTheEnglish()
    {
        await using var app = await ReportArchiveApp.StartAsync();
        using var client = app.CreateClient();
        var id = (long)JsonNode.Parse(await client.GetStringAsync(new Uri("/api/search?pageSize=1", UriKind.Relative)))!["hits"]![0]!["id"]!;
        using (var connection = new SqliteConnection($"Data Source={Path.Combine(app.DataDirectory, ArchiveDatabase.FileName)}"))
        {
            connection.Open();
            using var update = connection.CreateCommand();
            update.CommandText = "UPDATE reports SET warnings = $w WHERE id = $id";
            update.Parameters.AddWithValue("$w", """["no agency found in the title","table B: row （一）予以公开 has no values"]""");
            update.Parameters.AddWithValue("$id", id);
            Assert.Equal(1, update.ExecuteNonQuery());
        }

        var report = JsonNode.Parse(await client.GetStringAsync(new Uri($"/api/reports/{id}", UriKind.Relative)))!;

        Assert.Equal(["no agency found in the title", "table B: row （一）予以公开 has no values"], report["warnings"]!.AsArray().Select(w => (string)w!));
        Assert.Equal(["标题中未找到机关名称", "申请办理表：“（一）予以公开”行没有数值"], report["warningsZh"]!.AsArray().Select(w => (string)w!));
    }

    /// <summary>
    /// Over the 2,000 generated reports: every warning and every check reads in Chinese (no English word; figure keys,
    /// numbers and the names PDF, GB/T, UTF, Big5 aside), and a failed check names at most the few cells it is about.
    /// </summary>
    [Fact]
    public async Task EveryWarningAndCheckOfTheGeneratedArchive_ReadsInChinese_AndAFailedCheckNamesFewCells()
    {
        using var app = await ArchiveApplication.WithGeneratedReports();
        using var client = await app.CreateReadyClientAsync();
        var ids = new List<long>();
        for (var page = 1; ids.Count < Support.GeneratedArchive.Reports; page++)
        {
            var hits = JsonNode.Parse(await client.GetStringAsync(new Uri($"/api/search?pageSize=100&page={page}", UriKind.Relative)))!["hits"]!.AsArray();
            Assert.NotEmpty(hits);
            ids.AddRange(hits.Select(h => (long)h!["id"]!));
        }

        var english = new List<string>();
        var (warnings, failed) = (0, 0);
        foreach (var id in ids)
        {
            var report = JsonNode.Parse(await client.GetStringAsync(new Uri($"/api/reports/{id}", UriKind.Relative)))!;
            var zh = report["warningsZh"]!.AsArray().Select(w => (string)w!).ToList();
            Assert.Equal(report["warnings"]!.AsArray().Count, zh.Count);
            warnings += zh.Count;
            english.AddRange(zh.Where(HasEnglish));
            foreach (var check in report["checks"]!.AsArray())
            {
                var detail = (string)check!["detailZh"]!;
                Assert.NotNull((string?)check["detail"]);
                if (HasEnglish(detail))
                {
                    english.Add(detail);
                }

                if (!(bool)check["ok"]!)
                {
                    failed++;
                    var cells = check["cells"]!.AsArray();
                    Assert.InRange(cells.Count, 1, 4);
                    Assert.Contains("相差", detail, StringComparison.Ordinal);
                }
            }
        }

        Assert.True(warnings > 0 && failed > 0, $"{warnings} warnings, {failed} failed checks: the corpus should have some of each");
        Assert.True(english.Count == 0, "English left in: " + string.Join("\n", english.Distinct().Take(20)));
    }

    private static bool HasEnglish(string text) => EnglishWord().Matches(text).Any(m => !AllowedWords.Contains(m.Value));

    private static readonly HashSet<string> AllowedWords = ["PDF", "GB", "UTF", "Big5", "GB18030", "HTML", "DOCX"];

    [GeneratedRegex(@"(?<![A-Za-z.])[A-Za-z][A-Za-z0-9]+(?:\.[A-Za-z][A-Za-z0-9]*)*")]
    private static partial Regex EnglishWord();
}
