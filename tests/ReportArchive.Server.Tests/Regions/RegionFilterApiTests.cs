using System.Net;
using System.Text.Json.Nodes;
using ReportArchive.Server.Tests.Support;
using ReportArchive.Testing;

namespace ReportArchive.Server.Tests.Regions;

/// <summary>
/// The region filters through HTTP, on a server whose seeds repeat district names (<see cref="RepeatedDistrictReports"/>):
/// <c>region=CODE</c> selects exactly that division, an ambiguous name is a 400 problem+json listing the candidates
/// with their codes and full names, and the region tree keeps the siblings of what is selected.
/// </summary>
public sealed class RegionFilterApiTests : IAsyncLifetime
{
    private readonly string _seeds = Path.Combine(Path.GetTempPath(), "reportarchive-server-tests", Guid.NewGuid().ToString("N") + "-districts");
    private ReportArchiveApp _app = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        RepeatedDistrictReports.WriteTo(_seeds);
        _app = await ReportArchiveApp.StartAsync(_seeds);
        _client = _app.CreateClient();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
        Directory.Delete(_seeds, recursive: true);
    }

    [Fact]
    public async Task ACountyCode_SelectsOnlyThatCounty()
    {
        var body = await SearchApiTests.GetJsonAsync(_client, "/api/search?region=320302");

        Assert.Equal(3, (int)body["total"]!);
        Assert.All(body["hits"]!.AsArray(), hit =>
        {
            Assert.Equal("徐州市", (string)hit!["city"]!);
            Assert.Equal("鼓楼区", (string)hit["county"]!);
        });
    }

    [Theory]
    [InlineData("city=" + "徐州市" + "&county=" + "鼓楼区", 3)]
    [InlineData("province=" + "河南省" + "&county=" + "鼓楼区", 1)]
    [InlineData("region=" + "东城区", 1)]
    [InlineData("region=32&region=35", 9)]
    [InlineData("city=" + "杭州市" + "&county=" + "鼓楼区", 0)] // 杭州市 has no 鼓楼区
    public async Task NamesStayAccepted_WhenTheyNameOneDivision(string query, int total)
    {
        var body = await SearchApiTests.GetJsonAsync(_client, "/api/search?" + EscapeValues(query));

        Assert.Equal(total, (int)body["total"]!);
    }

    [Theory]
    [InlineData("/api/search")]
    [InlineData("/api/regions")]
    [InlineData("/api/export?format=csv")]
    [InlineData("/api/stats?figure=requests.new.total&groupBy=year")]
    public async Task AnAmbiguousName_Is400ProblemJson_ListingTheCandidatesWithTheirCodesAndFullNames(string endpoint)
    {
        var separator = endpoint.Contains('?', StringComparison.Ordinal) ? "&" : "?";
        var response = await _client.GetAsync(new Uri(endpoint + separator + "county=" + Uri.EscapeDataString("鼓楼区"), UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(400, (int)problem["status"]!);
        var county = problem["errors"]!["county"]!.AsArray().Select(e => (string)e!).ToArray();
        Assert.Contains("鼓楼区", county[0], StringComparison.Ordinal);
        Assert.Equal(["320106 江苏省南京市鼓楼区", "320302 江苏省徐州市鼓楼区", "350102 福建省福州市鼓楼区", "410204 河南省开封市鼓楼区"], county[1..]);
    }

    [Theory]
    [InlineData("region=3299", "region")]
    [InlineData("region=410", "region")]
    [InlineData("region=" + "西湖区", "region")]
    [InlineData("city=" + "徐州", "city")]
    [InlineData("province=" + "江苏省" + "&county=" + "鼓楼区", "county")]
    public async Task AValueThatSelectsNoDivisionUnambiguously_Is400NamingTheParameter(string query, string parameter)
    {
        var response = await _client.GetAsync(new Uri("/api/search?" + EscapeValues(query), UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.NotEmpty((string)problem["errors"]![parameter]![0]!);
    }

    [Fact]
    public async Task TheRegionTree_OfASearchAndOfApiRegions_KeepsTheSiblingsOfTheSelection()
    {
        var search = await SearchApiTests.GetJsonAsync(_client, "/api/search?region=320302&year=2021");
        var regions = (await SearchApiTests.GetJsonAsync(_client, "/api/regions?region=320302&year=2021")).AsArray();

        Assert.Equal(2, (int)search["total"]!);
        var tree = search["facets"]!["regions"]!.AsArray();
        Assert.Equal(tree.ToJsonString(), regions.ToJsonString());
        Assert.Equal(["32", "11", "41", "33", "35"], tree.Select(n => (string)n!["code"]!).ToArray()); // 江苏省 4, then 1 each by name
        var xuzhou = tree[0]!["children"]![0]!;
        Assert.Equal("""{"value":"徐州市","code":"3203","count":3,"children":[{"value":"鼓楼区","code":"320302","count":2,"children":[]},{"value":"云龙区","code":"320303","count":1,"children":[]}]}""",
            xuzhou.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
    }

    [Fact]
    public async Task ProvinceAndCityFacetValues_CarryTheirCodes_OtherFacetsDoNot()
    {
        var facets = (await SearchApiTests.GetJsonAsync(_client, "/api/search"))["facets"]!;

        Assert.Contains(facets["province"]!.AsArray(), v => (string)v!["value"]! == "江苏省" && (string)v["code"]! == "32" && (int)v["count"]! == 7);
        Assert.Contains(facets["city"]!.AsArray(), v => (string)v!["value"]! == "徐州市" && (string)v["code"]! == "3203" && (int)v["count"]! == 5);
        Assert.All(facets["year"]!.AsArray(), v => Assert.Equal(["value", "count"], v!.AsObject().Select(p => p.Key)));
    }

    /// <summary>Escapes the values of a query string written readably (<c>county=鼓楼区&amp;city=徐州市</c>).</summary>
    private static string EscapeValues(string query) => string.Join('&', query.Split('&').Select(pair =>
    {
        var equals = pair.IndexOf('=', StringComparison.Ordinal);
        return pair[..(equals + 1)] + Uri.EscapeDataString(pair[(equals + 1)..]);
    }));
}

/// <summary>The README's region examples (the <c>curl</c> lines of <c>GET /api/search</c> with a region parameter), run as written against the seeds.</summary>
public sealed class ReadmeRegionExampleTests
{
    private static readonly string[] RegionParameters = ["region=", "province=", "city=", "county="];

    [Fact]
    public async Task RegionExamples_AnswerAsTheReadmeSays()
    {
        await using var app = await ReportArchiveApp.StartAsync();
        using var client = app.CreateClient();
        var (section, curlLines) = await CurlGet.SearchSectionAsync();
        var examples = curlLines.Where(l => RegionParameters.Any(p => l.Contains(p, StringComparison.Ordinal))).ToList();
        Assert.True(examples.Count >= 4, $"only {examples.Count} region examples");

        // the problem shown after "The ambiguous name above:" is what the 400 example answers
        var shown = section[section.IndexOf("The ambiguous name above:", StringComparison.Ordinal)..];
        shown = shown[(shown.IndexOf("```json\n", StringComparison.Ordinal) + 8)..];
        var documented = JsonNode.Parse(shown[..shown.IndexOf("```", StringComparison.Ordinal)])!;
        foreach (var line in examples)
        {
            using var response = await client.GetAsync(new Uri(CurlGet.ToRelativeUrl(line).Url, UriKind.Relative));
            var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            if (line.Contains("# 400", StringComparison.Ordinal))
            {
                Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
                Assert.Equal(documented["errors"]!.ToJsonString(), body["errors"]!.ToJsonString());
                Assert.Equal((string)documented["title"]!, (string)body["title"]!);
                Assert.Equal((string)documented["type"]!, (string)body["type"]!);
            }
            else
            {
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{line}: {(int)response.StatusCode} {body}");
                Assert.NotEmpty(body["hits"]!.AsArray());
            }
        }
    }
}
