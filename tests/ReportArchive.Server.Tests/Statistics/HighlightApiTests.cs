using System.Net;
using System.Text.Json.Nodes;
using ReportArchive.Analysis.Normalization;
using ReportArchive.Server.Tests.Support;

namespace ReportArchive.Server.Tests.Statistics;

/// <summary>/api/reports/{id}/highlights: the ranges the report page marks in the full text.</summary>
public sealed class HighlightApiTests(ArchiveApplication app) : IClassFixture<ArchiveApplication>
{
    [Fact]
    public async Task Highlights_RangesCoverEveryMatchOfTheTermInTheText()
    {
        var client = await app.CreateReadyClientAsync();
        var text = JsonNode.Parse(await client.GetStringAsync(new Uri("/api/reports/5", UriKind.Relative)))!["text"]!.GetValue<string>();

        var ranges = await RangesAsync(client, 5, "行政诉讼");

        Assert.NotEmpty(ranges);
        Assert.All(ranges, r => Assert.Equal("行政诉讼", TextNormalizer.NormalizeToString(text[r.Start..r.End])));
        Assert.Equal(CountOccurrences(TextNormalizer.NormalizeToString(text), "行政诉讼"), ranges.Count);
        Assert.True(ranges.Zip(ranges.Skip(1)).All(p => p.First.End < p.Second.Start), "ranges are ordered and apart");
    }

    [Fact]
    public async Task Highlights_SpanLineBreaksInsideWords()
    {
        // Seed 000 (report 1) prints 本年度办理结果 with spaces inside ("三、本 年 度 办"); matching ignores them.
        var client = await app.CreateReadyClientAsync();
        var report = JsonNode.Parse(await client.GetStringAsync(new Uri("/api/reports/1", UriKind.Relative)))!;
        var text = report["text"]!.GetValue<string>();

        var ranges = await RangesAsync(client, 1, "\"本年度办\"");

        Assert.Contains(ranges, r => text[r.Start..r.End].Contains(' ', StringComparison.Ordinal));
    }

    [Fact]
    public async Task Highlights_ExcludedTermsAndEmptyQueriesMarkNothing()
    {
        var client = await app.CreateReadyClientAsync();

        Assert.Empty(await RangesAsync(client, 5, "-行政诉讼"));
        Assert.Empty(await RangesAsync(client, 5, ""));
    }

    [Fact]
    public async Task Highlights_UnknownReport_Returns404()
    {
        var client = await app.CreateReadyClientAsync();

        using var response = await client.GetAsync(new Uri("/api/reports/999/highlights?q=x", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static async Task<List<(int Start, int End)>> RangesAsync(HttpClient client, long id, string q)
    {
        var body = await client.GetStringAsync(new Uri($"/api/reports/{id}/highlights?q={Uri.EscapeDataString(q)}", UriKind.Relative));
        return JsonNode.Parse(body)!["ranges"]!.AsArray()
            .Select(r => (r!["start"]!.GetValue<int>(), r["end"]!.GetValue<int>())).ToList();
    }

    private static int CountOccurrences(string text, string term)
    {
        var count = 0;
        for (var at = text.IndexOf(term, StringComparison.Ordinal); at >= 0; at = text.IndexOf(term, at + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
