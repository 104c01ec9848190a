using ReportArchive.Agencies.History;
using ReportArchive.Tests.Fixtures;

namespace ReportArchive.Tests.Agencies;

/// <summary>
/// What the agency comparison compares: the template's six parts found in a report's text (on lines of their own or
/// run into one line, as real pages print them), and the sentences of a part's prose (wrapped lines joined, headings,
/// table rows and HTML cells left out).
/// </summary>
public sealed class NarrativeComparisonTests
{
    [Fact]
    public void Parts_OnLinesOfTheirOwn_SkipTheTableRowsThatAreNumberedToo()
    {
        const string text = "一、总体情况\n本机关依法公开。\n二、主动公开政府信息情况\n表。\n三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量\t3\n四、结转下年度继续办理\t0\n四、政府信息公开行政复议、行政诉讼情况\n无。\n五、存在的主要问题及改进情况\n问题。\n六、其他需要报告的事项\n无。";

        var parts = ReportParts.Find(text);

        Assert.Equal(["一", "二", "三", "四", "五", "六"], parts.Select(p => p.Number));
        Assert.Equal("本机关依法公开。", text[parts[0].Start..parts[0].End].Trim());
        Assert.Equal("无。", text[parts[3].Start..parts[3].End].Trim());
        Assert.Equal("政府信息公开行政复议、行政诉讼情况", parts[3].Heading);
    }

    [Fact]
    public void Parts_RunIntoOneLine_StartAfterTheirHeadings()
    {
        const string text = "一、总体情况本局依法公开政府信息。二、主动公开政府信息情况第二十条第（一）项四、政府信息公开行政复议、行政诉讼情况行政复议总计0五、存在的主要问题及改进情况一年来仍有不足。";

        var parts = ReportParts.Find(text);

        Assert.Equal(["一", "二", "四", "五"], parts.Select(p => p.Number));
        Assert.Equal("本局依法公开政府信息。", text[parts[0].Start..parts[0].End]);
        Assert.Equal("行政复议总计0", text[parts[2].Start..parts[2].End]);
        Assert.Equal("一年来仍有不足。", text[parts[3].Start..parts[3].End]);
    }

    [Fact]
    public void Sentences_JoinWrappedLines_AndLeaveOutHeadingsAndTables()
    {
        const string text = "(一) 存在的主要问题\n2021年,市工信局持续深入推进政府信息公开工作,但还存在着信息发布\n数量不多等问题。二是正在谋划实施网站改版；\n行政复议\t结果维持\t0\n| 行政许可 | 0 |\n<tr><td>信息内容说明文字。</td></tr>\n**（三）下一步工作计划**\n";

        Assert.Equal(
            ["2021年,市工信局持续深入推进政府信息公开工作,但还存在着信息发布数量不多等问题。", "二是正在谋划实施网站改版；"],
            NarrativeSentences.Split(text));
    }

    [Fact]
    public void Sentences_OfRealReports_AreProse()
    {
        foreach (var file in Directory.GetFiles(Path.Combine(RepositoryFiles.Root, "..", "shared", "real-reports", "reports"), "*.txt"))
        {
            var text = File.ReadAllText(file);
            foreach (var part in ReportParts.Find(text))
            {
                Assert.All(NarrativeSentences.Split(text[part.Start..part.End]), sentence =>
                {
                    Assert.DoesNotMatch("[0-9]{6}|[|\t]|<td|\\*\\*|##", sentence);
                    Assert.Matches("[。！？；!?;]$", sentence);
                });
            }
        }
    }
}
