using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace ReportArchive.Benchmarks;

/// <summary>
/// Starts the built server (<c>dotnet ReportArchive.Server.dll</c>) as a child process on a free loopback port over
/// the imported archive and times the start until <c>/healthz</c> answers 200, then the first and second search
/// over HTTP; stops the child and repeats.
/// </summary>
internal static class ServerStartMeasurement
{
    private const string SearchPath = "/api/search?q=%E8%A1%8C%E6%94%BF%E8%AF%89%E8%AE%BC"; // q=行政诉讼

    public static async Task<ServerStartResult?> RunAsync(string archiveDirectory, int starts)
    {
        var dll = FindServer();
        if (dll is null)
        {
            return null;
        }

        var ready = new List<double>();
        var firstSearch = new List<double>();
        var secondSearch = new List<double>();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        for (var i = 0; i < starts; i++)
        {
            var url = string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{FreePort()}");
            var info = new ProcessStartInfo("dotnet")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                WorkingDirectory = Path.GetDirectoryName(dll)!,
            };
            foreach (var argument in new[]
            {
                dll, "--data-dir", archiveDirectory, "--seed-dir", Path.Combine(archiveDirectory, "no-seeds"), "--urls", url,
            })
            {
                info.ArgumentList.Add(argument);
            }

            var clock = Stopwatch.StartNew();
            using var process = Process.Start(info)!;
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            try
            {
                while (!await IsHealthyAsync(http, url + "/healthz"))
                {
                    if (process.HasExited || clock.Elapsed > TimeSpan.FromSeconds(60))
                    {
                        throw new InvalidOperationException($"the server did not become ready (exit: {process.HasExited})");
                    }

                    await Task.Delay(10);
                }

                ready.Add(clock.Elapsed.TotalMilliseconds);
                clock.Restart();
                (await http.GetAsync(new Uri(url + SearchPath))).EnsureSuccessStatusCode();
                firstSearch.Add(clock.Elapsed.TotalMilliseconds);
                clock.Restart();
                (await http.GetAsync(new Uri(url + SearchPath))).EnsureSuccessStatusCode();
                secondSearch.Add(clock.Elapsed.TotalMilliseconds);
            }
            finally
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }

        return new ServerStartResult(starts, Statistics.Median(ready), ready.Max(), Statistics.Median(firstSearch), Statistics.Median(secondSearch));
    }

    private static async Task<bool> IsHealthyAsync(HttpClient http, string url)
    {
        try
        {
            using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            using var response = await http.GetAsync(new Uri(url), cancel.Token);
            return response.StatusCode == HttpStatusCode.OK;
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (TaskCanceledException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The server's build output next to this benchmark's, same configuration (it is built with it).</summary>
    private static string? FindServer()
    {
        var output = new DirectoryInfo(AppContext.BaseDirectory); // bench/ReportArchive.Benchmarks/bin/{Configuration}/{tfm}/
        var framework = output.Name;
        var configuration = output.Parent?.Name;
        for (var folder = output; folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "ReportArchive.sln")) && configuration is not null)
            {
                var dll = Path.Combine(folder.FullName, "src", "ReportArchive.Server", "bin", configuration, framework, "ReportArchive.Server.dll");
                return File.Exists(dll) ? dll : null;
            }
        }

        return null;
    }
}

internal sealed record ServerStartResult(int Starts, double ReadyMedianMs, double ReadyMaxMs, double FirstSearchMs, double SecondSearchMs);
