using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using ReportArchive.Server.Tests.Support;
using ReportArchive.Server.Tests.Uploads;

namespace ReportArchive.Server.Tests.Reliability;

/// <summary>
/// Issue 23, finding 13: the limits protect the key holder and the readers, not the attacker. Unauthenticated writes
/// are refused without using up the write budget; the read limit applies whatever the case of the path; and a client
/// reading a large response slowly does not hold a read permit while it reads.
/// </summary>
public sealed class LimiterOrderTests
{
    [Fact]
    public async Task SixtyUnauthenticatedPosts_Are401_AndTheKeyHolderCanStillWrite()
    {
        await using var app = await KeyedArchiveApp.WithKeyAsync(seeds: false); // 60 writes per minute per address
        using var anonymous = app.CreateClient();
        using var wrong = app.CreateKeyedClient("not-the-key");
        using var keyed = app.CreateKeyedClient();

        for (var i = 0; i < 40; i++)
        {
            using var response = await anonymous.PostAsync(new Uri("/api/reports?name=x.txt", UriKind.Relative), new ByteArrayContent("测试"u8.ToArray()));
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            using var wrongKey = await wrong.PostAsync(new Uri("/api/reports?name=x.txt", UriKind.Relative), new ByteArrayContent("测试"u8.ToArray()));
            Assert.Equal(HttpStatusCode.Unauthorized, wrongKey.StatusCode);
        }

        using var upload = await keyed.PostAsync(
            new Uri("/api/reports?name=kept.txt", UriKind.Relative),
            new ByteArrayContent(Encoding.UTF8.GetBytes("测试局2022年政府信息公开工作年度报告\n本年度主动公开政府信息12条。留存\n")));
        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
    }

    [Theory]
    [InlineData("/API/search?q=%E8%A1%8C%E6%94%BF%E8%AF%89%E8%AE%BC")]
    [InlineData("/Api/Search?q=%E8%A1%8C%E6%94%BF%E8%AF%89%E8%AE%BC")]
    [InlineData("/API/REPORTS/1")]
    public async Task ReadLimit_AppliesWhateverTheCaseOfThePath(string path)
    {
        await using var app = await KeyedArchiveApp.StartAsync(new Dictionary<string, string> { ["Limits:ConcurrentReads"] = "1", ["Limits:ReadQueue"] = "0" });
        using var client = app.CreateClient();

        var busy = 0;
        for (var round = 0; round < 20 && busy == 0; round++)
        {
            var responses = await Task.WhenAll(Enumerable.Range(0, 64).Select(_ => client.GetAsync(new Uri(path, UriKind.Relative))));
            Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.OK or HttpStatusCode.ServiceUnavailable, $"{r.StatusCode}"));
            busy = responses.Count(r => r.StatusCode == HttpStatusCode.ServiceUnavailable);
        }

        Assert.True(busy > 0, $"{path} was never limited");
    }

    [Fact]
    public async Task SlowReadersOfALargeReport_DoNotHoldReadPermits()
    {
        await using var app = await LoopbackKeyedArchive.StartAsync(new Dictionary<string, string> { ["Limits:ConcurrentReads"] = "1", ["Limits:ReadQueue"] = "100" });
        using var client = app.CreateLoopbackClient(withKey: true);
        var seed = await File.ReadAllTextAsync(Directory.GetFiles(RepositoryFiles.SeedsDirectory, "004_*.txt").Single());
        var large = new StringBuilder();
        for (var i = 0; large.Length < 4_000_000; i++)
        {
            large.Append(seed).Append("\n附记").Append(i).Append('\n');
        }

        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(large.ToString()));
        content.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        using var upload = await client.PostAsync(new Uri("/api/reports?name=large.txt", UriKind.Relative), content);
        Assert.True(upload.StatusCode == HttpStatusCode.Created, await upload.Content.ReadAsStringAsync());
        var id = (long)JsonNode.Parse(await upload.Content.ReadAsStringAsync())!["id"]!;

        var once = Stopwatch.StartNew();
        var whole = await client.GetByteArrayAsync(new Uri($"/api/reports/{id}/source", UriKind.Relative));
        once.Stop();

        using var stop = new CancellationTokenSource();
        var readers = Enumerable.Range(0, 4).Select(_ => ReadSlowlyAsync(app.EndPoint, $"/api/reports/{id}/source", stop.Token)).ToList();
        await Task.Delay(1500); // every reader has sent its request and is reading 2 KB every 200 ms

        var watch = Stopwatch.StartNew();
        using var search = await client.GetAsync(new Uri("/api/search?q=%E8%A1%8C%E6%94%BF%E8%AF%89%E8%AE%BC", UriKind.Relative), new CancellationTokenSource(TimeSpan.FromSeconds(20)).Token);
        watch.Stop();

        Assert.Equal(HttpStatusCode.OK, search.StatusCode);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"the search waited {watch.Elapsed.TotalSeconds:0.0} s for a permit (the report alone: {whole.Length} bytes in {once.Elapsed.TotalSeconds:0.0} s)");
        Assert.All(readers, r => Assert.False(r.IsCompleted && r.Result > 0 && r.Result < 1_000_000, "a slow reader was served in full"));
        await stop.CancelAsync();
        await Task.WhenAll(readers);
    }

    /// <summary>Sends a GET and reads the answer 2 KB at a time every 200 ms (10 KB/s, above Kestrel's minimum rate); the bytes read.</summary>
    private static async Task<long> ReadSlowlyAsync(IPEndPoint endPoint, string path, CancellationToken stop)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { ReceiveBufferSize = 4096 };
        await socket.ConnectAsync(endPoint, CancellationToken.None);
        await socket.SendAsync(Encoding.ASCII.GetBytes($"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"), SocketFlags.None);
        var buffer = new byte[2048];
        long total = 0;
        try
        {
            while (!stop.IsCancellationRequested)
            {
                var read = await socket.ReceiveAsync(buffer, SocketFlags.None, stop);
                if (read == 0)
                {
                    break;
                }

                total += read;
                await Task.Delay(200, stop);
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or SocketException)
        {
            // stopped by the test, or the server gave up on the slow reader
        }

        return total;
    }
}
