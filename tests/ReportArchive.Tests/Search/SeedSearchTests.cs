using ReportArchive.Tests.Fixtures;

namespace ReportArchive.Tests.Search;

/// <summary>The acceptance searches over the five seed reports.</summary>
public sealed class SeedSearchTests
{
    [Fact]
    public async Task Litigation_FindsEverySeed_WithMarkedSnippets()
    {
        using var archive = await TemporaryArchive.WithSeedsAsync();
        var result = archive.Search("行政诉讼");
        Assert.Equal(5, result.Total);
        Assert.All(result.Hits, hit => Assert.Contains(hit.Snippets, s => s.Contains("<mark>行政诉讼</mark>", StringComparison.Ordinal)));
    }
}
