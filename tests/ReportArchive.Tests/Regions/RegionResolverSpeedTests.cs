using System.Diagnostics;
using ReportArchive.Regions;

namespace ReportArchive.Tests.Regions;

public sealed class RegionResolverSpeedTests
{
    [Fact]
    public void Resolve_SeedReports_TakesWellUnderAMillisecondEach()
    {
        var texts = SeedReports.All();
        string[] agencies = ["河东区工信局", "萝北县工业信息科技局", "灋河回族区科技和工业信息化局", "海原县工业信息化和商务局", "区工信局"];
        var resolver = RegionResolver.Default;
        for (var i = 0; i < 200; i++)
        {
            resolver.Resolve(agencies[i % 5], texts[i % texts.Count]);
        }

        const int Runs = 2000;
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < Runs; i++)
        {
            resolver.Resolve(agencies[i % 5], texts[i % texts.Count]);
        }

        // Measured at about 30 µs; the bound leaves room for a busy machine.
        Assert.True(watch.Elapsed.TotalMilliseconds / Runs < 1.0, $"{watch.Elapsed.TotalMilliseconds / Runs:F3} ms per report");
    }
}
