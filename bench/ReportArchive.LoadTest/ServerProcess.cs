using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace ReportArchive.LoadTest;

/// <summary>
/// The built server (<c>dotnet ReportArchive.Server.dll</c>) as a child process on a free loopback port over a data
/// folder, with extra arguments and environment variables; ready once <c>/healthz</c> answers 200. Disposing kills it.
/// </summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromMinutes(10);
    private readonly Process _process;
    private readonly Queue<string> _lastLines = new();

    private ServerProcess(Process process, Uri url)
    {
        _process = process;
        Url = url;
    }

    public Uri Url { get; }

    public static async Task<ServerProcess> StartAsync(
        string dll, string dataDirectory, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string> environment)
    {
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException($"no server at {dll}: build src/ReportArchive.Server or pass --server-dll", dll);
        }

        var url = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{FreePort()}/"));
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        foreach (var argument in new[] { dll, "--data-dir", dataDirectory, "--seed-dir", Path.Combine(dataDirectory, "no-seeds"), "--urls", url.ToString().TrimEnd('/') }.Concat(arguments))
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }

        var server = new ServerProcess(Process.Start(info)!, url);
        server._process.OutputDataReceived += (_, line) => server.Remember(line.Data);
        server._process.ErrorDataReceived += (_, line) => server.Remember(line.Data);
        server._process.BeginOutputReadLine();
        server._process.BeginErrorReadLine();
        await server.WaitUntilReadyAsync();
        return server;
    }

    /// <summary>The default server: built next to this tool, same configuration.</summary>
    public static string DefaultDll()
    {
        var output = new DirectoryInfo(AppContext.BaseDirectory); // bench/ReportArchive.LoadTest/bin/{Configuration}/{tfm}/
        for (var folder = output; folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "ReportArchive.sln")))
            {
                return Path.Combine(folder.FullName, "src", "ReportArchive.Server", "bin", output.Parent!.Name, output.Name, "ReportArchive.Server.dll");
            }
        }

        throw new FileNotFoundException("the repository root was not found above " + output.FullName);
    }

    private async Task WaitUntilReadyAsync()
    {
        using var http = new HttpClient { BaseAddress = Url, Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"the server exited with {_process.ExitCode}:\n{string.Join('\n', LastLines())}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri("healthz", UriKind.Relative));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            catch (TaskCanceledException)
            {
                // busy starting
            }

            if (clock.Elapsed > ReadyTimeout)
            {
                throw new TimeoutException($"the server was not ready after {ReadyTimeout}");
            }

            await Task.Delay(50);
        }
    }

    private void Remember(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_lastLines)
        {
            _lastLines.Enqueue(line);
            if (_lastLines.Count > 40)
            {
                _lastLines.Dequeue();
            }
        }
    }

    public IReadOnlyList<string> LastLines()
    {
        lock (_lastLines)
        {
            return [.. _lastLines];
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
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
        _process.Dispose();
    }
}
