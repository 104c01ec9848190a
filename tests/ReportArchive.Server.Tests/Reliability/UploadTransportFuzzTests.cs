using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace ReportArchive.Server.Tests.Reliability;

/// <summary>
/// Malformed uploads (<see cref="UploadRequestFuzzer"/>, seeded) over raw sockets to the real Kestrel server on
/// 127.0.0.1, four clients at once: no response is a 5xx, the server stays alive and answers /healthz, and afterwards
/// the archive passes <c>PRAGMA integrity_check</c>, a search finds the seeds and the browse total is the seeds plus
/// at least the uploads acknowledged, each of them whole. CI: 300 cases; <c>scripts/reliability/upload-fuzz.sh</c>: 2,000
/// (RELIABILITY_UPLOAD_FUZZ_CASES).
/// </summary>
public sealed partial class UploadTransportFuzzTests(ITestOutputHelper output)
{
    private const int Clients = 4;

    private static int Cases => int.TryParse(Environment.GetEnvironmentVariable("RELIABILITY_UPLOAD_FUZZ_CASES"), out var n) && n > 0 ? n : 300;

    [Fact]
    public async Task MalformedUploadsOverRawSockets_NeverGive5xx_AndLeaveTheArchiveSound()
    {
        await using var app = await LoopbackKeyedArchive.StartAsync(new Dictionary<string, string>
        {
            ["Limits:MaxRequestBodyBytes"] = "262144",
            ["Limits:WritesPerWindow"] = "1000000",
        });
        var statuses = new ConcurrentDictionary<int, int>();
        var kinds = new ConcurrentDictionary<string, int>();
        var failures = new ConcurrentQueue<string>();
        var acknowledged = new ConcurrentDictionary<string, long>();
        var watch = Stopwatch.StartNew();

        await Parallel.ForEachAsync(Enumerable.Range(0, Clients), async (client, _) =>
        {
            var fuzzer = new UploadRequestFuzzer(seed: 2300 + client, LoopbackKeyedArchive.Key);
            for (var i = client; i < Cases; i += Clients)
            {
                var request = fuzzer.Next();
                var response = await RawHttpExchange.SendAsync(app.EndPoint, request.Pieces, request.Pause, request.CloseAfterSending, TimeSpan.FromSeconds(30));
                statuses.AddOrUpdate(response.Status, 1, (_, n) => n + 1);
                kinds.AddOrUpdate(request.Kind, 1, (_, n) => n + 1);
                if (response.Status >= 500 || (response.Status == 0 && !request.CloseAfterSending))
                {
                    failures.Enqueue($"case {i} ({request.Kind}): {response}");
                }

                if (response.Status == 201 && CreatedId().Match(response.Body) is { Success: true } created)
                {
                    acknowledged[$"{i}"] = long.Parse(created.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
                }
            }
        });

        output.WriteLine($"{Cases} malformed uploads in {watch.Elapsed.TotalSeconds:0.0} s: "
            + string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{(s.Key == 0 ? "closed" : s.Key)}×{s.Value}")));
        output.WriteLine("kinds: " + string.Join(", ", kinds.OrderBy(k => k.Key, StringComparer.Ordinal).Select(k => $"{k.Key}×{k.Value}")));
        Assert.True(failures.IsEmpty, string.Join("\n", failures.Take(20)));
        Assert.Equal(Cases, statuses.Values.Sum());

        using var http = app.CreateLoopbackClient();
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri("/healthz", UriKind.Relative))).StatusCode);
        var litigation = JsonNode.Parse(await http.GetStringAsync(new Uri("/api/search?q=%E8%A1%8C%E6%94%BF%E8%AF%89%E8%AE%BC", UriKind.Relative)))!;
        Assert.True((int)litigation["total"]! >= 5);
        var stored = (int)JsonNode.Parse(await http.GetStringAsync(new Uri("/api/search", UriKind.Relative)))!["total"]!;
        // every acknowledged upload is there; a few more may be, whose client closed before reading its 201
        Assert.True(stored >= 5 + acknowledged.Values.Distinct().Count(), $"{stored} stored, {acknowledged.Values.Distinct().Count()} acknowledged");
        output.WriteLine($"archive afterwards: {stored} reports ({acknowledged.Values.Distinct().Count()} uploads acknowledged), integrity_check ok");
        foreach (var id in acknowledged.Values.Distinct())
        {
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri($"/api/reports/{id}", UriKind.Relative))).StatusCode);
        }

        using var connection = new SqliteConnection($"Data Source={Path.Combine(app.DataDirectory, "archive.db")};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check";
        Assert.Equal("ok", command.ExecuteScalar());
    }

    /// <summary>The id in a 201's JSON body (which may come chunked).</summary>
    [System.Text.RegularExpressions.GeneratedRegex("\"id\":([0-9]+)")]
    private static partial System.Text.RegularExpressions.Regex CreatedId();
}
