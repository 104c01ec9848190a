using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace ReportArchive.Server.Tests.Reliability;

/// <summary>
/// Issue 16: 2,000 well-framed uploads whose Content-Type, file name, encoding, size and multipart body vary
/// (<see cref="UploadContentFuzzer"/>, seeded) against the real Kestrel server on 127.0.0.1, four clients at once: no
/// answer is a 5xx; every 4xx is a problem+json with a title; every 2xx gives the report's id; a raw body under a
/// supported name is imported whatever its Content-Type (the README's curl --data-binary sends the form type); an
/// unsupported extension is a 415, a body over the limit a 413; and afterwards the server is healthy, finds the seeds
/// and holds every report it acknowledged.
/// </summary>
public sealed class UploadContentFuzzTests(ITestOutputHelper output)
{
    private const int Clients = 4;

    private static int Cases => int.TryParse(Environment.GetEnvironmentVariable("RELIABILITY_UPLOAD_CONTENT_CASES"), out var n) && n > 0 ? n : 2_000;

    [Fact]
    public async Task UploadsOfEveryContentTypeNameEncodingAndSize_NeverGive5xx_AndARawBodyIsTheFile()
    {
        await using var app = await LoopbackKeyedArchive.StartAsync(new Dictionary<string, string>
        {
            ["Limits:MaxRequestBodyBytes"] = UploadContentFuzzer.BodyLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Limits:WritesPerWindow"] = "1000000",
        });
        var statuses = new ConcurrentDictionary<int, int>();
        var failures = new ConcurrentQueue<string>();
        var acknowledged = new ConcurrentDictionary<long, byte>();
        var byKind = new ConcurrentDictionary<string, int>();
        var determined = 0;
        var watch = Stopwatch.StartNew();

        await Parallel.ForEachAsync(Enumerable.Range(0, Clients), async (client, cancel) =>
        {
            using var http = app.CreateLoopbackClient(withKey: true);
            var fuzzer = new UploadContentFuzzer(seed: 1600 + client);
            for (var i = client; i < Cases; i += Clients)
            {
                var upload = fuzzer.Next();
                using var content = new ByteArrayContent(upload.Body);
                if (upload.ContentType is not null)
                {
                    content.Headers.TryAddWithoutValidation("Content-Type", upload.ContentType);
                }

                // Expect: 100-continue, as curl sends for large bodies: an answer given before the body is read (413 by
                // Content-Length, 400 without a name) reaches the client instead of a reset while it still sends
                using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/reports?" + upload.Query, UriKind.Relative)) { Content = content };
                request.Headers.ExpectContinue = true;
                using var response = await http.SendAsync(request, cancel);
                var status = (int)response.StatusCode;
                var body = await response.Content.ReadAsStringAsync(cancel);
                statuses.AddOrUpdate(status, 1, (_, n) => n + 1);
                byKind.AddOrUpdate($"{string.Join(' ', upload.Kind.Split(' ').Take(2))} {status}", 1, (_, n) => n + 1);
                if (upload.Expected is not null)
                {
                    Interlocked.Increment(ref determined);
                }

                var what = $"case {i} ({upload.Kind}, ?{upload.Query[..Math.Min(60, upload.Query.Length)]}): {status} {body[..Math.Min(300, body.Length)]}";
                if (status >= 500 || (upload.Expected is { } expected && !expected.Contains(status)))
                {
                    failures.Enqueue(what);
                }
                else if (status >= 400 && (response.Content.Headers.ContentType?.MediaType != "application/problem+json" || string.IsNullOrEmpty((string?)JsonNode.Parse(body)?["title"])))
                {
                    failures.Enqueue("not a problem+json: " + what);
                }
                else if (status is 200 or 201)
                {
                    acknowledged.TryAdd((long)JsonNode.Parse(body)!["id"]!, 0);
                }
            }
        });

        output.WriteLine($"{Cases} uploads in {watch.Elapsed.TotalSeconds:0.0} s: " + string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}×{s.Value}")));
        output.WriteLine($"{determined} with a determined answer; " + string.Join(", ", byKind.OrderBy(k => k.Key, StringComparer.Ordinal).Select(k => $"{k.Key}×{k.Value}")));
        Assert.True(failures.IsEmpty, $"{failures.Count} failures:\n" + string.Join("\n", failures.Take(20)));
        Assert.Equal(Cases, statuses.Values.Sum());
        Assert.True(determined > Cases / 5, $"{determined} cases with a determined answer");
        Assert.True(statuses.GetValueOrDefault(201) > 50 && statuses.GetValueOrDefault(415) > 10 && statuses.GetValueOrDefault(413) > 10, "the cases did not reach every answer");

        using var check = app.CreateLoopbackClient();
        Assert.Equal(HttpStatusCode.OK, (await check.GetAsync(new Uri("/healthz", UriKind.Relative))).StatusCode);
        Assert.True((int)JsonNode.Parse(await check.GetStringAsync(new Uri("/api/search?q=%E8%A1%8C%E6%94%BF%E8%AF%89%E8%AE%BC", UriKind.Relative)))!["total"]! >= 5);
        foreach (var id in acknowledged.Keys)
        {
            Assert.Equal(HttpStatusCode.OK, (await check.GetAsync(new Uri($"/api/reports/{id}", UriKind.Relative))).StatusCode);
        }
    }
}
