using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using ReportArchive.Server.Tests.Support;
using ReportArchive.Testing;

namespace ReportArchive.Server.Tests.Reliability;

/// <summary>
/// No path parameter or file name gets out of the data folder: the real server (a child process behind Kestrel) runs
/// on a data folder nested in a temporary root that also holds planted files; traversal in every route with a path
/// parameter and in static file paths (sent as raw bytes, so no client normalises them) never answers a planted file,
/// a system file or a file of the build output, and never 5xx; uploads named with folders, drive letters, control
/// characters or very long names are stored under their sanitised leaf name. Before and after, the tree outside the
/// data folder is the same.
/// </summary>
public sealed class PathEscapeTests(PathEscapeArchive archive) : IClassFixture<PathEscapeArchive>
{
    private string Root => archive.Root;

    private string Secret => archive.Secret;

    private string Data => archive.Data;

    private ServerChildProcess Server => archive.Server;

    public static TheoryData<string> TraversalPaths()
    {
        var paths = new TheoryData<string>();
        foreach (var path in new[]
        {
            "/api/reports/..%2F..%2Fetc%2Fpasswd", "/api/reports/..%2F..%2Fsecret.txt", "/api/reports/..%2f..%2f..%2fx.txt",
            "/api/reports/%2e%2e%2f%2e%2e%2fsecret.txt", "/api/reports/..%5C..%5Csecret.txt", "/api/reports/1%2F..%2F..%2Fsecret.txt",
            "/api/reports/1/source%2F..%2F..%2Fsecret.txt", "/api/reports/..%2F1/source", "/api/reports/1/..%2F..%2F..%2Fsecret.txt/source",
            "/api/reports/1%00/source", "/api/reports/1/highlights%2F..%2F..%2Fsecret.txt", "/api/reports/..%2F..%2Fsecret.txt/highlights",
            "/api/reports/-1/source", "/api/reports/99999999999999999999/source",
            "/..%2f..%2fProgram.cs", "/..%2fReportArchive.Server.runtimeconfig.json", "/..%2FReportArchive.Server.deps.json",
            "/js/..%2f..%2fReportArchive.Server.runtimeconfig.json", "/%2e%2e/%2e%2e/etc/passwd", "/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
            "/../../etc/passwd", "/..\\..\\etc\\passwd", "/....//....//etc/passwd", "/%252e%252e/%252e%252e/etc/passwd",
            "/%c0%ae%c0%ae/%c0%ae%c0%ae/etc/passwd", "/js/%2e%2e/%2e%2e/ReportArchive.Server.runtimeconfig.json",
            "/api/export?format=..%2F..%2Fsecret.txt", "/api/agencies/reports?agency=..%2F..%2Fsecret.txt", "/api/agencies/years?agency=..%2F..%2Fsecret.txt",
        })
        {
            paths.Add(path);
        }

        return paths;
    }

    [Theory]
    [MemberData(nameof(TraversalPaths))]
    public async Task TraversalInAPath_NeverAnswersAFileOutsideTheServedFolders(string path)
    {
        var before = FileTreeSnapshot.Take(Root, Data);

        var (status, body) = await RawGetAsync(path);

        Assert.True(status is > 0 and < 500, $"{path} answered {status}");
        AssertNoOutsideContent(body);
        Assert.Empty(before.Differences(FileTreeSnapshot.Take(Root, Data)));
    }

    [Theory]
    [InlineData("/js/common.js", "export")]
    [InlineData("/api/reports/1", "\"sha256\"")]
    [InlineData("/api/reports/%31", "\"sha256\"")]
    public async Task RawRequests_ReachTheServerAndItsFiles(string path, string expected)
    {
        var (status, body) = await RawGetAsync(path);

        Assert.Equal(200, status);
        Assert.Contains(expected, body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AbsolutePathsAfterTraversal_ToPlantedFiles_AreNeverServed()
    {
        var before = FileTreeSnapshot.Take(Root, Data);
        var secret = Path.Combine(Root, "secret.txt").TrimStart('/');
        var up = string.Concat(Enumerable.Repeat("..%2f", 16));
        foreach (var path in new[]
        {
            "/" + up + secret.Replace("/", "%2f", StringComparison.Ordinal),
            "/" + string.Concat(Enumerable.Repeat("../", 16)) + secret,
            "/" + string.Concat(Enumerable.Repeat("%2e%2e/", 16)) + secret,
            "/js/" + up + secret.Replace("/", "%2F", StringComparison.Ordinal),
            "/api/reports/" + up + secret.Replace("/", "%2f", StringComparison.Ordinal),
            "//" + secret, "/%2f" + secret.Replace("/", "%2f", StringComparison.Ordinal),
        })
        {
            var (status, body) = await RawGetAsync(path);
            Assert.True(status is > 0 and < 500, $"{path} answered {status}");
            AssertNoOutsideContent(body);
        }

        Assert.Empty(before.Differences(FileTreeSnapshot.Take(Root, Data)));
    }

    [Theory]
    [InlineData("../../x.txt", "x.txt")]
    [InlineData("..\\..\\x.txt", "x.txt")]
    [InlineData("/etc/passwd.txt", "passwd.txt")]
    [InlineData("C:\\x.txt", "x.txt")]
    [InlineData("C:\\Windows\\..\\..\\x.txt", "x.txt")]
    [InlineData("C:x.txt", "Cx.txt")]
    [InlineData("a\0b.txt", "ab.txt")]
    [InlineData("line\r\nbreak.txt", "linebreak.txt")]
    [InlineData("\u001b[31mred.txt", "[31mred.txt")]
    [InlineData("x.txt\u202E", "x.txt")]
    [InlineData("%2e%2e%2fx.txt", "%2e%2e%2fx.txt")]
    [InlineData("./x.txt. . ", "x.txt")]
    public async Task UploadNames_AreStoredAsTheirSanitisedLeaf(string name, string stored)
    {
        var before = FileTreeSnapshot.Take(Root, Data);

        using var response = await UploadAsync(name);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        await AssertStoredAsync(response, stored);
        Assert.Empty(before.Differences(FileTreeSnapshot.Take(Root, Data)));
    }

    [Theory]
    [InlineData("..")]
    [InlineData("../..")]
    [InlineData("x.txt/..")]
    [InlineData("\\\\")]
    [InlineData("\0\0")]
    public async Task UploadNames_WithNoUsableLeaf_Are400(string name)
    {
        var before = FileTreeSnapshot.Take(Root, Data);

        using var response = await UploadAsync(name);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Empty(before.Differences(FileTreeSnapshot.Take(Root, Data)));
    }

    [Fact]
    public async Task AnUploadNamedAfterASystemFile_IsItsLeaf_OfAnUnreadableType_415()
    {
        var before = FileTreeSnapshot.Take(Root, Data);

        using var response = await UploadAsync("/etc/passwd");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Contains("unsupported file type ''", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(before.Differences(FileTreeSnapshot.Take(Root, Data)));
    }

    [Fact]
    public async Task VeryLongUploadNames_AreCutTo255CharactersKeepingTheExtension()
    {
        foreach (var name in new[] { new string('a', 2000) + ".txt", new string('报', 600) + ".txt", "../" + string.Concat(Enumerable.Repeat("😀", 300)) + ".txt" })
        {
            using var response = await UploadAsync(name);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            var stored = await AssertStoredAsync(response, null);
            Assert.True(stored.Length <= 255, $"{stored.Length} characters stored");
            Assert.EndsWith(".txt", stored, StringComparison.Ordinal);
            Assert.False(char.IsHighSurrogate(stored[^5]), "a surrogate pair was cut in half");
            Assert.StartsWith(name.TrimStart('.', '/')[..10], stored, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("form-data; name=\"file\"; filename=\"../../m.txt\"", "m.txt")]
    [InlineData("form-data; name=\"file\"; filename=\"..\\\\..\\\\m.txt\"", "m.txt")]
    [InlineData("form-data; name=\"file\"; filename*=UTF-8''..%2F..%2Fm.txt", "m.txt")]
    [InlineData("form-data; name=\"file\"; filename=\"/tmp/m.txt\"", "m.txt")]
    public async Task MultipartFileNames_AreStoredAsTheirSanitisedLeaf(string disposition, string stored)
    {
        var before = FileTreeSnapshot.Take(Root, Data);
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(DistinctReport());
        file.Headers.TryAddWithoutValidation("Content-Disposition", disposition);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        form.Add(file);

        using var response = await Server.Client.PostAsync(new Uri("/api/reports", UriKind.Relative), form);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        await AssertStoredAsync(response, stored);
        Assert.Empty(before.Differences(FileTreeSnapshot.Take(Root, Data)));
    }

    private void AssertNoOutsideContent(string body)
    {
        Assert.DoesNotContain(Secret, body, StringComparison.Ordinal);
        Assert.DoesNotContain("root:x:0:0", body, StringComparison.Ordinal); // /etc/passwd
        Assert.DoesNotContain("runtimeOptions", body, StringComparison.Ordinal); // the build output's runtimeconfig.json
        Assert.DoesNotContain("\"runtimeTarget\"", body, StringComparison.Ordinal); // its deps.json
        Assert.DoesNotContain("WebApplication.CreateBuilder", body, StringComparison.Ordinal); // Program.cs
    }

    private async Task<string> AssertStoredAsync(HttpResponseMessage response, string? expected)
    {
        using var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var name = answer.RootElement.GetProperty("fileName").GetString()!;
        var id = answer.RootElement.GetProperty("id").GetInt64();
        using var view = JsonDocument.Parse(await Server.Client.GetStringAsync(new Uri($"/api/reports/{id}", UriKind.Relative)));
        Assert.Equal(name, view.RootElement.GetProperty("fileName").GetString());
        if (expected is not null)
        {
            Assert.Equal(expected, name);
        }

        Assert.DoesNotContain('/', name);
        Assert.DoesNotContain('\\', name);
        Assert.DoesNotContain(name, c => char.IsControl(c));
        Assert.NotEqual("..", name);
        return name;
    }

    private Task<HttpResponseMessage> UploadAsync(string name) =>
        Server.Client.PostAsync(new Uri("/api/reports?name=" + Uri.EscapeDataString(name), UriKind.Relative), new ByteArrayContent(DistinctReport()));

    /// <summary>A seed report made unique, so every upload stores a new report under its own name.</summary>
    private static byte[] DistinctReport() => Encoding.UTF8.GetBytes(
        File.ReadAllText(Directory.GetFiles(RepositoryFiles.SeedsDirectory, "004_*.txt").Single()) + $"\n附记：文件名测试 {Guid.NewGuid():N}\n");

    /// <summary>GET with the path exactly as given (HTTP/1.0, so the body is not chunked): the status and the body.</summary>
    private async Task<(int Status, string Body)> RawGetAsync(string path)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, Server.Url.Port);
        await using var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.Latin1.GetBytes($"GET {path} HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n"));
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var response = await reader.ReadToEndAsync();
        var statusLine = response.Split("\r\n", 2)[0].Split(' ');
        return (statusLine.Length > 1 && int.TryParse(statusLine[1], out var status) ? status : 0, response);
    }
}
