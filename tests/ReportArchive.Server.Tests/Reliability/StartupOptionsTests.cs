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
