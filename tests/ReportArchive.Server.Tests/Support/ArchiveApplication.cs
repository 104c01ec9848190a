using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ReportArchive.Server.Tests.Support;

/// <summary>
/// The real server in process, on a fresh temporary data folder that imports the repository's seeds on start
/// (5 reports). <see cref="CreateReadyClientAsync"/> waits until <c>/healthz</c> says the import is done. With
/// <see cref="StartOnLoopbackAsync"/> it listens on a free loopback port through Kestrel, for a real browser.
/// <see cref="WithGeneratedReports"/> starts it instead on a copy of <see cref="GeneratedArchive"/>'s 2,000 reports.
/// </summary>
public sealed class ArchiveApplication : WebApplicationFactory<Program>
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(120);

    private readonly string _seedDirectory;

    public ArchiveApplication()
        : this(RepositoryFiles.SeedsDirectory)
    {
    }

    private ArchiveApplication(string seedDirectory) => _seedDirectory = seedDirectory;

    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "reportarchive-server-tests", Guid.NewGuid().ToString("N"));

    /// <summary>A server on its own copy of the generated 2,000-report archive (built once per test run), seeding nothing.</summary>
    public static async Task<ArchiveApplication> WithGeneratedReports()
    {
        var app = new ArchiveApplication(Path.Combine(Path.GetTempPath(), "reportarchive-server-tests", "no-seeds"));
        Directory.CreateDirectory(app._seedDirectory);
        await GeneratedArchive.CopyToAsync(app.DataDirectory);
        return app;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("data-dir", DataDirectory);
        builder.UseSetting("seed-dir", _seedDirectory);
        builder.UseSetting("urls", "http://127.0.0.1:0"); // never the default port
    }

    public async Task<HttpClient> CreateReadyClientAsync()
    {
        var client = CreateClient();
        await WaitUntilReadyAsync(client);
        return client;
    }

    /// <summary>Starts Kestrel on a free loopback port and returns the base address once the server is ready.</summary>
    public async Task<Uri> StartOnLoopbackAsync()
    {
        var port = FreeLoopbackPort();
        UseKestrel(options => options.Listen(IPAddress.Loopback, port));
        StartServer();
        var address = new Uri($"http://127.0.0.1:{port}/");
        using var client = new HttpClient { BaseAddress = address };
        await WaitUntilReadyAsync(client);
        return address;
    }

    private static async Task WaitUntilReadyAsync(HttpClient client)
    {
        var deadline = DateTime.UtcNow + ReadyTimeout;
        while (true)
        {
            using var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative));
            if (response.StatusCode == HttpStatusCode.OK)
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"/healthz still answers {(int)response.StatusCode} after {ReadyTimeout}");
            }

            await Task.Delay(100);
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // a leftover temp folder is harmless
        }
    }
}
