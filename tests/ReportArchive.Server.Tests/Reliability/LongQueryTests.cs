using System.Net;
using System.Text.Json.Nodes;

namespace ReportArchive.Server.Tests.Reliability;

/// <summary>
/// Issue 16: a long Chinese q through the real Kestrel server (whose request-line limit, 8 KB by default, answered a
/// 1,000-character Chinese q with a bodyless 414): the documented maximum is served, one character more and three times
/// as much are a 400 problem+json naming q, on every endpoint that takes q.
/// </summary>
public sealed class LongQueryTests
{
    [Theory]
    [InlineData("/api/search")]
    [InlineData("/api/regions")]
    [InlineData("/api/stats?figure=requests.new.total")]
    [InlineData("/api/export?format=jsonl")]
    [InlineData("/api/reports/1/highlights")]
    public async Task AQueryAtTheMaximum_IsServed_AndLongerIsA400ProblemJsonNamingQ(string endpoint)
    {
        await using var app = await LoopbackKeyedArchive.StartAsync();
        using var client = app.CreateLoopbackClient();
        var separator = endpoint.Contains('?', StringComparison.Ordinal) ? "&" : "?";
        Uri Url(int characters) => new($"{endpoint}{separator}q={Uri.EscapeDataString(string.Concat(Enumerable.Repeat("行政诉讼", characters / 4 + 1))[..characters])}", UriKind.Relative);

        using var atMaximum = await client.GetAsync(Url(1000)); // 9,000 bytes percent-encoded
        Assert.Equal(HttpStatusCode.OK, atMaximum.StatusCode);
        foreach (var characters in new[] { 1001, 3000 })
        {
            using var over = await client.GetAsync(Url(characters));
            Assert.Equal(HttpStatusCode.BadRequest, over.StatusCode);
            Assert.Equal("application/problem+json", over.Content.Headers.ContentType?.MediaType);
            var errors = JsonNode.Parse(await over.Content.ReadAsStringAsync())!["errors"]!;
            Assert.Contains($"{characters} characters", (string)errors["q"]![0]!, StringComparison.Ordinal);
        }
    }
}
