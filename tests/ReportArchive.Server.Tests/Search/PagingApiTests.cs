using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using ReportArchive.Corpus.Reports;
using ReportArchive.Ingestion;
using ReportArchive.Server.Tests.Support;
using ReportArchive.Storage;

namespace ReportArchive.Server.Tests.Search;

/// <summary>
/// The real server over an archive of 2,000 generated reports (imported before it starts), with an API key and no
/// write limit worth the name, shared by the paging tests. Tests that write add and delete reports of their own.
/// </summary>
public sealed class PagingArchive : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const int Reports = 2000;
    public const string Key = "paging-key-5c1e";

    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "reportarchive-server-tests", Guid.NewGuid().ToString("N"));

    private string SeedDirectory => Path.Combine(DataDirectory + "-seeds");

    public async Task InitializeAsync()
    {
        var corpus = Directory.CreateDirectory(Path.Combine(DataDirectory + "-corpus")).FullName;
        foreach (var report in new ReportCorpusGenerator(seed: 16).Generate(Reports))
        {
            await File.WriteAllTextAsync(Path.Combine(corpus, report.FileName), report.Text);
        }

        var summary = await new ReportImporter(new ReportStore(ArchiveDatabase.Open(DataDirectory))).ImportAsync([corpus], null, CancellationToken.None);
        Assert.Empty(summary.Failed);

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(corpus, recursive: true);
        Directory.CreateDirectory(SeedDirectory);
        using var client = CreateClient();
        await ServerReadiness.WaitAsync(client);
    }

    public HttpClient CreateKeyedClient()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Key);
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("data-dir", DataDirectory);
        builder.UseSetting("seed-dir", SeedDirectory);
        builder.UseSetting("ApiKeys:0", Key);
        builder.UseSetting("Limits:WritesPerWindow", "1000000");
    }

    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var folder in new[] { DataDirectory, SeedDirectory })
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // a leftover temp folder is harmless
            }
        }
    }
}

/// <summary>
/// Through HTTP: collecting every page of a search — by page number or by following <c>next</c> — gives every match
/// exactly once (the set of one big request: the export), in one order whatever the page size; with reports uploaded
/// and deleted while a script walks the cursor, every report present throughout is seen once and none repeats.
/// </summary>
public sealed class PagingApiTests(PagingArchive archive) : IClassFixture<PagingArchive>
{
    public static TheoryData<string> Searches => new()
    {
        "q=行政诉讼", "q=行政诉讼&sort=relevance", "q=行政诉讼&sort=year", "q=行政诉讼&sort=-year", "q=行政诉讼&sort=id",
        "q=复议", "q=卫生健康", "q=萝北县&sort=-year", "q=行政诉讼&year=2021", "q=公开&province=河南省&sort=id", "", "year=2022&sort=year",
    };

    [Theory]
    [MemberData(nameof(Searches))]
    public async Task EveryPage_ByNumberAndByCursor_HoldsEveryMatchOnce(string search)
    {
        using var client = archive.CreateClient();
        var expected = await ExportedIdsAsync(client, search);
        Assert.NotEmpty(expected);

        var order = await ByPageNumberAsync(client, search, 100);
        Assert.Equal(expected.Order(), order.Order());
        foreach (var size in new[] { 7, 20 })
        {
            Assert.Equal(order, await ByPageNumberAsync(client, search, size));
        }

        foreach (var size in new[] { 7, 20, 100 })
        {
            Assert.Equal(order, await ByCursorAsync(client, search, size));
        }
    }

    [Fact]
    public async Task CursorWalk_WhileReportsAreUploadedAndDeleted_SeesEveryReportPresentThroughoutOnce()
    {
        using var client = archive.CreateClient();
        using var writer = archive.CreateKeyedClient();
        const string search = "q=行政诉讼"; // every report: every upload matches, and changes every report's BM25 score
        var before = (await ExportedIdsAsync(client, search)).ToHashSet();
        var uploaded = new ConcurrentBag<long>();
        var deleted = new ConcurrentBag<long>();
        using var walking = new CancellationTokenSource();

        var writes = Task.Run(async () =>
        {
            var newcomers = new ReportCorpusGenerator(seed: 77).Generate(200).GetEnumerator();
            var victims = new Random(77);
            var candidates = before.Order().ToList();
            while (!walking.IsCancellationRequested && newcomers.MoveNext())
            {
                using var upload = await writer.PostAsync(
                    new Uri("/api/reports?name=" + Uri.EscapeDataString(newcomers.Current.FileName), UriKind.Relative),
                    new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(newcomers.Current.Text)));
                Assert.True(upload.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, $"upload: {(int)upload.StatusCode}");
                uploaded.Add((long)JsonNode.Parse(await upload.Content.ReadAsStringAsync())!["id"]!);
                var victim = candidates[victims.Next(candidates.Count)];
                using var delete = await writer.DeleteAsync(new Uri($"/api/reports/{victim}", UriKind.Relative));
                if (delete.IsSuccessStatusCode)
                {
                    deleted.Add(victim);
                }
            }
        });

        List<long> seen;
        try
        {
            seen = await ByCursorAsync(client, search, 20, pause: TimeSpan.FromMilliseconds(5));
        }
        finally
        {
            await walking.CancelAsync();
            await writes;
        }

        Assert.NotEmpty(uploaded);
        Assert.NotEmpty(deleted);
        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.Empty(before.Except(deleted).Except(seen));
        Assert.All(seen, id => Assert.True(before.Contains(id) || uploaded.Contains(id), $"{id} was never a match"));
    }

    [Fact]
    public async Task UnknownSort_Is400_ListingTheAllowedValues()
    {
        using var client = archive.CreateClient();
        var problem = await ProblemAsync(client, "/api/search?q=行政诉讼&sort=newest");
        var message = (string)problem["errors"]!["sort"]![0]!;
        Assert.All(new[] { "relevance", "year", "-year", "id" }, value => Assert.Contains(value, message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task MalformedForeignOrPagedCursor_Is400()
    {
        using var client = archive.CreateClient();
        var next = (string)(await SearchApiTests.GetJsonAsync(client, "/api/search?q=行政诉讼"))["next"]!;

        Assert.NotEmpty((string)(await ProblemAsync(client, "/api/search?q=行政诉讼&after=%25%25%25"))["errors"]!["after"]![0]!);
        Assert.NotEmpty((string)(await ProblemAsync(client, "/api/search?q=行政诉讼&after=" + next[..^4]))["errors"]!["after"]![0]!);
        Assert.NotEmpty((string)(await ProblemAsync(client, "/api/search?q=复议&after=" + next))["errors"]!["after"]![0]!);
        Assert.NotEmpty((string)(await ProblemAsync(client, "/api/search?q=行政诉讼&sort=year&after=" + next))["errors"]!["after"]![0]!);
        Assert.NotEmpty((string)(await ProblemAsync(client, "/api/search?q=行政诉讼&page=2&after=" + next))["errors"]!["after"]![0]!);
        var second = await SearchApiTests.GetJsonAsync(client, "/api/search?q=行政诉讼&page=1&after=" + next);
        Assert.Equal(2, (int)second["page"]!);
        Assert.Equal("relevance", (string)second["sort"]!);
    }

    private static async Task<JsonNode> ProblemAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    /// <summary>The ids of one big request: the JSON-lines export of the same search.</summary>
    private static async Task<List<long>> ExportedIdsAsync(HttpClient client, string search)
    {
        var lines = await client.GetStringAsync(new Uri($"/api/export?format=jsonl&{search}", UriKind.Relative));
        return lines.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => (long)JsonNode.Parse(line)!["id"]!).ToList();
    }

    private static async Task<List<long>> ByPageNumberAsync(HttpClient client, string search, int pageSize)
    {
        var ids = new List<long>();
        var first = await SearchApiTests.GetJsonAsync(client, $"/api/search?{search}&pageSize={pageSize}");
        var total = (int)first["total"]!;
        ids.AddRange(Ids(first));
        for (var page = 2; page <= (total + pageSize - 1) / pageSize; page++)
        {
            var body = await SearchApiTests.GetJsonAsync(client, $"/api/search?{search}&pageSize={pageSize}&page={page}");
            Assert.Equal(total, (int)body["total"]!);
            ids.AddRange(Ids(body));
        }

        return ids;
    }

    private static async Task<List<long>> ByCursorAsync(HttpClient client, string search, int pageSize, TimeSpan pause = default)
    {
        var ids = new List<long>();
        var body = await SearchApiTests.GetJsonAsync(client, $"/api/search?{search}&pageSize={pageSize}");
        for (var page = 1; ; page++)
        {
            Assert.Equal(page, (int)body["page"]!);
            Assert.Equal(pageSize, (int)body["pageSize"]!);
            ids.AddRange(Ids(body));
            if ((string?)body["next"] is not { } next)
            {
                return ids;
            }

            Assert.Equal(pageSize, body["hits"]!.AsArray().Count);
            if (pause > TimeSpan.Zero)
            {
                await Task.Delay(pause);
            }

            body = await SearchApiTests.GetJsonAsync(client, $"/api/search?{search}&pageSize={pageSize}&after={Uri.EscapeDataString(next)}");
        }
    }

    private static IEnumerable<long> Ids(JsonNode body) => body["hits"]!.AsArray().Select(h => (long)h!["id"]!);
}

/// <summary>The README's paging examples (the <c>curl</c> lines of <c>GET /api/search</c> with <c>sort</c> or <c>after</c>), run as written against the seeds.</summary>
public sealed class ReadmePagingExampleTests
{
    [Fact]
    public async Task SortAndAfterExamples_Answer200_AndTheAfterTokenIsTheNextOfTheLineBefore()
    {
        await using var app = await ReportArchiveApp.StartAsync();
        using var client = app.CreateClient();
        var examples = (await CurlGet.SearchSectionAsync()).CurlLines
            .Where(l => l.Contains("sort=", StringComparison.Ordinal) || l.Contains("after=", StringComparison.Ordinal)).ToList();
        Assert.True(examples.Count >= 2, "the README shows sort and after");
        Assert.Contains(examples, l => l.Contains(" -d after=", StringComparison.Ordinal));

        string? previousNext = null;
        foreach (var line in examples)
        {
            var (url, after) = CurlGet.ToRelativeUrl(line);
            if (after is not null)
            {
                Assert.Equal(previousNext, after);
            }

            var body = await SearchApiTests.GetJsonAsync(client, url);
            Assert.NotEmpty(body["hits"]!.AsArray());
            previousNext = (string?)body["next"];
        }
    }
}
