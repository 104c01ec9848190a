namespace ReportArchive.Server.Tests.Browser;

/// <summary>One <see cref="BrowserSession"/> on the 2,000 generated reports shared by a test class whose tests only read.</summary>
public sealed class GeneratedArchiveSession : IAsyncLifetime
{
    internal BrowserSession Session { get; private set; } = null!;

    public async Task InitializeAsync() => Session = await BrowserSession.StartAsync(generatedReports: true);

    public async Task DisposeAsync() => await Session.DisposeAsync();
}
