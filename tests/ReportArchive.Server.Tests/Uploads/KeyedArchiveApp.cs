using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using ReportArchive.Server.Tests.Support;

namespace ReportArchive.Server.Tests.Uploads;

/// <summary>
/// The real server on a fresh data folder with extra settings (API keys), importing the given seed folder (the
/// repository's seeds by default, or an empty one) on start.
/// </summary>
internal sealed class KeyedArchiveApp : WebApplicationFactory<Program>
{
    public const string Key = "test-key-7f3a";

    private readonly IReadOnlyDictionary<string, string> _settings;
    private readonly string _seedDirectory;

    private KeyedArchiveApp(IReadOnlyDictionary<string, string> settings, string seedDirectory)
    {
        _settings = settings;
        _seedDirectory = seedDirectory;
    }

    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "reportarchive-server-tests", Guid.NewGuid().ToString("N"));

    /// <summary>A server whose configuration holds <see cref="Key"/> in the ApiKeys section.</summary>
    public static Task<KeyedArchiveApp> WithKeyAsync(bool seeds = true) =>
        StartAsync(new Dictionary<string, string> { ["ApiKeys:0"] = "another-key", ["ApiKeys:1"] = Key }, seeds);

    public static async Task<KeyedArchiveApp> StartAsync(IReadOnlyDictionary<string, string> settings, bool seeds = true)
    {
        var app = new KeyedArchiveApp(settings, seeds ? RepositoryFiles.SeedsDirectory : Path.Combine(Path.GetTempPath(), "reportarchive-no-seeds"));
        using var client = app.CreateClient();
        await ServerReadiness.WaitAsync(client);

        return app;
    }

    public HttpClient CreateKeyedClient(string key = Key)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("data-dir", DataDirectory);
        builder.UseSetting("seed-dir", _seedDirectory);
        foreach (var (name, value) in _settings)
        {
            builder.UseSetting(name, value);
        }
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
