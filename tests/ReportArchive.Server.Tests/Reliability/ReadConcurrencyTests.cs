using System.Net;
using ReportArchive.Server.Tests.Uploads;

namespace ReportArchive.Server.Tests.Reliability;

/// <summary>
/// API reads run at most <c>Limits:ConcurrentReads</c> at once; the others wait in a queue of <c>Limits:ReadQueue</c>
/// (so the search timeout counts only a search's own run), and beyond the queue the answer is 503 problem+json with
/// Retry-After.
/// </summary>
public sealed class ReadConcurrencyTests
{
    private static readonly Uri[] Reads =
    [
        new("/api/search?q=%E8%A1%8C%E6%94%BF%E8%AF%89%E8%AE%BC", UriKind.Relative), new("/api/reports/1", UriKind.Relative),
        new("/api/stats?figure=requests.new.total", UriKind.Relative), new("/api/search?year=2021", UriKind.Relative),
    ];

    [Fact]
    public async Task ManyConcurrentReads_WithOneRunningAtATime_AllAnswerFromTheQueue()
    {
        await using var app = await KeyedArchiveApp.StartAsync(new Dictionary<string, string> { ["Limits:ConcurrentReads"] = "1", ["Limits:ReadQueue"] = "1000" });
        using var client = app.CreateClient();

        var responses = await Task.WhenAll(Enumerable.Range(0, 64).Select(i => client.GetAsync(Reads[i % Reads.Length])));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
    }

    [Fact]
    public async Task ReadsBeyondTheQueue_Are503ProblemJsonWithRetryAfter()
    {
        await using var app = await KeyedArchiveApp.StartAsync(new Dictionary<string, string> { ["Limits:ConcurrentReads"] = "1", ["Limits:ReadQueue"] = "0" });
        using var client = app.CreateClient();

        HttpResponseMessage? busy = null;
        for (var round = 0; round < 20 && busy is null; round++)
        {
            var responses = await Task.WhenAll(Enumerable.Range(0, 64).Select(i => client.GetAsync(Reads[i % Reads.Length])));
            Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.OK or HttpStatusCode.ServiceUnavailable, $"{r.StatusCode}"));
            busy = responses.FirstOrDefault(r => r.StatusCode == HttpStatusCode.ServiceUnavailable);
        }

        Assert.NotNull(busy);
        Assert.Equal("application/problem+json", busy.Content.Headers.ContentType!.MediaType);
        Assert.Equal("1", busy.Headers.GetValues("Retry-After").Single());
        Assert.Contains("retry", await busy.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/healthz", UriKind.Relative))).StatusCode); // not an API read
    }
}
