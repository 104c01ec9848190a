using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using ReportArchive.Server.Tests.Support;

namespace ReportArchive.Server.Tests.Reliability;

/// <summary>
/// The real server through Kestrel on a free loopback port, with an API key (so uploads read their bodies) and the
/// repository's seeds, on a fresh temporary data folder: what a raw-socket client talks to. Extra settings (limits)
/// may be given.
/// </summary>
internal sealed class LoopbackKeyedArchive : WebApplicationFactory<Program>
{
    public const string Key = "loopback-key-51c9";

    private readonly IReadOnlyDictionary<string, string> _settings;

    private LoopbackKeyedArchive(IReadOnlyDictionary<string, string> settings) => _settings = settings;

    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "reportarchive-server-tests", Guid.NewGuid().ToString("N"));

    public IPEndPoint EndPoint { get; private set; } = new(IPAddress.Loopback, 0);

    public Uri Address => new($"http://127.0.0.1:{EndPoint.Port}/");

    public static async Task<LoopbackKeyedArchive> StartAsync(IReadOnlyDictionary<string, string>? settings = null)
    {
        var app = new LoopbackKeyedArchive(settings ?? new Dictionary<string, string>());
        app.EndPoint = new IPEndPoint(IPAddress.Loopback, FreeLoopbackPort());
        app.UseKestrel(options => options.Listen(app.EndPoint));
        app.StartServer();
        using var client = app.CreateLoopbackClient();
        await ServerReadiness.WaitAsync(client);

        return app;
    }

    /// <summary>An HttpClient over the loopback port (not the in-memory test server), with the key when asked.</summary>
    public HttpClient CreateLoopbackClient(bool withKey = false)
    {
        var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(60) };
        if (withKey)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Key);
        }

        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("data-dir", DataDirectory);
        builder.UseSetting("seed-dir", RepositoryFiles.SeedsDirectory);
        builder.UseSetting("ApiKeys:0", Key);
        foreach (var (name, value) in _settings)
        {
            builder.UseSetting(name, value);
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
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
