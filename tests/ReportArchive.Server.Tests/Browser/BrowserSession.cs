using Microsoft.Playwright;
using ReportArchive.Server.Tests.Support;

namespace ReportArchive.Server.Tests.Browser;

/// <summary>
/// The server listening on a loopback port through Kestrel and Debian's chromium driven by Microsoft.Playwright (its
/// driver and Node.js come in the NuGet package), for the tests of the web page. Fails, never skips, when the browser
/// is missing: <c>apt-get install -y chromium</c> (or set REPORTARCHIVE_CHROMIUM to another executable).
/// </summary>
internal sealed class BrowserSession : IAsyncDisposable
{
    /// <summary>CI machines are shared and the suites run in parallel: wait up to 30 s for the page, not Playwright's 5 s.</summary>
    public const int LoadTolerantTimeoutMs = 30_000;

    private static readonly string ChromiumPath = Environment.GetEnvironmentVariable("REPORTARCHIVE_CHROMIUM") ?? "/usr/bin/chromium";

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;
    private readonly Uri _address;

    private BrowserSession(ArchiveApplication app, Uri address, IPlaywright playwright, IBrowser browser)
    {
        App = app;
        _address = address;
        _playwright = playwright;
        _browser = browser;
    }

    public ArchiveApplication App { get; }

    /// <summary>The server on the repository's 5 seeds, or with <paramref name="generatedReports"/> on a copy of <see cref="GeneratedArchive"/>'s 2,000.</summary>
    public static async Task<BrowserSession> StartAsync(bool generatedReports = false)
    {
        Assert.True(File.Exists(ChromiumPath),
            $"The browser test needs Debian's chromium at {ChromiumPath}: run `apt-get install -y chromium` (.ci/run does), or set REPORTARCHIVE_CHROMIUM.");
        var app = generatedReports ? await ArchiveApplication.WithGeneratedReports() : new ArchiveApplication();
        var address = await app.StartOnLoopbackAsync();
        var playwright = await Playwright.CreateAsync();
        Assertions.SetDefaultExpectTimeout(LoadTolerantTimeoutMs);
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        return new BrowserSession(app, address, playwright, browser);
    }

    /// <summary>A new page on the server's address, with the load-tolerant timeout.</summary>
    public async Task<IPage> NewPageAsync(ViewportSize? viewport = null)
    {
        var options = new BrowserNewPageOptions { BaseURL = _address.ToString() };
        if (viewport is not null)
        {
            options.ViewportSize = viewport;
        }

        var page = await _browser.NewPageAsync(options);
        page.SetDefaultTimeout(LoadTolerantTimeoutMs);
        return page;
    }

    /// <summary>The browser first, then the server.</summary>
    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        App.Dispose();
    }
}
