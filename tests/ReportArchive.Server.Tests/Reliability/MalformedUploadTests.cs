using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace ReportArchive.Server.Tests.Reliability;

/// <summary>
/// Issue 23, finding 9: bodies that are not what they claim, sent over a raw socket to the real Kestrel server, are
/// the client's fault — 400, 408 or 413 problem+json — never a 500; and the README's own
/// <c>curl --data-binary @report.txt</c> (which sends application/x-www-form-urlencoded) uploads the raw body.
/// </summary>
public sealed class MalformedUploadTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private static byte[] Report(string marker) => Encoding.UTF8.GetBytes(
        $"测试局2022年政府信息公开工作年度报告\n\n一、总体情况\n本年度主动公开政府信息12条。{marker}\n");

    private static byte[] Request(string headers, byte[] body, string path = "/api/reports?name=r.txt") =>
        [.. Encoding.UTF8.GetBytes($"POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer {LoopbackKeyedArchive.Key}\r\n{headers}\r\n"), .. body];

    private static byte[] Multipart(string boundary, string parts) => Encoding.UTF8.GetBytes(parts.Replace("{b}", boundary, StringComparison.Ordinal));

    private static byte[] WithLength(string contentType, byte[] body) =>
        Request($"Content-Type: {contentType}\r\nContent-Length: {body.Length}\r\n", body);

    public static TheoryData<string, int> Cases => new()
    {
        { "multipart without a boundary", 400 },
        { "multipart with a 200-character boundary", 400 },
        { "multipart with 2,000 fields", 400 },
        { "multipart with a 40 KB part header", 400 },
        { "multipart without its closing boundary", 400 },
        { "multipart whose part never ends", 400 },
        { "a chunk size that is not hex", 400 },
        { "a chunk without its line end", 400 },
        { "a chunked body over the size limit", 413 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task MalformedBody_IsAProblemJsonOfTheClientsFault_AndTheServerStaysSound(string name, int expected)
    {
        await using var app = await LoopbackKeyedArchive.StartAsync(new Dictionary<string, string> { ["Limits:MaxRequestBodyBytes"] = "262144" });

        var response = await RawHttpExchange.SendAsync(app.EndPoint, [Build(name)], TimeSpan.Zero, closeAfterSending: false, Timeout);

        Assert.True(expected == response.Status, $"{name}: {response}");
        Assert.True(response.IsProblemJson, $"{name}: {response}");
        using var client = app.CreateLoopbackClient();
        Assert.Equal(5, (int)JsonNode.Parse(await client.GetStringAsync(new Uri("/api/search?q=行政诉讼", UriKind.Relative)))!["total"]!);
    }

    [Fact]
    public async Task BodyCutShortByTheClient_IsNoServerError_AndStoresNothing()
    {
        await using var app = await LoopbackKeyedArchive.StartAsync();

        // Content-Length promises 5,000 bytes, the client sends fewer and closes its side
        var response = await RawHttpExchange.SendAsync(
            app.EndPoint, [Request("Content-Length: 5000\r\n", Report("截断"))], TimeSpan.Zero, closeAfterSending: true, Timeout);

        Assert.True(response.Status is 0 or 400, response.ToString()); // no one left to answer, or a 400
        using var client = app.CreateLoopbackClient();
        Assert.Equal(0, (int)JsonNode.Parse(await client.GetStringAsync(new Uri("/api/search?q=截断", UriKind.Relative)))!["total"]!);
        Assert.Equal(5, (int)JsonNode.Parse(await client.GetStringAsync(new Uri("/api/search", UriKind.Relative)))!["total"]!);
    }

    [Fact]
    public async Task BodySlowerThanTheMinimumDataRate_Is408ProblemJson()
    {
        await using var app = await LoopbackKeyedArchive.StartAsync();
        var head = Encoding.UTF8.GetBytes(
            $"POST /api/reports?name=slow.txt HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer {LoopbackKeyedArchive.Key}\r\nContent-Length: 100000\r\n\r\n");
        var pieces = new List<byte[]> { head };
        pieces.AddRange(Enumerable.Range(0, 60).Select(_ => "政"u8.ToArray())); // 3 bytes every 250 ms: 12 B/s, under 240 B/s

        var response = await RawHttpExchange.SendAsync(app.EndPoint, pieces, TimeSpan.FromMilliseconds(250), closeAfterSending: false, Timeout);

        Assert.True(response.Status == 408, response.ToString());
        Assert.True(response.IsProblemJson, response.ToString());
    }

    [Fact]
    public async Task RawBodyAsCurlDataBinarySendsIt_FormUrlEncoded_IsUploaded()
    {
        await using var app = await LoopbackKeyedArchive.StartAsync();
        using var client = app.CreateLoopbackClient(withKey: true);
        var bytes = Encoding.UTF8.GetBytes(new string('=', 3000) + "&" + Encoding.UTF8.GetString(Report("玄武湖畔表单")));
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");

        using var response = await client.PostAsync(new Uri("/api/reports?name=report.txt", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (long)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["id"]!;
        Assert.Equal(1, (int)JsonNode.Parse(await client.GetStringAsync(new Uri("/api/search?q=玄武湖畔表单", UriKind.Relative)))!["total"]!);
        using var source = await client.GetAsync(new Uri($"/api/reports/{id}/source", UriKind.Relative));
        Assert.Equal(bytes, await source.Content.ReadAsByteArrayAsync());
        Assert.Equal("text/plain", source.Content.Headers.ContentType!.MediaType);
    }

    private static byte[] Build(string name)
    {
        const string B = "XyZzY";
        var file = Encoding.UTF8.GetString(Report("多部分"));
        return name switch
        {
            "multipart without a boundary" => WithLength("multipart/form-data", Multipart(B, $"--{{b}}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n\r\n{file}\r\n--{{b}}--\r\n")),
            "multipart with a 200-character boundary" => WithLength(
                $"multipart/form-data; boundary={new string('b', 200)}",
                Multipart(new string('b', 200), $"--{{b}}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n\r\n{file}\r\n--{{b}}--\r\n")),
            "multipart with 2,000 fields" => WithLength(
                $"multipart/form-data; boundary={B}",
                Multipart(B, string.Concat(Enumerable.Range(0, 2000).Select(i => $"--{{b}}\r\nContent-Disposition: form-data; name=\"f{i}\"\r\n\r\nv\r\n")) + "--{b}--\r\n")),
            "multipart with a 40 KB part header" => WithLength(
                $"multipart/form-data; boundary={B}",
                Multipart(B, $"--{{b}}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\nX-Long: {new string('h', 40_000)}\r\n\r\n{file}\r\n--{{b}}--\r\n")),
            "multipart without its closing boundary" => WithLength(
                $"multipart/form-data; boundary={B}",
                Multipart(B, $"--{{b}}\r\nContent-Disposition: form-data; name=\"sourceUrl\"\r\n\r\nhttp://example.org/\r\n--{{b}}\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\nv")),
            "multipart whose part never ends" => WithLength(
                $"multipart/form-data; boundary={B}",
                Multipart(B, $"--{{b}}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n\r\n{file}")),
            "a chunk size that is not hex" => Request("Transfer-Encoding: chunked\r\n", Encoding.UTF8.GetBytes("zz\r\nhello\r\n0\r\n\r\n")),
            "a chunk without its line end" => Request("Transfer-Encoding: chunked\r\n", Encoding.UTF8.GetBytes("5\r\nhelloXX0\r\n\r\n")),
            "a chunked body over the size limit" => Request(
                "Transfer-Encoding: chunked\r\n",
                [.. Enumerable.Range(0, 80).SelectMany(_ => Encoding.ASCII.GetBytes($"1000\r\n{new string('a', 4096)}\r\n")), .. "0\r\n\r\n"u8.ToArray()]),
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, "no such case"),
        };
    }
}
