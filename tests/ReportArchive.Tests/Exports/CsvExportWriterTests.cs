using System.Text;
using ReportArchive.Exports;

namespace ReportArchive.Tests.Exports;

public sealed class CsvExportWriterTests
{
    private static ExportRow Row(string? title, decimal? newTotal, decimal? change = null) => new(
        7, "a.txt", title, "某某局", 2021, "河南省", "郑州市", null, "city", ["工业和信息化", "商务"], "2021", 40, 1,
        new Dictionary<string, decimal?> { ["requests.new.total"] = newTotal, ["proactive.administrativeLicensing.change"] = change },
        new Dictionary<string, decimal?> { ["rates.disclosure"] = 0.5m });

    private static Task<string> WriteAsync(params ExportRow[] rows) => WriteAsync(ExportLabels.Keys, rows);

    private static async Task<string> WriteAsync(ExportLabels labels, params ExportRow[] rows)
    {
        using var stream = new MemoryStream();
        await CsvExportWriter.WriteAsync(rows.ToAsyncEnumerable(), labels, stream, CancellationToken.None);
        var bytes = stream.ToArray();
        Assert.Equal(Encoding.UTF8.Preamble.ToArray(), bytes[..3]);
        return Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
    }

    [Fact]
    public async Task Write_HeaderThenOneRecordPerRow()
    {
        var text = await WriteAsync(Row("报告", 3), Row("另一份", null));

        var lines = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.Equal(string.Join(',', ExportColumns.All), lines[0]);
        Assert.StartsWith("7,a.txt,报告,某某局,2021,河南省,郑州市,,city,工业和信息化;商务,2021,40,1,", lines[1], StringComparison.Ordinal);
        var newTotal = ExportColumns.All.ToList().IndexOf("requests.new.total");
        Assert.Equal("3", lines[1].Split(',')[newTotal]);
        Assert.Equal("", lines[2].Split(',')[newTotal]);
        Assert.Equal("0.5", lines[1].Split(',')[^ExportColumns.Rates.Count]);
    }

    [Fact]
    public async Task Write_WithChineseLabels_ChineseHeaderLevelAndAgencyTypes_SameNumbers()
    {
        var text = await WriteAsync(ExportLabels.Chinese, Row("报告", 3));

        var lines = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(string.Join(',', ExportColumns.ChineseHeaders), lines[0]);
        Assert.StartsWith("编号,文件名,标题,机关,年份,省,市,县,层级,机关类型,模板,通过的校验数,未通过的校验数,", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("7,a.txt,报告,某某局,2021,河南省,郑州市,,市级,工业和信息化、商务,2021,40,1,", lines[1], StringComparison.Ordinal);
        Assert.Equal("3", lines[1].Split(',')[ExportColumns.All.ToList().IndexOf("requests.new.total")]);
        Assert.Equal("0.5", lines[1].Split(',')[^ExportColumns.Rates.Count]);
    }

    [Fact]
    public async Task Write_QuotesSeparatorsAndEscapesFormulasButNotNegativeNumbers()
    {
        var text = await WriteAsync(Row("=HYPERLINK(\"x\"), 报告", 3, change: -2));

        Assert.Contains(",\"'=HYPERLINK(\"\"x\"\"), 报告\",", text, StringComparison.Ordinal);
        Assert.Contains(",-2,", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Write_NoRows_OnlyHeader()
    {
        var text = await WriteAsync();

        Assert.Equal(string.Join(',', ExportColumns.All) + "\r\n", text);
    }
}
