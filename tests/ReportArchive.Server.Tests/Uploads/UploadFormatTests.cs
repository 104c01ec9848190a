using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using ReportArchive.Server.Tests.Support;

namespace ReportArchive.Server.Tests.Uploads;

/// <summary>
/// Issue 16, item 4: what clients send is accepted — with ?name= the raw body is the file whatever the Content-Type;
/// without a name the media type names the format; stored bytes sent again under an unsupported name are refused,
/// not acknowledged under that name; the publication date and source address are returned and filterable.
/// </summary>
public sealed class UploadFormatTests
{
    private static string Seed(string prefix) => Directory.GetFiles(RepositoryFiles.SeedsDirectory, prefix + "_*.txt").Single();

    private static string Report(string agency, string year = "2022") =>
        File.ReadAllText(Seed("004")).Replace("郑州市工业和信息化局2021年", agency + year + "年", StringComparison.Ordinal);

    private static async Task<(HttpStatusCode Status, JsonNode Body, string? Type)> PostAsync(HttpClient client, string query, HttpContent content)
    {
        using var response = await client.PostAsync(new Uri("/api/reports" + query, UriKind.Relative), content);
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!, response.Content.Headers.ContentType?.MediaType);
    }

    private static ByteArrayContent Typed(byte[] bytes, string? type)
    {
        var content = new ByteArrayContent(bytes);
        if (type is not null)
        {
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(type);
        }

        return content;
    }

    [Theory]
    [InlineData("application/x-www-form-urlencoded")] // what curl --data-binary sends
    [InlineData("application/json")]
    [InlineData("text/html")]
    [InlineData("image/png")]
    [InlineData(null)]
    public async Task WithAName_TheRawBodyIsTheFile_WhateverTheContentType(string? type)
    {
        await using var app = await KeyedArchiveApp.WithKeyAsync(seeds: false);
        using var client = app.CreateKeyedClient();
        // a long body of key=value look: parsed as a form it broke the form reader's key limit (500)
        var text = Report("开封市工业和信息化局") + "\n附：" + new string('键', 3000) + "=值&a=b\n";

        var (status, body, _) = await PostAsync(client, "?name=kaifeng.txt", Typed(Encoding.UTF8.GetBytes(text), type));

        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal("kaifeng.txt", (string)body["fileName"]!);
        var stored = await SearchApiTests.GetJsonAsync(client, $"/api/reports/{(long)body["id"]!}");
        Assert.Equal("开封市工业和信息化局", (string)stored["agency"]!);
        Assert.Equal(text.Replace("\r", "", StringComparison.Ordinal).Length, ((string)stored["text"]!).Length);
    }

    [Theory]
    [InlineData("text/plain", "upload.txt")]
    [InlineData("text/plain; charset=utf-8", "upload.txt")]
    [InlineData("text/markdown", "upload.md")]
    [InlineData("text/html; charset=utf-8", "upload.html")]
    [InlineData("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "upload.docx")]
    public async Task WithoutAName_TheMediaTypeNamesTheFormat(string type, string storedName)
    {
        await using var app = await KeyedArchiveApp.WithKeyAsync(seeds: false);
        using var client = app.CreateKeyedClient();
        var text = Report("洛阳市工业和信息化局");
        var bytes = storedName switch
        {
            "upload.html" => Encoding.UTF8.GetBytes("<html><body>" + string.Concat(text.Split('\n').Select(l => $"<p>{WebUtility.HtmlEncode(l)}</p>")) + "</body></html>"),
            "upload.docx" => Docx(text.Split('\n')),
            _ => Encoding.UTF8.GetBytes(text),
        };

        var (status, body, _) = await PostAsync(client, "", Typed(bytes, type));

        Assert.True(status == HttpStatusCode.Created, body.ToJsonString());
        Assert.Equal(storedName, (string)body["fileName"]!);
        var stored = await SearchApiTests.GetJsonAsync(client, $"/api/reports/{(long)body["id"]!}");
        Assert.Equal("洛阳市工业和信息化局", (string)stored["agency"]!);
        Assert.Equal(2022, (int)stored["year"]!);
        Assert.DoesNotContain("<p>", (string)stored["text"]!, StringComparison.Ordinal); // read as HTML, not as text
    }

    [Fact]
    public async Task WithoutAName_APdfTypeIsReadAsAPdf()
    {
        await using var app = await KeyedArchiveApp.WithKeyAsync(seeds: false);
        using var client = app.CreateKeyedClient();

        // not a PDF: the answer says the PDF could not be read, so the type chose the reader
        var (status, body, type) = await PostAsync(client, "", Typed(Encoding.UTF8.GetBytes(Report("新乡市")), "application/pdf"));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("application/problem+json", type);
        Assert.Contains("pdf", ((string)body["detail"]!).ToLowerInvariant(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("application/octet-stream")]
    [InlineData("application/x-www-form-urlencoded")]
    public async Task WithoutANameOrAFormatType_Is400ListingTheTypes(string? type)
    {
        await using var app = await KeyedArchiveApp.WithKeyAsync(seeds: false);
        using var client = app.CreateKeyedClient();

        var (status, body, mediaType) = await PostAsync(client, "", Typed(Encoding.UTF8.GetBytes(Report("新乡市")), type));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("application/problem+json", mediaType);
        Assert.Contains("text/plain", (string)body["errors"]!["name"]![0]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StoredBytesSentAgainAsExe_Are415_AndAnotherNameGetsTheStoredOne()
    {
        await using var app = await KeyedArchiveApp.WithKeyAsync(seeds: false);
        using var client = app.CreateKeyedClient();
        var bytes = Encoding.UTF8.GetBytes(Report("开封市工业和信息化局"));
        var first = await PostAsync(client, "?name=kaifeng.txt&sourceUrl=" + Uri.EscapeDataString("https://example.org/k.txt"), new ByteArrayContent(bytes));
        Assert.Equal(HttpStatusCode.Created, first.Status);

        var exe = await PostAsync(client, "?name=a.exe", new ByteArrayContent(bytes));
        var renamed = await PostAsync(client, "?name=b.txt", new ByteArrayContent(bytes));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, exe.Status);
        Assert.Equal("application/problem+json", exe.Type);
        Assert.Contains("unsupported file type '.exe'", (string)exe.Body["detail"]!, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, renamed.Status);
        Assert.Equal((long)first.Body["id"]!, (long)renamed.Body["id"]!);
        Assert.Equal("kaifeng.txt", (string)renamed.Body["fileName"]!);
        Assert.Equal("https://example.org/k.txt", (string)renamed.Body["sourceUrl"]!);
    }

    [Fact]
    public async Task PublicationDate_IsReturned_AndFiltersTheSearch()
    {
        await using var app = await KeyedArchiveApp.WithKeyAsync(seeds: false);
        using var client = app.CreateKeyedClient();
        async Task<long> Crawled(string agency, string published)
        {
            var text = $"标题: {agency}2022年政府信息公开工作年度报告\n发布时间: {published} 09:30\n原文链接: https://www.example.gov.cn/{agency.Length}/{published}.htm\n"
                + "==================== 正文 ====================\n" + Report(agency);
            var (status, body, _) = await PostAsync(client, $"?name={published}.txt", new ByteArrayContent(Encoding.UTF8.GetBytes(text)));
            Assert.Equal(HttpStatusCode.Created, status);
            return (long)body["id"]!;
        }

        var january = await Crawled("洛阳市工业和信息化局", "2024-01-05");
        var march = await Crawled("新乡市工业和信息化局", "2024-03-31");
        var april = await Crawled("开封市工业和信息化局", "2024-04-01");
        var undated = (long)(await PostAsync(client, "?name=undated.txt", new ByteArrayContent(Encoding.UTF8.GetBytes(Report("许昌市工业和信息化局"))))).Body["id"]!;
        async Task<long[]> Found(string query) =>
            (await SearchApiTests.GetJsonAsync(client, "/api/search?" + query))["hits"]!.AsArray().Select(h => (long)h!["id"]!).Order().ToArray();

        var report = await SearchApiTests.GetJsonAsync(client, $"/api/reports/{march}");
        Assert.Equal("2024-03-31", (string)report["publishedAt"]!);
        Assert.Equal("https://www.example.gov.cn/10/2024-03-31.htm", (string)report["sourceUrl"]!);
        Assert.Equal([january, march], await Found("published=2024-01..2024-03"));
        Assert.Equal([march], await Found("published=2024-03"));
        Assert.Equal([april], await Found("published=2024-04-01"));
        Assert.Equal([january, march, april], await Found("published=2024"));
        Assert.Equal([march, april], await Found("published=2024-02.."));
        Assert.Equal([january, april], await Found("published=2024-01&published=2024-04"));
        Assert.Equal([january, march, april, undated], await Found(""));
        Assert.Equal([march], await Found("q=%E6%96%B0%E4%B9%A1&published=..2024-03"));
        using var bad = await client.GetAsync(new Uri("/api/search?published=2024-02-30", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("published", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>A minimal Word document: one paragraph a line.</summary>
    private static byte[] Docx(IEnumerable<string> lines)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            void Entry(string name, string xml)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
                writer.Write(xml);
            }

            Entry("[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>""");
            Entry("_rels/.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>""");
            var body = string.Concat(lines.Select(l => $"<w:p><w:r><w:t xml:space=\"preserve\">{System.Security.SecurityElement.Escape(l)}</w:t></w:r></w:p>"));
            Entry("word/document.xml", $"""<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}</w:body></w:document>""");
        }

        return buffer.ToArray();
    }
}
