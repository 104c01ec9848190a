using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using CsvHelper;
using ReportArchive.Exports;
using ReportArchive.Server.Tests.Support;

namespace ReportArchive.Server.Tests.Exports;

/// <summary>/api/export over the five seeds (see StatisticsApiTests for the numbers read from the seed texts).</summary>
public sealed class ExportApiTests(ArchiveApplication app) : IClassFixture<ArchiveApplication>
{
    [Fact]
    public async Task Csv_StartsWithBomAndHasOneRowPerReport_UnderChineseHeaders()
    {
        var (response, bytes) = await GetAsync("/api/export?format=csv");

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        Assert.Equal("reportarchive-export.csv", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var rows = ReadCsv(bytes);
        Assert.Equal(5, rows.Count);
        Assert.Equal(ExportColumns.ChineseHeaders, rows[0].Keys);
        Assert.Equal(["编号", "文件名", "标题", "机关", "年份", "省", "市", "县", "层级", "机关类型", "模板", "通过的校验数", "未通过的校验数"], rows[0].Keys.Take(13));
        Assert.Equal(ExportColumns.ChineseHeaders.Count, ExportColumns.ChineseHeaders.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(["1", "2", "3", "4", "5"], rows.Select(r => r["编号"]).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Csv_ChineseHeaders_AreTheTemplatesLabels_AndLevelIsInChinese()
    {
        var (_, bytes) = await GetAsync("/api/export?format=csv&q=" + Uri.EscapeDataString("郑州市工业和信息化局"));

        var row = Assert.Single(ReadCsv(bytes));
        Assert.Equal("郑州市工业和信息化局", row["机关"]);
        Assert.Equal("2021", row["年份"]);
        Assert.Equal("河南省", row["省"]);
        Assert.Equal("郑州市", row["市"]);
        Assert.Equal("市级", row["层级"]);
        Assert.Equal("工业和信息化", row["机关类型"]);
        Assert.Equal("3", row[Label("requests.new.total")]);
        Assert.Equal("1", row[Label("requests.granted.total")]);
        Assert.Equal("0.333333", row["公开率（予以公开与部分公开占办理总数）"]);
        Assert.Equal("1", row["未通过的校验数"]);
        Assert.DoesNotContain(row.Keys, header => header.Contains("requests.", StringComparison.Ordinal) || header.Contains("proactive.", StringComparison.Ordinal));
        Assert.Contains(row.Keys, header => header.Contains("本年新收政府信息公开申请数量", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("central", "中央")]
    [InlineData("province", "省级")]
    [InlineData("city", "市级")]
    [InlineData("county", "县级")]
    [InlineData("township", "乡镇级")]
    public void LevelValues_HaveChineseNames(string level, string chinese) => Assert.Equal(chinese, ExportColumns.LevelLabel(level));

    [Fact]
    public async Task Csv_LevelColumn_IsChineseByDefault_AndTheKeyWithLabelsKeys()
    {
        var (_, chinese) = await GetAsync("/api/export?format=csv");
        var (_, keys) = await GetAsync("/api/export?format=csv&labels=keys");

        var levels = ReadCsv(chinese).Select(r => r["层级"]).ToList();
        var keyLevels = ReadCsv(keys).Select(r => r["level"]).ToList();
        Assert.Contains(levels, l => l.Length > 0);
        Assert.Equal(keyLevels.Select(ExportColumns.LevelLabel), levels.Select(l => (string?)l));
        Assert.All(levels.Where(l => l.Length > 0), l => Assert.Contains(l, (string[])["中央", "省级", "市级", "县级", "乡镇级"]));
        Assert.All(keyLevels.Where(l => l.Length > 0), l => Assert.Contains(l, (string[])["central", "province", "city", "county", "township"]));
    }

    [Theory]
    [InlineData("format=csv&year=2021&q=%E8%A1%8C%E6%94%BF%E8%AF%89%E8%AE%BC", "行政诉讼-2021.csv")]
    [InlineData("format=xlsx&year=2021&q=%E8%A1%8C%E6%94%BF%E8%AF%89%E8%AE%BC", "行政诉讼-2021.xlsx")]
    [InlineData("format=jsonl&q=%E5%85%AC%E5%BC%80&level=city", "公开-市级.jsonl")]
    [InlineData("year=2019..2021&region=41", "2019至2021-河南省.csv")]
    [InlineData("q=%22%E4%BE%9D%E7%94%B3%E8%AF%B7%E5%85%AC%E5%BC%80%22%20-%E5%A4%8D%E8%AE%AE%20a/b", "依申请公开_-复议_a_b.csv")]
    public async Task FileName_NamesTheQueryAndFilters_InAUtf8FilenameStar(string query, string expected)
    {
        var (response, _) = await GetAsync("/api/export?" + query);

        var disposition = response.Content.Headers.ContentDisposition!;
        Assert.Equal("attachment", disposition.DispositionType);
        Assert.Equal(expected, disposition.FileNameStar);
        Assert.Contains("filename*=UTF-8''", response.Content.Headers.GetValues("Content-Disposition").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Xlsx_HasTheCsvsHeaderAndRows_NumbersAsNumbers()
    {
        var (response, bytes) = await GetAsync("/api/export?format=xlsx");
        var (_, csv) = await GetAsync("/api/export?format=csv");

        Assert.Equal(ExportFormats.XlsxMediaType, response.Content.Headers.ContentType?.MediaType);
        var sheet = ReadXlsx(bytes);
        var csvRows = ReadCsv(csv);
        Assert.Equal(ExportColumns.ChineseHeaders, sheet[0].Select(c => c.Text));
        Assert.All(sheet[0], c => Assert.False(c.IsNumber));
        Assert.Equal(csvRows.Count, sheet.Count - 1);
        for (var r = 0; r < csvRows.Count; r++)
        {
            Assert.Equal(csvRows[r].Values, sheet[r + 1].Select(c => c.Text));
        }

        var zhengzhou = sheet.Skip(1).Single(row => row[3].Text == "郑州市工业和信息化局");
        var column = (string header) => zhengzhou[ExportColumns.ChineseHeaders.ToList().IndexOf(header)];
        Assert.True(column("编号").IsNumber);
        Assert.True(column("年份").IsNumber);
        Assert.Equal(("2021", true), (column("年份").Text, column("年份").IsNumber));
        Assert.Equal(("3", true), (column(Label("requests.new.total")).Text, column(Label("requests.new.total")).IsNumber));
        Assert.Equal(("0.333333", true), (column("公开率（予以公开与部分公开占办理总数）").Text, column("公开率（予以公开与部分公开占办理总数）").IsNumber));
        Assert.Equal(("市级", false), (column("层级").Text, column("层级").IsNumber));
        Assert.Equal(("", false), (column(Label("requests.otherHandling.total", "2019")).Text, column(Label("requests.otherHandling.total", "2019")).IsNumber));
    }

    [Fact]
    public async Task Xlsx_WithLabelsKeys_HasTheKeysAsHeaders()
    {
        var (_, bytes) = await GetAsync("/api/export?format=xlsx&labels=keys&year=2020");

        var sheet = ReadXlsx(bytes);
        Assert.Equal(ExportColumns.All, sheet[0].Select(c => c.Text));
        var row = Assert.Single(sheet.Skip(1));
        Assert.Equal("2019", row[ExportColumns.All.ToList().IndexOf("template")].Text);
    }

    [Fact]
    public async Task Csv_WithLabelsKeys_RowCarriesMetadataFiguresRatesAndChecks()
    {
        var (_, bytes) = await GetAsync("/api/export?format=csv&labels=keys&q=" + Uri.EscapeDataString("郑州市工业和信息化局"));

        var row = Assert.Single(ReadCsv(bytes));
        Assert.Equal("004_a2b6f1dd7f1486f2.txt", row["fileName"]);
        Assert.Equal("郑州市工业和信息化局", row["agency"]);
        Assert.Equal("2021", row["year"]);
        Assert.Equal("2021", row["template"]);
        Assert.Equal("city", row["level"]);
        Assert.Equal("3", row["requests.new.total"]);
        Assert.Equal("1", row["requests.granted.total"]);
        Assert.Equal("2", row["requests.unable.notHeld.naturalPerson"]);
        Assert.Equal("", row["requests.otherHandling.total"]); // a 2019-template key: not in this report's template
        Assert.Equal("0.333333", row["rates.disclosure"]);
        Assert.Equal("", row["rates.reviewCorrection"]); // 0 upheld + 0 corrected + 0 other
        Assert.Equal("1", row["checksFailed"]);
        Assert.True(int.Parse(row["checksPassed"], System.Globalization.CultureInfo.InvariantCulture) > 30);
    }

    [Fact]
    public async Task Csv_FiltersApply()
    {
        var (_, bytes) = await GetAsync("/api/export?year=2020");

        var row = Assert.Single(ReadCsv(bytes));
        Assert.Equal("2020", row["年份"]);
        Assert.Equal("2019", row["模板"]);
    }

    [Fact]
    public async Task Jsonl_OneObjectPerLine()
    {
        var (response, bytes) = await GetAsync("/api/export?format=jsonl&year=2021");

        Assert.Equal("application/jsonl", response.Content.Headers.ContentType?.MediaType);
        Assert.NotEqual(0xEF, bytes[0]);
        var lines = Encoding.UTF8.GetString(bytes).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        var rows = lines.Select(l => JsonNode.Parse(l)!).ToList();
        var zhengzhou = rows.Single(r => r["agency"]!.GetValue<string>() == "郑州市工业和信息化局");
        Assert.Equal(3, zhengzhou["figures"]!["requests.new.total"]!.GetValue<int>());
        Assert.Equal(0.333333m, zhengzhou["rates"]!["rates.disclosure"]!.GetValue<decimal>());
        Assert.Null(zhengzhou["rates"]!["rates.reviewCorrection"]);
        Assert.Equal(1, zhengzhou["checksFailed"]!.GetValue<int>());
        Assert.Equal(["工业和信息化"], zhengzhou["agencyTypes"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.Equal("河南省", zhengzhou["province"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("/api/export?format=xml", "format")]
    [InlineData("/api/export?format=csv&level=&year=nope", "year")]
    [InlineData("/api/export?format=csv&labels=english", "labels")]
    [InlineData("/api/export?format=xlsx&labels=", "labels")]
    public async Task Export_InvalidParameters_Return400ProblemJson(string url, string parameter)
    {
        var client = await app.CreateReadyClientAsync();

        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]![parameter]);
    }

    private async Task<(HttpResponseMessage Response, byte[] Bytes)> GetAsync(string url)
    {
        var client = await app.CreateReadyClientAsync();
        var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.True(response.IsSuccessStatusCode, $"{url}: {(int)response.StatusCode} {Encoding.UTF8.GetString(bytes)}");
        return (response, bytes);
    }

    /// <summary>The header of a figure key in the Chinese export: its row × column label in the template.</summary>
    internal static string Label(string key, string template = "2021") => ExportColumns.ChineseHeaders[ExportColumns.All.ToList().IndexOf(key)] is var header
        && header.StartsWith(ReportArchive.Figures.FigureKeys.ChineseLabel(key, template)!, StringComparison.Ordinal) ? header : throw new InvalidOperationException(header);

    /// <summary>The first worksheet, opened back with OpenXml: every row's cells from column A to the header's last (empty where absent), as text and whether a number.</summary>
    internal static List<List<(string Text, bool IsNumber)>> ReadXlsx(byte[] bytes)
    {
        using var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var workbook = document.WorkbookPart!;
        var sheet = Assert.Single(workbook.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>());
        Assert.Equal("报告", sheet.Name?.Value);
        var part = (DocumentFormat.OpenXml.Packaging.WorksheetPart)workbook.GetPartById(sheet.Id!.Value!);
        var rows = part.Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Row>().ToList();
        var width = rows[0].Elements<DocumentFormat.OpenXml.Spreadsheet.Cell>().Count();
        var result = new List<List<(string, bool)>>();
        for (var r = 0; r < rows.Count; r++)
        {
            Assert.Equal((uint)(r + 1), rows[r].RowIndex?.Value);
            var cells = Enumerable.Repeat(("", false), width).ToList();
            foreach (var cell in rows[r].Elements<DocumentFormat.OpenXml.Spreadsheet.Cell>())
            {
                var reference = cell.CellReference!.Value!;
                Assert.EndsWith((r + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), reference, StringComparison.Ordinal);
                var column = reference.TakeWhile(char.IsAsciiLetterUpper).Aggregate(0, (n, c) => (n * 26) + (c - 'A' + 1)) - 1;
                cells[column] = cell.DataType?.Value == DocumentFormat.OpenXml.Spreadsheet.CellValues.InlineString
                    ? (cell.InlineString!.InnerText, false)
                    : (cell.CellValue!.Text, cell.DataType is null);
            }

            result.Add(cells);
        }

        return result;
    }

    /// <summary>Each record as column → field, in header order.</summary>
    internal static List<Dictionary<string, string>> ReadCsv(byte[] bytes)
    {
        var text = Encoding.UTF8.GetString(bytes.AsSpan(3));
        using var reader = CsvReader.FromText(text, null);
        var rows = new List<Dictionary<string, string>>();
        reader.ReadHeader();
        var headers = reader.Headers.ToList();
        while (reader.Read())
        {
            var row = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < headers.Count; i++)
            {
                row[headers[i]] = reader.GetString(i);
            }

            rows.Add(row);
        }

        return rows;
    }
}
