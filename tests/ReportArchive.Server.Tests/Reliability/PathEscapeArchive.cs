using ReportArchive.Server.Tests.Support;

namespace ReportArchive.Server.Tests.Reliability;

/// <summary>
/// The fixture of <see cref="PathEscapeTests"/>: a temporary root holding planted files (<c>secret.txt</c>,
/// <c>x.txt</c>) at three depths and, at <c>a/b/data</c>, the data folder of one real server started as a child process
/// with the repository's seeds.
/// </summary>
public sealed class PathEscapeArchive : IAsyncLifetime
{
    private ServerChildProcess? _server;

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "reportarchive-escape", Guid.NewGuid().ToString("N"));

    public string Secret { get; } = "PLANTED-OUTSIDE-" + Guid.NewGuid().ToString("N");

    public string Data => Path.Combine(Root, "a", "b", "data");

    internal ServerChildProcess Server => _server ?? throw new InvalidOperationException("not started");

    public async Task InitializeAsync()
    {
        foreach (var folder in new[] { Root, Path.Combine(Root, "a"), Path.Combine(Root, "a", "b") })
        {
            Directory.CreateDirectory(folder);
            await File.WriteAllTextAsync(Path.Combine(folder, "secret.txt"), Secret);
            await File.WriteAllTextAsync(Path.Combine(folder, "x.txt"), Secret);
        }

        _server = await ServerChildProcess.StartAsync(Data, RepositoryFiles.SeedsDirectory);
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // a leftover temp folder is harmless
        }
    }
}
