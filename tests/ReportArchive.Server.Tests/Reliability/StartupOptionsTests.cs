namespace ReportArchive.Server.Tests.Reliability;

/// <summary>Options that would make every request fail are refused when the server starts, with a message naming them.</summary>
public sealed class StartupOptionsTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "reportarchive-startup", Guid.NewGuid().ToString("N"));

    [Theory]
    [InlineData("00:00:00")]
    [InlineData("-00:00:05")]
    public async Task AWritesWindowThatIsNotPositive_StopsTheServerAtStart_NamingTheOption(string window)
    {
        await using var server = await ServerChildProcess.StartAsync(_directory, waitUntilReady: false, arguments: $"--Limits:WritesWindow={window}");

        var exitCode = await server.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(1, exitCode); // not 134, an unhandled exception
        Assert.Contains($"error: Limits:WritesWindow = '{window}' is not a positive duration", server.Log, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", server.Log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASecondServerOnTheSameDataFolder_EndsWithOneLineAndExitCode1()
    {
        await using var first = await ServerChildProcess.StartAsync(_directory);
        await using var second = await ServerChildProcess.StartAsync(_directory, waitUntilReady: false);

        var exitCode = await second.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(1, exitCode);
        Assert.Contains("error: the archive in ", second.Log, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", second.Log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AServerOnATakenPort_EndsWithOneErrorLineAndExitCode1_AndCreatesNoArchive()
    {
        using var taken = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        taken.Start();
        var url = $"http://127.0.0.1:{((System.Net.IPEndPoint)taken.LocalEndpoint).Port}";
        var fresh = Path.Combine(_directory, "fresh-data");
        var seeds = Path.Combine(Testing.RepositoryRoot.Path, "seeds"); // a first start would import them

        await using var server = await ServerChildProcess.StartAsync(
            _directory, seeds, waitUntilReady: false, arguments: ["--data-dir", fresh, "--urls", url]);
        var exitCode = await server.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(1, exitCode);
        var lines = server.Log.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal([$"error: Failed to bind to address {url}: address already in use."], lines);
        Assert.False(Directory.Exists(fresh), "the failed start left a data folder: " + string.Join(", ", Directory.Exists(fresh) ? Directory.GetFiles(fresh) : []));
    }

    [Fact]
    public async Task AServerOnATakenPort_LeavesAnExistingArchiveAsItWas()
    {
        var data = Path.Combine(_directory, "data");
        await using (var first = await ServerChildProcess.StartAsync(data, Path.Combine(Testing.RepositoryRoot.Path, "seeds")))
        {
            await first.StopAsync();
        }

        var before = Testing.FileTreeSnapshot.Take(data);
        using var taken = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        taken.Start();
        var url = $"http://127.0.0.1:{((System.Net.IPEndPoint)taken.LocalEndpoint).Port}";

        await using var server = await ServerChildProcess.StartAsync(data, waitUntilReady: false, arguments: ["--urls", url]);

        Assert.Equal(1, await server.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        Assert.StartsWith("error: Failed to bind", server.Log, StringComparison.Ordinal);
        // the lock file names its last holder (taken before the port is tried, so a second server on this folder stops
        // first); the archive itself is untouched
        var lockChanged = "changed " + Path.Combine(data, "archive.lock");
        Assert.Equal([], before.Differences(Testing.FileTreeSnapshot.Take(data)).Where(d => d != lockChanged).ToArray());
        Assert.True(File.Exists(Path.Combine(data, "archive.lock")));
    }

    [Fact]
    public async Task RequestsAreNotLoggedByDefault_AndOneLineEachWhenTheRequestLogIsOn()
    {
        var seeds = Path.Combine(Testing.RepositoryRoot.Path, "seeds");
        await using (var quiet = await ServerChildProcess.StartAsync(Path.Combine(_directory, "quiet"), seeds))
        {
            var logged = quiet.Log.Length;
            for (var i = 0; i < 5; i++)
            {
                await quiet.Client.GetStringAsync(new Uri("/api/search?q=%E8%A1%8C%E6%94%BF%E8%AF%89%E8%AE%BC", UriKind.Relative));
            }

            await Task.Delay(300);
            Assert.Equal("", quiet.Log[logged..]);
        }

        await using var logging = await ServerChildProcess.StartAsync(
            Path.Combine(_directory, "logging"), seeds, arguments: "--Logging:LogLevel:ReportArchive.Requests=Information");
        var start = logging.Log.Length;
        await logging.Client.GetStringAsync(new Uri("/api/search?q=%E8%A1%8C%E6%94%BF%E8%AF%89%E8%AE%BC", UriKind.Relative));
        await logging.Client.GetAsync(new Uri("/api/reports/999", UriKind.Relative));
        await logging.Client.GetStringAsync(new Uri("/api/regions", UriKind.Relative));
        await Task.Delay(300);

        // the readiness probe's last /healthz may be logged after the start was taken
        var lines = logging.Log[start..].Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => !l.Contains("GET /healthz", StringComparison.Ordinal)).ToArray();
        Assert.Equal(3, lines.Length);
        Assert.Contains("GET /api/search?q=%E8%A1%8C%E6%94%BF%E8%AF%89%E8%AE%BC 200", lines[0], StringComparison.Ordinal);
        Assert.Contains("GET /api/reports/999 404", lines[1], StringComparison.Ordinal);
        Assert.Contains("GET /api/regions 200", lines[2], StringComparison.Ordinal);
    }

    public void Dispose()
    {
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
