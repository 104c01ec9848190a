using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ReportArchive.Server.Tests.Support;

namespace ReportArchive.Server.Tests.Search;

/// <summary>
/// The search answer's <c>query</c> says what was searched besides what was typed (<c>alsoSearched</c>: the synonyms)
/// and how many reports hold each excluded term (<c>excluded</c>), on the five seeds; and the search page's own
/// examples (placeholder and help) find reports there.
/// </summary>
public sealed partial class QueryDescriptionApiTests : IAsyncLifetime
{
    private ReportArchiveApp _app = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _app = await ReportArchiveApp.StartAsync();
        _client = _app.CreateClient();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
    }

    private Task<JsonNode> SearchAsync(string q) => SearchApiTests.GetJsonAsync(_client, "/api/search?pageSize=1&q=" + Uri.EscapeDataString(q));

    [Fact]
    public async Task AnAbbreviation_SaysWhichFullNameWasSearchedToo()
    {
        var body = await SearchAsync("工信局");

        var also = body["query"]!["alsoSearched"]!.AsArray();
        Assert.Equal("""[{"text":"工业和信息化局","kind":"synonym","from":"工信局"}]""", also.ToJsonString(new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
        Assert.Empty((await SearchAsync("依申请公开"))["query"]!["alsoSearched"]!.AsArray());
    }

    [Fact]
    public async Task AnExcludedTemplateWord_IsCountedInEveryReport_AndMarkedAsTheTemplates()
    {
        var body = await SearchAsync("行政诉讼 -复议");

        Assert.Equal(0, (int)body["total"]!);
        var excluded = Assert.Single(body["query"]!["excluded"]!.AsArray())!;
        Assert.Equal("复议", (string)excluded["text"]!);
        Assert.Equal(5, (int)excluded["reports"]!);
        Assert.Equal(5, (int)excluded["ofReports"]!);
        Assert.True((bool)excluded["inTemplate"]!);
        Assert.True((bool)excluded["excludesAlmostEverything"]!);
    }

    [Fact]
    public async Task AnExcludedWordSomeReportsHave_IsCountedAsASearchOfItWould()
    {
        var body = await SearchAsync("依申请公开 -网站");

        var excluded = Assert.Single(body["query"]!["excluded"]!.AsArray())!;
        Assert.Equal("网站", (string)excluded["text"]!);
        var alone = (int)(await SearchAsync("网站"))["total"]!;
        Assert.InRange(alone, 1, 4);
        Assert.Equal(alone, (int)excluded["reports"]!);
        Assert.False((bool)excluded["inTemplate"]!);
        Assert.False((bool)excluded["excludesAlmostEverything"]!);
        Assert.Empty((await SearchAsync("依申请公开"))["query"]!["excluded"]!.AsArray());
    }

    [Fact]
    public async Task ThePagesPlaceholderAndHelpExamples_FindReports()
    {
        using var response = await _client.GetAsync(new Uri("/", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var examples = Example().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value))
            .Append(WebUtility.HtmlDecode(Placeholder().Match(html).Groups[1].Value)).ToList();
        Assert.True(examples.Count >= 6, string.Join(" | ", examples));
        foreach (var example in examples)
        {
            Assert.True((int)(await SearchAsync(example))["total"]! > 0, $"{example} finds nothing on the seeds");
        }
    }

    [GeneratedRegex("data-example=\"([^\"]+)\"")]
    private static partial Regex Example();

    [GeneratedRegex("id=\"q\"[^>]*placeholder=\"例如：([^\"]+)\"")]
    private static partial Regex Placeholder();
}
