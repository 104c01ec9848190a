using ReportArchive.Tests.Fixtures;

namespace ReportArchive.Tests.Search;

public sealed class TraditionalTextTests
{
    [Fact]
    public async Task TraditionalReport_IsFoundBySimplifiedQuery_AndHighlightedOnItsOwnCharacters()
    {
        using var archive = new TemporaryArchive();
        var folder = Directory.CreateDirectory(Path.Combine(archive.DataDirectory, "incoming")).FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, "tw.txt"),
            "臺北市政府2021年政府資訊公開工作年度報告\n\n本年度未發生行政復議或行政訴\n訟。");
        var summary = await archive.Importer.ImportAsync([folder], null, CancellationToken.None);
        Assert.Single(summary.Imported);

        var hit = Assert.Single(archive.Search("行政诉讼").Hits);
        Assert.Contains("<mark>行政訴訟</mark>", hit.Snippets[0], StringComparison.Ordinal);
        Assert.Equal(1, archive.Search("行政訴訟").Total);
        Assert.Equal(1, archive.Search("\"未发生行政复议\"").Total);
    }
}
