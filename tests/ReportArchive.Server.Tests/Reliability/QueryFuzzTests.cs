using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using ReportArchive.Server.Tests.Support;
using Xunit.Abstractions;

namespace ReportArchive.Server.Tests.Reliability;

/// <summary>
/// 10,000 generated query strings (seeded, repeatable) sent as raw bytes through the real host to /api/search and
/// /api/stats: no answer is a 5xx, every 4xx is problem+json with a message, every 200 is JSON.
/// </summary>
public sealed class QueryFuzzTests(ITestOutputHelper output)
{
    private const int Cases = 10_000;

    [Fact]
    public async Task GeneratedQueryStrings_NeverGive5xxAndEvery4xxIsProblemJson()
    {
        await using var app = await ReportArchiveApp.StartAsync();
        var server = app.Server;
        var statuses = new System.Collections.Concurrent.ConcurrentDictionary<int, int>();
        var failures = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var started = System.Diagnostics.Stopwatch.StartNew();

        await Parallel.ForEachAsync(Enumerable.Range(0, 4), async (worker, cancellationToken) =>
        {
            var fuzzer = new QueryStringFuzzer(seed: 9000 + worker);
            for (var i = worker; i < Cases; i += 4)
            {
                var statistics = i % 3 == 0;
                var query = fuzzer.Next(statistics);
                var path = statistics ? "/api/stats" : "/api/search";
                var context = await server.SendAsync(c =>
                {
                    c.Request.Method = HttpMethods.Get;
                    c.Request.Path = path;
                    c.Request.QueryString = new QueryString("?" + query);
                }, cancellationToken);
                var status = context.Response.StatusCode;
                statuses.AddOrUpdate(status, 1, (_, n) => n + 1);
                var problem = Check(context);
                if (problem is not null && failures.Count < 20)
                {
                    failures.Enqueue($"{path}?{query} -> {status}: {problem}");
                }
            }
        });

        output.WriteLine($"{Cases} cases in {started.Elapsed.TotalSeconds:0.0} s: " +
            string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}×{s.Value}")));
        Assert.Empty(failures);
        Assert.Equal(Cases, statuses.Values.Sum());
        Assert.True(statuses.GetValueOrDefault(200) > Cases / 10, "the generator should also produce valid requests");
        Assert.True(statuses.GetValueOrDefault(400) > Cases / 10, "the generator should also produce invalid requests");
    }

    /// <summary>Null when the response is acceptable, else what is wrong with it.</summary>
    private static string? Check(HttpContext context)
    {
        var status = context.Response.StatusCode;
        var body = new StreamReader(context.Response.Body).ReadToEnd();
        if (status >= 500)
        {
            return "server error " + body;
        }

        try
        {
            using var json = JsonDocument.Parse(body);
            if (status == (int)HttpStatusCode.OK)
            {
                return null;
            }

            if (context.Response.ContentType?.StartsWith("application/problem+json", StringComparison.Ordinal) != true)
            {
                return "content type " + context.Response.ContentType;
            }

            var root = json.RootElement;
            var hasMessage = (root.TryGetProperty("detail", out var detail) && detail.GetString() is { Length: > 0 })
                || (root.TryGetProperty("errors", out var errors) && errors.EnumerateObject().Any(e => e.Value.EnumerateArray().Any(m => m.GetString() is { Length: > 0 })));
            return hasMessage && root.TryGetProperty("title", out _) ? null : "problem without a message: " + body;
        }
        catch (JsonException)
        {
            return "not JSON: " + body;
        }
    }
}
