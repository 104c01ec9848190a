using ReportArchive.Keywords;
using ReportArchive.Tests.Fixtures;

namespace ReportArchive.Tests.Keywords;

public sealed class KeywordExtractorTests
{
    [Fact]
    public async Task SeedKeywords_AreWhatTheReportTalksAbout_NotTheTemplate()
    {
        using var archive = await TemporaryArchive.WithSeedsAsync();
        var zhengzhou = archive.Store.Get(archive.Search("郑州").Hits[0].Id)!;
        var keywords = KeywordExtractor.Default.For(zhengzhou, archive.Store).Select(k => k.Word).ToList();

        Assert.Equal(10, keywords.Count);
        Assert.Contains("郑州市", keywords);
        Assert.DoesNotContain("政府信息公开", keywords);
        Assert.DoesNotContain("行政诉讼", keywords); // template wording
        Assert.DoesNotContain("工作", keywords);     // stop word
        Assert.All(keywords, k => Assert.True(k.Length >= 2));
    }

    [Fact]
    public void Score_IsTfIdf_RarerWordsFirstAtEqualCounts()
    {
        var keywords = KeywordExtractor.Default.Top(
            "郑州市郑州市洛阳市洛阳市",
            words => words.ToDictionary(w => w, w => w == "郑州市" ? 1L : 50L),
            documents: 100);
        Assert.Equal(["郑州市", "洛阳市"], keywords.Select(k => k.Word).ToArray());
        Assert.Equal(Math.Round(2 * Math.Log(1 + 100.0 / 1), 4), keywords[0].Score);
        Assert.Equal(Math.Round(2 * Math.Log(1 + 100.0 / 50), 4), keywords[1].Score);
    }

    [Fact]
    public async Task DocumentFrequencies_CountEachReportOnce_AndSkipDuplicates()
    {
        using var archive = await TemporaryArchive.WithSeedsAsync();
        await archive.Importer.ImportAsync([RepositoryFiles.SeedsDirectory], null, CancellationToken.None);
        var frequencies = archive.Store.WordDocumentFrequencies(["郑州市", "河东区", "不存在的词"]);
        Assert.Equal(1L, frequencies["郑州市"]);
        Assert.Equal(1L, frequencies["河东区"]);
        Assert.False(frequencies.ContainsKey("不存在的词"));
    }
}
