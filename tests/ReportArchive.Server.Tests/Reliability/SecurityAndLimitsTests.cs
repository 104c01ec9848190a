using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ReportArchive.Server.Security;
using ReportArchive.Server.Tests.Support;

namespace ReportArchive.Server.Tests.Reliability;

public sealed class SecurityAndLimitsTests
{
    [Theory]
    [InlineData("/")]
    [InlineData("/js/search.js")]
    [InlineData("/api/search?q=行政诉讼")]
    [InlineData("/api/search?pageSize=0")]
    [InlineData("/api/reports/999999")]
    [InlineData("/no-such-page")]
    public async Task EveryResponse_CarriesTheSecurityHeaders(string path)
    {
        await using var app = await ReportArchiveApp.StartAsync();
        using var client = app.CreateClient();

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal("default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
            Header(response, "Content-Security-Policy"));
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
    }

    [Fact]
    public void WebPages_HaveNoInlineScriptsOrStylesTheCspWouldBlock()
    {
        var pages = Directory.GetFiles(Path.Combine(ReportArchiveApp.RepositoryRoot, "src", "ReportArchive.Server", "wwwroot"), "*.html");
        Assert.NotEmpty(pages);
        foreach (var page in pages)
        {
            var html = File.ReadAllText(page);
            foreach (System.Text.RegularExpressions.Match script in System.Text.RegularExpressions.Regex.Matches(html, "<script[^>]*>"))
            {
                Assert.Contains("src=", script.Value, StringComparison.Ordinal); // no inline script body
            }

            Assert.DoesNotMatch(@"\son[a-z]+\s*=", html); // no inline event handlers
            Assert.DoesNotContain("<style", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotMatch(@"\sstyle\s*=", html);
            Assert.DoesNotMatch(@"(src|href)\s*=\s*""(https?:)?//", html); // nothing from another origin
        }
    }

    [Theory]
    [InlineData("pageSize=101", "pageSize")]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("page=0", "page")]
    public async Task PageLimits_Give400ProblemJson(string query, string parameter)
    {
        await using var app = await ReportArchiveApp.StartAsync();
        using var client = app.CreateClient();

        using var response = await client.GetAsync(new Uri("/api/search?" + query, UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(parameter, out _));
    }

    [Fact]
    public async Task QueryLongerThanTheLimit_Gives400ProblemJson()
    {
        await using var app = await ReportArchiveApp.StartAsync();
        using var client = app.CreateClient();

        using var response = await client.GetAsync(new Uri("/api/search?q=" + new string('政', 1001), UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("at most 1000", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SearchRunningPastTheTimeout_Gives503ProblemJson()
    {
        await using var app = await ReportArchiveApp.StartAsync();
        using var slow = app.WithWebHostBuilder(b => b.UseSetting("Limits:SearchTimeout", "00:00:00"));
        using var client = slow.CreateClient();
        Assert.Equal(TimeSpan.Zero, slow.Services.GetRequiredService<ServerLimits>().SearchTimeout);
        await WaitUntilReadyAsync(client);

        // punctuation inside quotes makes the search verify its candidates, where it checks the token
        using var response = await client.GetAsync(new Uri("/api/search?q=" + Uri.EscapeDataString("\"依据《政府信息公开信息处理费管理办法》\""), UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Search timed out", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StatisticsRunningPastTheSearchTimeout_Give503ProblemJson()
    {
        await using var app = await ReportArchiveApp.StartAsync();
        using var slow = app.WithWebHostBuilder(b => b.UseSetting("Limits:SearchTimeout", "00:00:00"));
        using var client = slow.CreateClient();
        await WaitUntilReadyAsync(client);

        using var response = await client.GetAsync(new Uri("/api/stats?figure=requests.new.total&groupBy=province", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Search timed out", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SearchWithinTheTimeout_Answers200()
    {
        await using var app = await ReportArchiveApp.StartAsync();
        using var client = app.CreateClient();

        using var response = await client.GetAsync(new Uri("/api/search?q=" + Uri.EscapeDataString("\"依据《政府信息公开信息处理费管理办法》\""), UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task BodyLargerThanTheLimit_Gives413ProblemJson()
    {
        await using var app = await ReportArchiveApp.StartAsync();
        using var small = app.WithWebHostBuilder(b => b.UseSetting("Limits:MaxRequestBodyBytes", "1000"));
        using var client = small.CreateClient();

        using var response = await client.PostAsync(new Uri("/api/search", UriKind.Relative), new ByteArrayContent(new byte[1001]));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("at most 1000", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cors_IsOffUnlessConfigured()
    {
        await using var app = await ReportArchiveApp.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/search?q=x");
        request.Headers.Add("Origin", "https://elsewhere.example");

        using (var client = app.CreateClient())
        using (var response = await client.SendAsync(request))
        {
            Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
        }

        using var configured = app.WithWebHostBuilder(b => b.UseSetting("Cors:Origins", "https://elsewhere.example"));
        using var allowed = new HttpRequestMessage(HttpMethod.Get, "/api/search?q=x");
        allowed.Headers.Add("Origin", "https://elsewhere.example");
        using var configuredClient = configured.CreateClient();
        using var allowedResponse = await configuredClient.SendAsync(allowed);
        Assert.Equal("https://elsewhere.example", Header(allowedResponse, "Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task WritesPolicy_Gives429ProblemJsonBeyondTheWindow()
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Limits:WritesPerWindow"] = "3",
            ["Limits:WritesWindow"] = "00:10:00",
            ["ApiKeys:0"] = "window-key",
        });
        builder.Services.AddProblemDetails();
        builder.Services.AddServerSecurity(builder.Configuration);
        await using var app = builder.Build();
        app.UseServerSecurity();
        app.MapPost("/write", () => Results.Ok()).RequireRateLimiting(ServerSecurity.WritesPolicy);
        app.MapGet("/read", () => Results.Ok());
        await app.StartAsync();
        using var client = app.GetTestClient();
        using var anonymous = app.GetTestClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "window-key");
        for (var i = 0; i < 5; i++)
        {
            using var unauthenticated = await anonymous.PostAsync(new Uri("/write", UriKind.Relative), null); // not counted
            Assert.Equal(HttpStatusCode.OK, unauthenticated.StatusCode); // (this bare endpoint has no key check of its own)
        }

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            using var response = await client.PostAsync(new Uri("/write", UriKind.Relative), null);
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                Assert.Contains("at most 3 writes", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
                Assert.True(response.Headers.Contains("Retry-After"));
            }
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        using var read = await client.GetAsync(new Uri("/read", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, read.StatusCode); // reads are not limited
    }

    [Fact]
    public void Limits_ComeFromConfigurationWithDefaults()
    {
        var defaults = ServerLimits.From(new ConfigurationBuilder().Build());
        Assert.Equal(TimeSpan.FromSeconds(5), defaults.SearchTimeout);
        Assert.Equal(32L * 1024 * 1024, defaults.MaxRequestBodyBytes);

        var bad = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Limits:MaxRequestBodyBytes"] = "lots" }).Build();
        Assert.Throws<InvalidOperationException>(() => ServerLimits.From(bad));
    }

    private static Task WaitUntilReadyAsync(HttpClient client) => ServerReadiness.WaitAsync(client);

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(",", values)
            : null;
}
