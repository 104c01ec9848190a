using System.Net;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace ReportArchive.Server.Tests.Reliability;

/// <summary>
/// Damaged archives, made from a real one: a flipped bit inside a text index segment (invisible to SQLite's
/// <c>integrity_check</c>), a text row that no longer decompresses, pages overwritten with garbage. Each is found —
/// by <c>verify</c>, <c>backup</c>, <c>restore</c> and the running server, whose <c>/healthz</c> answers 503 and which
/// refuses writes — instead of searches silently finding fewer reports, a server that stops, or 500s.
/// </summary>
public sealed class ArchiveDamageTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "reportarchive-damage", Guid.NewGuid().ToString("N"));

    private string Data => Path.Combine(_directory, "data");

    private string Archive => Path.Combine(Data, "archive.db");

    [Fact]
    public async Task AFlippedBitInASegment_IsFoundByVerifyBackupRestoreAndTheServer()
    {
        await ImportSeedsAsync();
        Assert.Equal(0, (await Cli("verify", "--data-dir", Data)).ExitCode);
        Assert.Equal(0, (await Cli("backup", "good.db", "--data-dir", Data)).ExitCode);
        File.Copy(Path.Combine(_directory, "good.db"), Path.Combine(_directory, "damaged-backup.db"));

        var segment = FlipABitInTheLargestSegment(Archive);
        Assert.Equal(["ok"], IntegrityCheck(Archive)); // SQLite cannot see it

        var verify = await Cli("verify", "--data-dir", Data);
        Assert.Equal(1, verify.ExitCode);
        var problems = verify.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.All(problems, line => Assert.StartsWith("damaged: ", line, StringComparison.Ordinal));
        Assert.Contains(problems, line => line.Contains($"text index segment {segment} is damaged", StringComparison.Ordinal));
        Assert.DoesNotContain("   at ", verify.Error, StringComparison.Ordinal);

        var backup = await Cli("backup", "bad.db", "--data-dir", Data);
        Assert.Equal(1, backup.ExitCode);
        Assert.Contains("Not backed up", backup.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_directory, "bad.db")));
        Assert.False(File.Exists(Path.Combine(_directory, "bad.db.partial")));

        FlipABitInTheLargestSegment(Path.Combine(_directory, "damaged-backup.db"));
        var restore = await Cli("restore", "damaged-backup.db", "--data-dir", Path.Combine(_directory, "elsewhere"));
        Assert.Equal(1, restore.ExitCode);
        Assert.Contains("Not restored", restore.Error, StringComparison.Ordinal);
        Assert.Contains("is damaged", restore.Error, StringComparison.Ordinal);

        await using var server = await ServerChildProcess.StartAsync(Data, waitUntilReady: false);
        await AssertDamagedAsync(server, $"text index segment {segment}");
        using var search = await server.Client.GetAsync(new Uri("/api/search?q=" + Uri.EscapeDataString("政府信息公开"), UriKind.Relative));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, search.StatusCode); // not 200 with fewer hits
    }

    [Fact]
    public async Task ABadTextRow_LeavesTheServerRunningAndUnhealthy_NotStopped()
    {
        await ImportSeedsAsync();
        long damaged;
        using (var connection = new SqliteConnection($"Data Source={Archive};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "UPDATE report_texts SET text = x'0209ff00ff00ff00ff' WHERE report_id = (SELECT min(report_id) FROM report_texts) RETURNING report_id";
            damaged = (long)command.ExecuteScalar()!;
        }

        await using var server = await ServerChildProcess.StartAsync(Data, waitUntilReady: false);
        await WaitForHealthAsync(server, (_, _) => true); // listening
        using (var report = await server.Client.GetAsync(new Uri($"/api/reports/{damaged}", UriKind.Relative)))
        {
            // whichever comes first, the first search or this read, finds the damage; neither stops the server
            Assert.True(report.StatusCode == HttpStatusCode.ServiceUnavailable, $"GET of the damaged report answered {(int)report.StatusCode}");
        }

        await AssertDamagedAsync(server, $"report {damaged}");
    }

    [Fact]
    public async Task PagesOverwrittenWithGarbage_MakeTheServerUnhealthy_AndRefuseWrites()
    {
        await ImportSeedsAsync();
        using (var connection = new SqliteConnection($"Data Source={Archive};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
            command.ExecuteNonQuery();
        }

        SqliteConnection.ClearAllPools();
        await using (var file = new FileStream(Archive, FileMode.Open, FileAccess.ReadWrite))
        {
            // the last pages hold the latest rows (texts, figures): garbage over two of them
            const int page = 16384;
            var pages = file.Length / page;
            var garbage = new byte[page * 2];
            new Random(11).NextBytes(garbage);
            file.Position = (pages - 3) * page;
            await file.WriteAsync(garbage);
        }

        Assert.NotEqual(["ok"], IntegrityCheck(Archive));
        await using var server = await ServerChildProcess.StartAsync(Data, waitUntilReady: false);
        await AssertDamagedAsync(server, null);
        var verify = await Cli("verify", "--data-dir", Data);
        Assert.Equal(1, verify.ExitCode);
        Assert.Contains("damaged: integrity_check:", verify.Error, StringComparison.Ordinal);
    }

    /// <summary>/healthz answers 503 "Archive damaged" (naming <paramref name="finding"/>), the server runs on, and an upload is refused with 503.</summary>
    private static async Task AssertDamagedAsync(ServerChildProcess server, string? finding)
    {
        await WaitForHealthAsync(server, (status, body) => status == HttpStatusCode.ServiceUnavailable && body.Contains("Archive damaged", StringComparison.Ordinal));
        using var health = await server.Client.GetAsync(new Uri("/healthz", UriKind.Relative));
        using var problem = JsonDocument.Parse(await health.Content.ReadAsStringAsync());
        Assert.Equal("Archive damaged", problem.RootElement.GetProperty("title").GetString());
        if (finding is not null)
        {
            Assert.Contains(finding, problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        var text = File.ReadAllBytes(Directory.GetFiles(Path.Combine(Testing.RepositoryRoot.Path, "seeds"))[0]);
        text[^1] ^= 0x20; // another file than any stored
        using var upload = await server.Client.PostAsync(new Uri("/api/reports?name=new.txt", UriKind.Relative), new ByteArrayContent([.. text, .. "\n补充。"u8]));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, upload.StatusCode);
        Assert.Equal("application/problem+json", upload.Content.Headers.ContentType?.MediaType);
        Assert.False(server.HasExited, "the server stopped");
    }

    private static async Task WaitForHealthAsync(ServerChildProcess server, Func<HttpStatusCode, string, bool> until)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            Assert.False(server.HasExited, $"the server stopped: {server.Log}");
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(90), $"/healthz did not change within 90 s: {server.Log}");
            try
            {
                using var health = await server.Client.GetAsync(new Uri("/healthz", UriKind.Relative));
                if (until(health.StatusCode, await health.Content.ReadAsStringAsync()))
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            await Task.Delay(50);
        }
    }

    private async Task ImportSeedsAsync()
    {
        var import = await Cli("import", Path.Combine(Testing.RepositoryRoot.Path, "seeds"), "--data-dir", Data);
        Assert.True(import.ExitCode == 0, import.Error);
        SqliteConnection.ClearAllPools();
    }

    private Task<(int ExitCode, string Output, string Error)> Cli(params string[] arguments)
    {
        Directory.CreateDirectory(_directory);
        return CliChildProcess.RunAsync(_directory, arguments);
    }

    /// <summary>Flips one bit in the middle of the largest segment's BLOB, in place; returns the segment's id.</summary>
    private static long FlipABitInTheLargestSegment(string archive)
    {
        using var connection = new SqliteConnection($"Data Source={archive};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT id FROM text_index_segments ORDER BY length(bytes) DESC LIMIT 1";
        var id = (long)command.ExecuteScalar()!;
        using var blob = new SqliteBlob(connection, "text_index_segments", "bytes", id);
        var at = blob.Length / 2;
        var one = new byte[1];
        blob.Position = at;
        blob.ReadExactly(one);
        one[0] ^= 0x08;
        blob.Position = at;
        blob.Write(one);
        return id;
    }

    private static List<string> IntegrityCheck(string archive)
    {
        using var connection = new SqliteConnection($"Data Source={archive};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check";
        try
        {
            using var reader = command.ExecuteReader();
            var lines = new List<string>();
            while (reader.Read())
            {
                lines.Add(reader.GetString(0));
            }

            return lines;
        }
        catch (SqliteException exception)
        {
            return [exception.Message];
        }
    }

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
}
