namespace ReportArchive.Server.Tests.Browser;

public sealed class DebugStatsTmp
{
    [Fact]
    public async Task Debug()
    {
        await using var session = await BrowserSession.StartAsync(generatedReports: true);
        var page = await session.NewPageAsync(new() { Width = 390, Height = 844 });
        await page.GotoAsync("/stats.html?figure=rates.disclosure&groupBy=province&figure=review.total%3E0&year=2021");
        await Task.Delay(4000);
        await page.ScreenshotAsync(new() { Path = "/tmp/i17-stats-390.png", FullPage = true });
        var page2 = await session.NewPageAsync(new() { Width = 1400, Height = 1000 });
        await page2.GotoAsync("/stats.html?figure=requests.new.total&groupBy=agencyType&region=32");
        await Task.Delay(4000);
        await page2.ScreenshotAsync(new() { Path = "/tmp/i17-stats-1400.png", FullPage = false });
    }
}
