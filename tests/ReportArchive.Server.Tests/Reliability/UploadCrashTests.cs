using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using ReportArchive.Corpus.Reports;
using Xunit.Abstractions;

namespace ReportArchive.Server.Tests.Reliability;

/// <summary>
/// Starts the real server as a child process, uploads generated reports through <c>POST /api/reports</c> with several
/// clients and SIGKILLs the server at seeded random moments. After every kill the server restarts on the same data
/// folder and, through the public API plus a read-only <c>PRAGMA integrity_check</c>: it becomes ready, every report
/// acknowledged with 201 or 200 is there and whole (text-derived data, figures, checks, found by a search for its
/// agency), and no report is half-stored (every report's GET is whole, and the browse total and the total of a term
/// every report contains equal the number of reports). Finally re-uploading everything gives 200 for the stored
/// reports and 201 for exactly the missing ones. CI: 5 kill points over 120 reports;
/// <c>scripts/reliability/upload-crash-test.sh</c>: 20 over 600 (RELIABILITY_UPLOAD_KILL_POINTS, RELIABILITY_UPLOAD_REPORTS).
/// </summary>
public sealed class UploadCrashTests(ITestOutputHelper output) : IDisposable
{
    private const int Clients = 4;
    private const string TermInEveryTitle = "政府信息公开";
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "reportarchive-upload-crash", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task KilledUploads_KeepEveryAcknowledgedReportWhole_AndAReUploadAddsExactlyTheMissingOnes()
    {
        var killPoints = Setting("RELIABILITY_UPLOAD_KILL_POINTS", 5);
        var reportCount = Setting("RELIABILITY_UPLOAD_REPORTS", 120);
        var data = Path.Combine(_directory, "data");
        var reports = new ReportCorpusGenerator(seed: 91).Generate(reportCount)
            .Select((r, i) => new Upload(i, $"{i:00000}-{r.FileName}", Encoding.UTF8.GetBytes(r.Text), r.Agency.Name, r.Year))
            .ToList();
        var distinct = reports.Select(r => r.Sha256).Distinct(StringComparer.Ordinal).Count();
        var random = new Random(2027);
        var acknowledged = new ConcurrentDictionary<int, long>(); // upload index → id the server answered
        var (killed, runs, msPerReport, justKilled) = (0, 0, 20.0, false);
        var storedAtKills = new List<string>(); // acknowledged / stored after the restart
        while (true)
        {
            runs++;
            Assert.True(runs < (killPoints * 4) + 20, "the uploads kept finishing before the kill");
            await using var server = await ServerChildProcess.StartAsync(data, connections: Clients);
            var present = await AssertWholeAsync(server, data, reports, acknowledged);
            if (justKilled)
            {
                storedAtKills[^1] += $"/{present.Count}";
                justKilled = false;
            }

            if (killed >= killPoints && present.Count < distinct)
            {
                // the re-upload: 200 for every stored report, 201 for exactly the missing ones
                var answers = await UploadAllAsync(server.Client, reports, acknowledged, CancellationToken.None);
                Assert.Empty(answers.Unexpected);
                Assert.Equal(distinct - present.Count, answers.Created.Count);
                Assert.All(answers.Created, index => Assert.False(present.ContainsKey(reports[index].Sha256)));
                Assert.All(reports.Where(r => present.ContainsKey(r.Sha256)), r => Assert.DoesNotContain(r.Index, answers.Created));
                var final = await AssertWholeAsync(server, data, reports, acknowledged);
                Assert.Equal(distinct, final.Count);
                Assert.Equal(reports.Count, acknowledged.Count);
                output.WriteLine($"{killed} kill points survived over {runs} server starts, {reportCount} reports uploaded by {Clients} clients; " +
                    $"reports acknowledged/stored at each kill: {string.Join(", ", storedAtKills)}; the re-upload created {answers.Created.Count}, found {reports.Count - answers.Created.Count} stored");
                return;
            }

            if (present.Count == distinct || (present.Count * 4 >= distinct * 3 && killed < killPoints))
            {
                // (nearly) everything is in: start over on an empty archive, so the next kills land all over an upload run
                await server.KillAsync();
                SqliteConnection.ClearAllPools();
                Directory.Delete(data, recursive: true);
                acknowledged.Clear();
                continue;
            }

            var pending = reports.Where(r => !acknowledged.ContainsKey(r.Index)).OrderBy(_ => random.Next()).ToList();
            // a moment from the first upload (the slowest: the server compiles its import path) to the end of all of them
            var delay = TimeSpan.FromMilliseconds(random.Next(50, 400 + (int)(pending.Count * msPerReport)));
            using var stop = new CancellationTokenSource();
            var clock = Stopwatch.StartNew();
            var uploading = UploadAllAsync(server.Client, pending, acknowledged, stop.Token);
            if (await Task.WhenAny(uploading, Task.Delay(delay)) == uploading)
            {
                msPerReport = clock.Elapsed.TotalMilliseconds / pending.Count; // finished first: time the next kills by it
                Assert.Empty((await uploading).Unexpected);
                continue;
            }

            await server.KillAsync(); // SIGKILL, uploads in flight
            killed++;
            await stop.CancelAsync();
            Assert.Empty((await uploading).Unexpected);
            storedAtKills.Add(acknowledged.Count.ToString(CultureInfo.InvariantCulture));
            justKilled = true;
        }
    }

    /// <summary>
    /// The archive of the running server is intact and holds whole reports only, every acknowledged one among them;
    /// returns the stored reports by SHA-256 with their ids.
    /// </summary>
    private static async Task<Dictionary<string, long>> AssertWholeAsync(
        ServerChildProcess server, string data, IReadOnlyList<Upload> reports, ConcurrentDictionary<int, long> acknowledged)
    {
        using (var connection = new SqliteConnection($"Data Source={Path.Combine(data, "archive.db")};Mode=ReadOnly;Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA integrity_check";
            Assert.Equal("ok", command.ExecuteScalar());
        }

        var http = server.Client;
        var highest = acknowledged.IsEmpty ? 0 : acknowledged.Values.Max();
        var views = new ConcurrentDictionary<long, JsonElement>();
        // ids are given in order; a report stored but not acknowledged sits at most one per client above the highest acknowledged
        await Parallel.ForEachAsync(LongRange(1, highest + (reports.Count > 0 ? Clients * 4 : 0) + 8), new ParallelOptions { MaxDegreeOfParallelism = Clients }, async (id, token) =>
        {
            using var response = await http.GetAsync(new Uri($"/api/reports/{id}", UriKind.Relative), token);
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                return;
            }

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            views[id] = JsonDocument.Parse(await response.Content.ReadAsStringAsync(token)).RootElement.Clone();
        });

        var present = new Dictionary<string, long>(StringComparer.Ordinal);
        var bySha = reports.GroupBy(r => r.Sha256, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        foreach (var (id, view) in views)
        {
            var sha = view.GetProperty("sha256").GetString()!;
            Assert.True(bySha.ContainsKey(sha), $"report {id} is not one that was uploaded");
            Assert.True(present.TryAdd(sha, id), $"report {id} is stored twice");
            Assert.False(string.IsNullOrEmpty(view.GetProperty("agency").GetString()), $"report {id} has no agency");
            Assert.Equal(bySha[sha].Year, view.GetProperty("year").GetInt32());
            Assert.Contains(view.GetProperty("figures").EnumerateObject(), f => f.Value.ValueKind == JsonValueKind.Number);
            Assert.NotEqual(0, view.GetProperty("checks").GetArrayLength());
            Assert.Contains(TermInEveryTitle, view.GetProperty("text").GetString()!, StringComparison.Ordinal);
        }

        foreach (var (index, id) in acknowledged)
        {
            Assert.True(present.TryGetValue(reports[index].Sha256, out var stored), $"acknowledged report {reports[index].Name} (id {id}) is lost");
            Assert.Equal(id, stored);
        }

        // nothing half-stored: the index holds exactly the stored reports
        Assert.Equal(present.Count, await TotalAsync(http, "/api/search?pageSize=1"));
        Assert.Equal(present.Count, await TotalAsync(http, "/api/search?pageSize=1&q=" + Uri.EscapeDataString(TermInEveryTitle)));
        await Parallel.ForEachAsync(present, new ParallelOptions { MaxDegreeOfParallelism = Clients }, async (stored, token) =>
        {
            var report = bySha[stored.Key];
            var query = $"/api/search?pageSize=100&year={report.Year}&q={Uri.EscapeDataString('"' + report.Agency + '"')}";
            var found = false;
            for (var page = 1; !found; page++)
            {
                using var document = JsonDocument.Parse(await http.GetStringAsync(new Uri($"{query}&page={page}", UriKind.Relative), token));
                var hits = document.RootElement.GetProperty("hits");
                found = hits.EnumerateArray().Any(h => h.GetProperty("id").GetInt64() == stored.Value);
                Assert.True(found || hits.GetArrayLength() == 100, $"report {stored.Value} is not found by a search for its agency {report.Agency}");
            }
        });
        return present;
    }

    private static async Task<UploadAnswers> UploadAllAsync(
        HttpClient http, IReadOnlyList<Upload> uploads, ConcurrentDictionary<int, long> acknowledged, CancellationToken stop)
    {
        var answers = new UploadAnswers(new ConcurrentBag<int>(), new ConcurrentBag<string>());
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, Clients).Select(_ => Task.Run(
            async () =>
            {
                for (var at = Interlocked.Increment(ref next); at < uploads.Count && !stop.IsCancellationRequested; at = Interlocked.Increment(ref next))
                {
                    var upload = uploads[at];
                    try
                    {
                        using var response = await http.PostAsync(
                            new Uri("/api/reports?name=" + Uri.EscapeDataString(upload.Name), UriKind.Relative), new ByteArrayContent(upload.Bytes), stop);
                        if (response.StatusCode is not (HttpStatusCode.Created or HttpStatusCode.OK))
                        {
                            answers.Unexpected.Add($"{upload.Name}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(CancellationToken.None)}");
                            continue;
                        }

                        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(CancellationToken.None));
                        acknowledged[upload.Index] = body.RootElement.GetProperty("id").GetInt64();
                        if (response.StatusCode == HttpStatusCode.Created)
                        {
                            answers.Created.Add(upload.Index);
                        }
                    }
                    catch (Exception exception) when (exception is HttpRequestException or OperationCanceledException or IOException)
                    {
                        // the server was killed under this upload (the kill can land before the stop is signalled): not acknowledged
                    }
                }
            },
            CancellationToken.None)));
        return answers;
    }

    private static async Task<long> TotalAsync(HttpClient http, string path)
    {
        using var document = JsonDocument.Parse(await http.GetStringAsync(new Uri(path, UriKind.Relative)));
        return document.RootElement.GetProperty("total").GetInt64();
    }

    private static IEnumerable<long> LongRange(long from, long to)
    {
        for (var id = from; id <= to; id++)
        {
            yield return id;
        }
    }

    private static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : fallback;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // a leftover temp folder is harmless
        }
    }

    private sealed record Upload(int Index, string Name, byte[] Bytes, string Agency, int Year)
    {
        public string Sha256 { get; } = Convert.ToHexStringLower(SHA256.HashData(Bytes));
    }

    private sealed record UploadAnswers(ConcurrentBag<int> Created, ConcurrentBag<string> Unexpected);
}
