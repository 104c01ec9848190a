using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using ReportArchive.Corpus.Documents;
using Xunit.Abstractions;

namespace ReportArchive.Server.Tests.Reliability;

/// <summary>
/// Malformed documents (<see cref="HostileDocumentGenerator"/>: .docx nested 20,000+ deep, zip bombs honest and
/// lying, missing parts, bad XML, DTDs, wrong content types, truncated and flipped zips; .html nested deep, huge
/// attributes, bad entities; .pdf truncated or garbage) uploaded one by one to the built server as a child process:
/// every one is stored (201) or refused with a problem that says why (4xx), none answers 5xx, the server never dies,
/// and afterwards the archive passes <c>integrity_check</c> and holds exactly the reports that were acknowledged.
/// The fast form uploads 6 of each kind; <c>REPORTARCHIVE_DOCUMENT_FUZZ=N</c> (scripts/reliability/document-fuzz.sh)
/// uploads N, with 100,000-deep nesting and 1 GB bombs.
/// </summary>
public sealed class DocumentUploadFuzzTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "reportarchive-document-fuzz", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task MalformedDocuments_AreStoredOrRefusedWithAReason_NeverA5xx_NorADeadServer()
    {
        var count = int.TryParse(Environment.GetEnvironmentVariable("REPORTARCHIVE_DOCUMENT_FUZZ"), CultureInfo.InvariantCulture, out var n) ? n : HostileDocumentGenerator.Kinds * 6;
        var large = count > HostileDocumentGenerator.Kinds * 6;
        await using var server = await ServerChildProcess.StartAsync(_data);
        var outcomes = new List<(string Name, HttpStatusCode Status, string Detail, double Seconds)>();
        var clock = Stopwatch.StartNew();
        long largest = 0;
        foreach (var (name, bytes) in new HostileDocumentGenerator(seed: 23, large).Generate(count))
        {
            largest = Math.Max(largest, bytes.Length);
            using var form = new MultipartFormDataContent();
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(file, "file", name);
            var started = clock.Elapsed;
            using var response = await server.Client.PostAsync(new Uri("/api/reports", UriKind.Relative), form);
            var body = await response.Content.ReadAsStringAsync();
            Assert.False(server.HasExited, $"the server died on {name}");
            outcomes.Add((name, response.StatusCode, Detail(body), (clock.Elapsed - started).TotalSeconds));
        }

        output.WriteLine($"{outcomes.Count} documents in {clock.Elapsed.TotalSeconds:N1} s: {outcomes.Count(o => o.Status == HttpStatusCode.Created)} stored, {outcomes.Count(o => (int)o.Status is >= 400 and < 500)} refused, {outcomes.Count(o => (int)o.Status >= 500)} 5xx; slowest {outcomes.Max(o => o.Seconds):N2} s; largest upload {largest:N0} bytes; server peak memory {server.PeakMemoryBytes / (1024 * 1024):N0} MB");
        foreach (var kind in outcomes.GroupBy(o => $"{o.Name[..o.Name.LastIndexOf('-')]} {(int)o.Status}: {ReasonKind(o.Detail)}").OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"  {kind.Key} ×{kind.Count()} (max {kind.Max(o => o.Seconds):N2} s)");
        }

        Assert.True(server.PeakMemoryBytes is null or < 2L * 1024 * 1024 * 1024, $"the server grew to {server.PeakMemoryBytes:N0} bytes");
        Assert.Empty(outcomes.Where(o => (int)o.Status >= 500).Select(o => $"{o.Name}: {(int)o.Status} {o.Detail}"));
        Assert.All(outcomes, o => Assert.True(o.Status is HttpStatusCode.Created or HttpStatusCode.OK || o.Detail.Length > 0, $"{o.Name}: {(int)o.Status} without a reason"));
        Assert.Empty(outcomes.Where(o => HostileDocumentGenerator.MustBeRejected(o.Name) && o.Status == HttpStatusCode.Created).Select(o => o.Name));
        Assert.Contains(outcomes, o => o.Name.StartsWith("d00", StringComparison.Ordinal) && o.Status == HttpStatusCode.Created);
        Assert.Contains(outcomes, o => o.Name.StartsWith("h00", StringComparison.Ordinal) && o.Status == HttpStatusCode.Created);

        using (var health = await server.Client.GetAsync(new Uri("/healthz", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        }

        using (var search = await server.Client.GetAsync(new Uri("/api/search?pageSize=1", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, search.StatusCode);
            using var result = JsonDocument.Parse(await search.Content.ReadAsStringAsync());
            Assert.Equal(outcomes.Count(o => o.Status == HttpStatusCode.Created), result.RootElement.GetProperty("total").GetInt32());
        }

        using var connection = new SqliteConnection($"Data Source={Path.Combine(_data, "archive.db")};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check";
        Assert.Equal("ok", command.ExecuteScalar());
    }

    private static string Detail(string body)
    {
        try
        {
            using var problem = JsonDocument.Parse(body);
            return problem.RootElement.TryGetProperty("detail", out var detail) ? detail.GetString() ?? "" : "";
        }
        catch (JsonException)
        {
            return "";
        }
    }

    private static string ReasonKind(string reason) =>
        System.Text.RegularExpressions.Regex.Replace(reason.Length > 90 ? reason[..90] : reason, "[0-9][0-9,]*", "N");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
            // a leftover temp folder is harmless
        }
    }
}
