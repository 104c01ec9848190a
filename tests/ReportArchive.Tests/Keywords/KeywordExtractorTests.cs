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
        using var connection = archive.Database.OpenConnection();
        var index = archive.Store.TextIndex.Load(connection);

        Assert.Equal(5, index.TotalDocuments);
        Assert.Equal(1L, index.DocumentFrequency("郑州"));   // two characters: exact
        Assert.Equal(5L, index.DocumentFrequency("诉讼"));
        Assert.Equal(0L, index.DocumentFrequency("不存在的词"));
        Assert.True(index.DocumentFrequency("郑州市") >= 1); // longer: an upper bound, its rarest token
    }
}
