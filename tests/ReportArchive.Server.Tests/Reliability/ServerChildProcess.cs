using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;

namespace ReportArchive.Server.Tests.Reliability;

/// <summary>
/// The built server (<c>dotnet src/ReportArchive.Server/bin/…/ReportArchive.Server.dll</c>, the same configuration as
/// the tests) as a child process on a free loopback port over a data folder, with one API key and no practical write
/// rate limit; ready once <c>/healthz</c> answers 200. <see cref="KillAsync"/> is SIGKILL.
/// </summary>
internal sealed class ServerChildProcess : IAsyncDisposable
{
    public const string Key = "crash-test-key-51c2";

    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(90);
    private readonly Process _process;

    private ServerChildProcess(Process process, Uri url, int connections)
    {
        _process = process;
        Url = url;
        Client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = connections }) { BaseAddress = url, Timeout = TimeSpan.FromSeconds(60) };
        Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Key);
    }

    public Uri Url { get; }

    /// <summary>A client of this server that sends the API key.</summary>
    public HttpClient Client { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>The most memory the server process has held so far (Linux: VmHWM), or null elsewhere.</summary>
    public long? PeakMemoryBytes =>
        File.Exists($"/proc/{_process.Id}/status")
            ? File.ReadLines($"/proc/{_process.Id}/status").Where(l => l.StartsWith("VmHWM:", StringComparison.Ordinal))
                .Select(l => long.Parse(l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024).FirstOrDefault()
            : null;

    public static string ServerDll
    {
        get
        {
            var output = new DirectoryInfo(AppContext.BaseDirectory); // tests/ReportArchive.Server.Tests/bin/{Configuration}/{tfm}/
            return Path.Combine(Testing.RepositoryRoot.Path, "src", "ReportArchive.Server", "bin", output.Parent!.Name, output.Name, "ReportArchive.Server.dll");
        }
    }

    /// <summary>What the server printed so far (its log), standard output and error interleaved.</summary>
    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    private readonly System.Text.StringBuilder _log = new();

    /// <summary>
    /// Starts the server; with <paramref name="waitUntilReady"/> false it returns once the process runs (a test of the
    /// first-start import or of a damaged archive watches <c>/healthz</c> itself).
    /// </summary>
    public static async Task<ServerChildProcess> StartAsync(
        string dataDirectory, string? seedDirectory = null, int connections = 8, bool waitUntilReady = true, params string[] arguments)
    {
        var url = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{FreePort()}/"));
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = dataDirectory,
        };
        Directory.CreateDirectory(dataDirectory);
        foreach (var argument in new[]
        {
            ServerDll, "--data-dir", dataDirectory, "--seed-dir", seedDirectory ?? Path.Combine(dataDirectory, "no-seeds"),
            "--urls", url.ToString().TrimEnd('/'), "--Limits:WritesPerWindow=100000000",
        }.Concat(arguments))
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["REPORTARCHIVE_API_KEYS"] = Key;
        var process = Process.Start(info)!;
        var server = new ServerChildProcess(process, url, connections);
        process.OutputDataReceived += (_, line) => server.Append(line.Data);
        process.ErrorDataReceived += (_, line) => server.Append(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (waitUntilReady)
        {
            await server.WaitUntilReadyAsync();
        }

        return server;
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_log)
            {
                _log.AppendLine(line);
            }
        }
    }

    /// <summary>Waits for the process to exit by itself (a server that refuses to start); returns its exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cancel.Token);
        return _process.ExitCode;
    }

    /// <summary>SIGTERM: the host shuts down in order (hosted services are cancelled), as a service manager stops it.</summary>
    public async Task StopAsync()
    {
        if (!_process.HasExited)
        {
            using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]);
            await kill.WaitForExitAsync();
        }

        await _process.WaitForExitAsync();
    }

    /// <summary>SIGKILL: no shutdown, no flush, no disposal.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
    }

    private async Task WaitUntilReadyAsync()
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            Assert.False(_process.HasExited, $"the server exited with {(_process.HasExited ? _process.ExitCode : 0)} before it was ready");
            try
            {
                using var response = await Client.GetAsync(new Uri("/healthz", UriKind.Relative));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            Assert.True(clock.Elapsed < ReadyTimeout, $"the server was not ready after {ReadyTimeout}");
            await Task.Delay(50);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
        Client.Dispose();
    }
}
