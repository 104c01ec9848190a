using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using ReportArchive.Corpus.Reports;

namespace ReportArchive.Server.Tests.Reliability;

/// <summary>
/// Backup, restore, verify and seeding under a real running server (a child process on loopback) and the real
/// command line, with the relative paths a user types: nothing acknowledged is lost, no search finds a wrong report.
/// </summary>
public sealed class ArchiveLifecycleTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "reportarchive-lifecycle", Guid.NewGuid().ToString("N"));

    private string Data => Path.Combine(_directory, "index-data");

    [Fact]
    public async Task Backup_WithARelativeDataFolder_WhileTheServerRuns_NeverReplacesTheLiveArchive()
    {
        var reports = Generate(seed: 31, count: 16);
        await using (var server = await ServerChildProcess.StartAsync(Data))
        {
            var acknowledged = await UploadAsync(server, reports.Take(8));
            Directory.CreateSymbolicLink(Path.Combine(_directory, "link-to-data"), Data);
            foreach (var destination in (string[])[
                "index-data", "./index-data", "index-data/", "./index-data//", "index-data/archive.db", "./index-data/../index-data/archive.db",
                "index-data/archive.db-wal", "index-data/archive.db-shm", "link-to-data", "link-to-data/archive.db", Data,
            ])
            {
                var refused = await CliChildProcess.RunAsync(_directory, "backup", destination, "--data-dir", "index-data");
                Assert.True(refused.ExitCode == 1, $"backup {destination}: exit {refused.ExitCode} {refused.Output} {refused.Error}");
                AssertOneLine(refused.Error, "cannot be written over the archive");
            }

            var backup = await CliChildProcess.RunAsync(_directory, "backup", "backups/copy.db", "--data-dir", "./index-data/");
            Assert.Equal(0, backup.ExitCode);
            Assert.Contains("Backed up 8 reports", backup.Output, StringComparison.Ordinal);

            // uploads acknowledged after the backups survive a kill and a restart, in a sound file
            acknowledged = acknowledged.Concat(await UploadAsync(server, reports.Skip(8))).ToDictionary();
            await server.KillAsync();
            AssertIntegrity(Path.Combine(Data, "archive.db"));
            await using var restarted = await ServerChildProcess.StartAsync(Data);
            await AssertHoldsExactlyAsync(restarted, acknowledged);
        }
    }

    [Fact]
    public async Task BackupUploadVerifyRestore_UnderARunningServer_LosesNothingAcknowledged_AndNoSearchFindsAWrongReport()
    {
        var reports = Generate(seed: 47, count: 24);
        Dictionary<Report, long> before, after;
        await using (var server = await ServerChildProcess.StartAsync(Data))
        {
            before = await UploadAsync(server, reports.Take(12));
            var backup = await CliChildProcess.RunAsync(_directory, "backup", "backup.db", "--data-dir", "index-data");
            Assert.Equal(0, backup.ExitCode);
            Assert.Contains("Backed up 12 reports", backup.Output, StringComparison.Ordinal);
            after = await UploadAsync(server, reports.Skip(12));

            var verify = await CliChildProcess.RunAsync(_directory, "verify", "--data-dir", "index-data");
            Assert.True(verify.ExitCode == 0, verify.Error);
            Assert.Contains("is sound (24 reports)", verify.Output, StringComparison.Ordinal);
            var backupVerified = await CliChildProcess.RunAsync(_directory, "verify", "backup.db");
            Assert.True(backupVerified.ExitCode == 0, backupVerified.Error);
            Assert.Contains("is sound (12 reports)", backupVerified.Output, StringComparison.Ordinal);

            // a restore under the running server is refused: the server keeps the archive's index in memory
            var refused = await CliChildProcess.RunAsync(_directory, "restore", "backup.db", "--force", "--data-dir", "index-data");
            Assert.Equal(1, refused.ExitCode);
            AssertOneLine(refused.Error, "in use by a running server");
            await AssertHoldsExactlyAsync(server, before.Concat(after).ToDictionary());
            await server.StopAsync();
        }

        var restore = await CliChildProcess.RunAsync(_directory, "restore", "backup.db", "--force", "--data-dir", "index-data");
        Assert.True(restore.ExitCode == 0, restore.Error);
        Assert.Contains("Restored 12 reports", restore.Output, StringComparison.Ordinal);
        Assert.Equal(0, (await CliChildProcess.RunAsync(_directory, "verify", "--data-dir", "index-data")).ExitCode);

        await using (var server = await ServerChildProcess.StartAsync(Data))
        {
            await AssertHoldsExactlyAsync(server, before);
            foreach (var id in after.Values)
            {
                using var gone = await server.Client.GetAsync(new Uri($"/api/reports/{id}", UriKind.Relative));
                Assert.True(before.ContainsValue(id) || gone.StatusCode == HttpStatusCode.NotFound, $"report {id}, uploaded after the backup, is still there");
            }

            // the reports uploaded after the backup come back as new ones, and every search is right again
            var again = await UploadAsync(server, reports.Skip(12));
            await AssertHoldsExactlyAsync(server, before.Concat(again).ToDictionary());
        }
    }

    [Fact]
    public async Task SeedImport_KilledPartWay_ResumesAtTheNextStart_AndIsNotRepeatedOnceEveryReportIsDeleted()
    {
        var seeds = Directory.CreateDirectory(Path.Combine(_directory, "seeds")).FullName;
        var reports = Generate(seed: 53, count: 800);
        foreach (var report in reports)
        {
            await File.WriteAllBytesAsync(Path.Combine(seeds, report.Name), report.Bytes);
        }

        var distinct = reports.Select(r => r.Sha256).Distinct(StringComparer.Ordinal).Count();
        await using (var seeding = await ServerChildProcess.StartAsync(Data, seeds, waitUntilReady: false))
        {
            var stored = await WaitForStoredAsync(Path.Combine(Data, "archive.db"), seeding);
            await seeding.KillAsync();
            var atKill = CountReports(Path.Combine(Data, "archive.db"));
            Assert.True(atKill < distinct, $"the seed import finished ({atKill} of {distinct}) before the kill at {stored}");
        }

        await using (var resumed = await ServerChildProcess.StartAsync(Data, seeds))
        {
            Assert.Equal(distinct, await TotalAsync(resumed.Client, "/api/search?pageSize=1"));
            Assert.Contains("resuming an interrupted seed import", resumed.Log, StringComparison.Ordinal);
            var ids = new List<long>();
            for (var page = 1; ids.Count < distinct; page++)
            {
                using var document = JsonDocument.Parse(await resumed.Client.GetStringAsync(new Uri($"/api/search?pageSize=100&page={page}", UriKind.Relative)));
                ids.AddRange(document.RootElement.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("id").GetInt64()));
            }

            await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (id, token) =>
            {
                using var deleted = await resumed.Client.DeleteAsync(new Uri($"/api/reports/{id}", UriKind.Relative), token);
                Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
            });
            Assert.Equal(0, await TotalAsync(resumed.Client, "/api/search?pageSize=1"));
        }

        await using var emptied = await ServerChildProcess.StartAsync(Data, seeds);
        Assert.Equal(0, await TotalAsync(emptied.Client, "/api/search?pageSize=1"));
        Assert.DoesNotContain("importing the seed reports", emptied.Log, StringComparison.Ordinal);
    }

    /// <summary>Waits until the first seed batch is committed (and the server still seeding); returns the count seen.</summary>
    private static async Task<long> WaitForStoredAsync(string archive, ServerChildProcess server)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            Assert.False(server.HasExited, "the server exited while seeding");
            Assert.True(clock.Elapsed < TimeSpan.FromMinutes(2), "no seed report was stored within two minutes");
            if (File.Exists(archive))
            {
                try
                {
                    var count = CountReports(archive);
                    if (count > 0)
                    {
                        return count;
                    }
                }
                catch (SqliteException)
                {
                    // the schema is being created
                }
            }

            await Task.Delay(10);
        }
    }

    private static long CountReports(string archive)
    {
        using var connection = new SqliteConnection($"Data Source={archive};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM reports";
        return (long)command.ExecuteScalar()!;
    }

    private static void AssertIntegrity(string archive)
    {
        using var connection = new SqliteConnection($"Data Source={archive};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check";
        Assert.Equal("ok", command.ExecuteScalar());
    }

    private static void AssertOneLine(string error, string expected)
    {
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    /// <summary>
    /// The server holds exactly <paramref name="expected"/> (report → id): each whole under its id, the browse total
    /// right, and each report's agency search finding it and only reports whose text holds that agency.
    /// </summary>
    private static async Task AssertHoldsExactlyAsync(ServerChildProcess server, Dictionary<Report, long> expected)
    {
        var http = server.Client;
        Assert.Equal(expected.Count, await TotalAsync(http, "/api/search?pageSize=1"));
        var texts = expected.ToDictionary(pair => pair.Value, pair => pair.Key.Text);
        foreach (var (report, id) in expected)
        {
            using var view = JsonDocument.Parse(await http.GetStringAsync(new Uri($"/api/reports/{id}", UriKind.Relative)));
            Assert.Equal(report.Sha256, view.RootElement.GetProperty("sha256").GetString());
            using var search = JsonDocument.Parse(await http.GetStringAsync(new Uri(
                "/api/search?pageSize=100&q=" + Uri.EscapeDataString('"' + report.Agency + '"'), UriKind.Relative)));
            var hits = search.RootElement.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("id").GetInt64()).ToList();
            Assert.Contains(id, hits);
            Assert.All(hits, hit => Assert.True(
                texts.TryGetValue(hit, out var text) && text.Contains(report.Agency, StringComparison.Ordinal),
                $"the search for {report.Agency} found report {hit}, which is not one holding it"));
        }
    }

    private static async Task<Dictionary<Report, long>> UploadAsync(ServerChildProcess server, IEnumerable<Report> reports)
    {
        var acknowledged = new Dictionary<Report, long>();
        foreach (var report in reports)
        {
            using var response = await server.Client.PostAsync(
                new Uri("/api/reports?name=" + Uri.EscapeDataString(report.Name), UriKind.Relative), new ByteArrayContent(report.Bytes));
            Assert.True(response.StatusCode == HttpStatusCode.Created, $"{report.Name}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            acknowledged[report] = body.RootElement.GetProperty("id").GetInt64();
        }

        return acknowledged;
    }

    private static async Task<long> TotalAsync(HttpClient http, string path)
    {
        using var document = JsonDocument.Parse(await http.GetStringAsync(new Uri(path, UriKind.Relative)));
        return document.RootElement.GetProperty("total").GetInt64();
    }

    private static List<Report> Generate(int seed, int count) =>
        new ReportCorpusGenerator(seed).Generate(count)
            .Select((r, i) => new Report(string.Create(CultureInfo.InvariantCulture, $"{i:00000}-{r.FileName}"), r.Text, r.Agency.Name))
            .GroupBy(r => r.Sha256, StringComparer.Ordinal).Select(g => g.First()) // distinct files: each upload is a 201
            .ToList();

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

    private sealed record Report(string Name, string Text, string Agency)
    {
        public byte[] Bytes { get; } = Encoding.UTF8.GetBytes(Text);

        public string Sha256 { get; } = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Text)));
    }
}
