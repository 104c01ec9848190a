using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ReportArchive.Server.Tests.Support;

/// <summary>
/// The real server, hosted in-process on a fresh temporary data folder with the repository's seeds: each test
/// creates its own (<c>await using var app = await ReportArchiveApp.StartAsync()</c>), so nothing is shared.
/// </summary>
public sealed class ReportArchiveApp : WebApplicationFactory<Program>
{
    private readonly bool _ownsDataDirectory;

    private ReportArchiveApp(string seedDirectory, string? dataDirectory)
    {
        _ownsDataDirectory = dataDirectory is null;
        DataDirectory = dataDirectory ?? Path.Combine(Path.GetTempPath(), "reportarchive-server-tests", Guid.NewGuid().ToString("N"));
        SeedDirectory = seedDirectory;
    }

    public string DataDirectory { get; }

    public string SeedDirectory { get; }

    public static string RepositoryRoot => Testing.RepositoryRoot.Path;

    /// <summary>Starts the server; a given data folder is reused and left in place, a new one is deleted afterwards.</summary>
    public static async Task<ReportArchiveApp> StartAsync(string? seedDirectory = null, string? dataDirectory = null)
    {
        var app = new ReportArchiveApp(seedDirectory ?? Path.Combine(RepositoryRoot, "seeds"), dataDirectory);
        using var client = app.CreateClient();
        await ServerReadiness.WaitAsync(client);

        return app;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("data-dir", DataDirectory);
        builder.UseSetting("seed-dir", SeedDirectory);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (!_ownsDataDirectory)
        {
            return;
        }

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
