using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ReportArchive.Server.Tests.Support;

namespace ReportArchive.Server.Tests.Reliability;

/// <summary>
/// Issue 23, finding 10: <c>figure=review.total&gt;５</c> (a full-width digit, as a Chinese input method types it)
/// answered 500 on search, stats, export and regions. Full-width digits and operators now mean their ASCII forms
/// (NFKC), in figure conditions, years and pages; other digits and garbage are a 400 problem+json naming the parameter.
/// </summary>
public sealed partial class FullWidthParameterTests
{
    public static TheoryData<string> Endpoints => new()
    {
        "/api/search?",
        "/api/stats?figure=requests.new.total&",
        "/api/export?format=jsonl&",
        "/api/regions?",
    };

    /// <summary>A parameter as typed with a Chinese input method, and its ASCII form.</summary>
    public static readonly (string Typed, string Ascii)[] Folded =
    [
        ("figure=review.total>５", "figure=review.total>5"),
        ("figure=review.total＞＝０", "figure=review.total>=0"),
        ("figure=review.total＜１０", "figure=review.total<10"),
        ("figure=requests.new.total>＝１．５", "figure=requests.new.total>=1.5"),
        ("figure=ｒｅｖｉｅｗ.total＞０", "figure=review.total>0"),
        ("year=２０２１", "year=2021"),
        ("year=２０２０．．２０２２", "year=2020..2022"),
    ];

    public static readonly string[] Garbage =
    [
        "figure=review.total>٥", // Arabic-Indic five: a digit to \d, not to a figure
        "figure=review.total>५",
        "figure=review.total>５５５５５５５５５５５５５５５５５", // 17 digits
        "figure=review.total≥5",
        "figure=review.total>5x",
        "figure=review.total>\u0000",
        "figure=review.total>\uFFFD",
        "figure=review.total＞",
        "year=２０２Ａ",
        "year=٢٠٢١",
    ];

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task FullWidthDigitsAndOperators_MeanTheirAsciiForms(string endpoint)
    {
        await using var app = await ReportArchiveApp.StartAsync();
        using var client = app.CreateClient();
        foreach (var (typed, ascii) in Folded)
        {
            var (typedStatus, typedBody) = await GetAsync(client, endpoint + Encode(typed));
            var (asciiStatus, asciiBody) = await GetAsync(client, endpoint + Encode(ascii));

            Assert.True(asciiStatus == HttpStatusCode.OK, $"{endpoint}{ascii}: {asciiStatus} {asciiBody}");
            Assert.True(typedStatus == HttpStatusCode.OK, $"{endpoint}{typed}: {typedStatus} {typedBody}");
            Assert.Equal(WithoutTimings(asciiBody), WithoutTimings(typedBody));
        }
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task OtherDigitsAndGarbage_Are400ProblemJson_NamingTheParameter(string endpoint)
    {
        await using var app = await ReportArchiveApp.StartAsync();
        using var client = app.CreateClient();
        foreach (var garbage in Garbage.Append("page=５").Where(g => endpoint.StartsWith("/api/search", StringComparison.Ordinal) || !g.StartsWith("page", StringComparison.Ordinal)))
        {
            using var response = await client.GetAsync(new Uri(endpoint + Encode(garbage), UriKind.Relative));
            var body = await response.Content.ReadAsStringAsync();
            if (garbage == "page=５")
            {
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{endpoint}{garbage}: {(int)response.StatusCode} {body}");
                continue;
            }

            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{endpoint}{garbage}: {(int)response.StatusCode} {body}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var parameter = garbage[..garbage.IndexOf('=', StringComparison.Ordinal)];
            Assert.NotNull(JsonNode.Parse(body)!["errors"]![parameter]);
        }
    }

    private static string Encode(string parameter)
    {
        var equals = parameter.IndexOf('=', StringComparison.Ordinal);
        return parameter[..equals] + "=" + Uri.EscapeDataString(parameter[(equals + 1)..]);
    }

    private static async Task<(HttpStatusCode Status, string Body)> GetAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static string WithoutTimings(string body) => Timing().Replace(body, "");

    [GeneratedRegex("\"[A-Za-z]*Ms\":[0-9.eE+-]+,?")]
    private static partial Regex Timing();
}
