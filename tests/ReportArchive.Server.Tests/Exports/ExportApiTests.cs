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
    public async Task Csv_StartsWithBomAndHasOneRowPerReport()
    {
        var (response, bytes) = await GetAsync("/api/export?format=csv");

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        Assert.Equal("reportarchive-export.csv", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var rows = ReadCsv(bytes);
        Assert.Equal(5, rows.Count);
        Assert.Equal(ExportColumns.All, rows[0].Keys);
        Assert.Equal(["1", "2", "3", "4", "5"], rows.Select(r => r["id"]).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Csv_RowCarriesMetadataFiguresRatesAndChecks()
    {
        var (_, bytes) = await GetAsync("/api/export?format=csv&q=" + Uri.EscapeDataString("郑州市工业和信息化局"));

        var row = Assert.Single(ReadCsv(bytes));
        Assert.Equal("004_a2b6f1dd7f1486f2.txt", row["fileName"]);
        Assert.Equal("郑州市工业和信息化局", row["agency"]);
        Assert.Equal("2021", row["year"]);
        Assert.Equal("2021", row["template"]);
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
        Assert.Equal("2020", row["year"]);
        Assert.Equal("2019", row["template"]);
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

    /// <summary>Each record as column → field, in header order.</summary>
    private static List<Dictionary<string, string>> ReadCsv(byte[] bytes)
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
